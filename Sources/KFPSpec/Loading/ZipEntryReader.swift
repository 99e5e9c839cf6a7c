import Foundation
import ZIPFoundation

/// Reads one file's bytes out of a zip archive held in memory, bounded by the archive's own bytes.
///
/// ZIPFoundation 0.9.20 lists the archive, but its extraction on Linux loops forever when a deflate
/// stream ends before its end marker (the provider answers an empty chunk at the end of the file and
/// the inflate loop asks again; upstream weichsel/ZIPFoundation#389, open), and it hands zlib a
/// chunk's full buffer size even when the chunk is shorter (found by fuzzing: `kfp spec check` hung
/// on a zip whose local header disagrees with its central directory). Here the entry's data is
/// located from the zip's own headers, checked to lie inside the archive, and inflated through
/// ZIPFoundation's public `Data.decompress` with a provider that serves whole chunks and throws at
/// the end of the data instead of answering an empty one.
struct ZipEntryReader {
    let archive: Data

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case unsupportedMethod(UInt16)
        case truncated
        case checksum(expected: UInt32, found: UInt32)

        var description: String {
            switch self {
            case .malformed(let what): what
            case .unsupportedMethod(let method):
                "compression method \(method) is not supported (stored, 0, and deflate, 8, are)"
            case .truncated: "the compressed data ends before its deflate stream does"
            case .checksum(let expected, let found):
                "CRC-32 mismatch: the archive says \(String(expected, radix: 16)), the data gives \(String(found, radix: 16))"
            }
        }
    }

    /// The uncompressed bytes of the `index`th member (central directory order, as ZIPFoundation
    /// lists them), named `path` in messages, at most `limit` bytes.
    ///
    /// - Throws: `Failure` when the headers point outside the archive, the data is truncated or
    ///   fails its CRC-32, or the method is neither stored nor deflate; `overLimit` from `consumer`.
    func contents(ofMember index: Int, path: String, checksum: UInt32, limit: Int, overLimit: @escaping () -> any Error) throws -> Data {
        let record = try centralDirectoryRecord(at: index)
        let header = record.localHeaderOffset
        guard header.addingReportingOverflow(30).partialValue <= archive.count, uint32(at: header) == 0x0403_4B50 else {
            throw Failure.malformed("the local header of '\(path)' at offset \(header) is not inside the archive (\(archive.count) bytes)")
        }
        let dataStart = header + 30 + Int(uint16(at: header + 26)) + Int(uint16(at: header + 28))
        guard dataStart <= archive.count, record.compressedSize <= archive.count - dataStart else {
            throw Failure.malformed(
                "the data of '\(path)' (\(record.compressedSize) bytes from offset \(dataStart)) runs past the archive's end (\(archive.count) bytes)")
        }
        let compressed = archive[(archive.startIndex + dataStart)..<(archive.startIndex + dataStart + record.compressedSize)]
        var contents = Data()
        let append: (Data) throws -> Void = { chunk in
            contents.append(chunk)
            if contents.count > limit { throw overLimit() }
        }
        switch record.method {
        case 0:
            try append(Data(compressed))
            let found = contents.crc32(checksum: 0)
            guard found == checksum else { throw Failure.checksum(expected: checksum, found: found) }
        case 8:
            let chunkSize = 64 << 10
            let found = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: false,
                provider: { position, size in
                    // Whole chunks only (zlib is told the chunk is `size` bytes long); the last one is
                    // padded with zeros, which a complete stream never reaches (it ends first).
                    let start = compressed.startIndex + Int(position)
                    guard start < compressed.endIndex else { throw Failure.truncated }
                    var chunk = Data(compressed[start..<min(start + size, compressed.endIndex)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: append)
            guard found == checksum else { throw Failure.checksum(expected: checksum, found: found) }
        default:
            throw Failure.unsupportedMethod(record.method)
        }
        return contents
    }

    struct Record {
        let method: UInt16
        let compressedSize: Int
        let localHeaderOffset: Int
    }

    /// The `index`th central directory record, found from the end-of-central-directory record.
    func centralDirectoryRecord(at index: Int) throws -> Record {
        guard archive.count >= 22 else { throw Failure.malformed("the archive is shorter than a zip's end record") }
        let lowest = max(0, archive.count - 22 - 0xFFFF)
        guard let end = stride(from: archive.count - 22, through: lowest, by: -1).first(where: { uint32(at: $0) == 0x0605_4B50 }) else {
            throw Failure.malformed("no end of central directory record")
        }
        var offset = Int(uint32(at: end + 16))
        let count = Int(uint16(at: end + 10))
        guard offset != 0xFFFF_FFFF, count != 0xFFFF else {
            throw Failure.malformed("ZIP64 archives are not supported for pipeline packages")
        }
        guard index < count else { throw Failure.malformed("the central directory has \(count) entries, not \(index + 1)") }
        for position in 0...index {
            guard offset + 46 <= archive.count, uint32(at: offset) == 0x0201_4B50 else {
                throw Failure.malformed("the central directory record at offset \(offset) is not inside the archive")
            }
            if position == index {
                let compressedSize = uint32(at: offset + 20)
                let localOffset = uint32(at: offset + 42)
                guard compressedSize != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF else {
                    throw Failure.malformed("ZIP64 entries are not supported for pipeline packages")
                }
                return Record(method: uint16(at: offset + 10), compressedSize: Int(compressedSize), localHeaderOffset: Int(localOffset))
            }
            offset += 46 + Int(uint16(at: offset + 28)) + Int(uint16(at: offset + 30)) + Int(uint16(at: offset + 32))
        }
        throw Failure.malformed("the central directory ends before entry \(index + 1)")
    }

    /// The little-endian value at `offset`; 0 past the end (callers check bounds first).
    private func uint16(at offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= archive.count else { return 0 }
        let i = archive.startIndex + offset
        return UInt16(archive[i]) | UInt16(archive[i + 1]) << 8
    }

    private func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
}
