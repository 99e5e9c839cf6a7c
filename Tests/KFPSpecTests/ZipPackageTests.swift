import Foundation
import KFPSpec
import Testing

/// Pipeline packages whose zip headers lie: each ends with a clear error, never a hang (the
/// deflate loop of ZIPFoundation 0.9.20 spins on a stream that ends early) and never a read past
/// the archive's bytes.
@Suite("zip pipeline packages")
struct ZipPackageTests {
    static let spec = Data("pipelineInfo:\n  name: echo\nroot:\n  dag:\n    tasks: {}\nschemaVersion: 2.1.0\n".utf8)

    @Test("a stored entry with the right CRC-32 loads; with a wrong one it is refused, naming both checksums")
    func storedEntry() throws {
        let loaded = try SpecLoader(file: "p.zip").load(ZipBuilder(method: 0, data: Self.spec, crc32: ZipBuilder.crc32(Self.spec)).archive)
        #expect(loaded.file == "p.zip!pipeline.yaml")
        let error = try #require(throws: SpecError.self) {
            try SpecLoader(file: "p.zip").load(ZipBuilder(method: 0, data: Self.spec, crc32: 0x1234).archive)
        }
        #expect(error.description == "p.zip: error: cannot extract 'pipeline.yaml' from the zip archive: CRC-32 mismatch: the archive says 1234, the data gives \(String(ZipBuilder.crc32(Self.spec), radix: 16))")
    }

    @Test("a deflate stream that ends before its end marker is refused (it hung before)")
    func truncatedDeflate() throws {
        // A stored block (BFINAL 0) that announces 65535 bytes, of which 20 follow.
        let stream = Data([0x00, 0xFF, 0xFF, 0x00, 0x00]) + Data(repeating: 0x61, count: 20)
        let error = try #require(throws: SpecError.self) {
            try SpecLoader(file: "p.zip").load(ZipBuilder(method: 8, data: stream, crc32: 0, uncompressedSize: 65535).archive)
        }
        #expect(error.description == "p.zip: error: cannot extract 'pipeline.yaml' from the zip archive: the compressed data ends before its deflate stream does")
    }

    @Test("an entry whose compressed size runs past the archive's end is refused with both figures")
    func sizePastTheEnd() throws {
        var builder = ZipBuilder(method: 0, data: Self.spec, crc32: ZipBuilder.crc32(Self.spec))
        builder.claimedCompressedSize = 4000
        let archive = builder.archive
        let error = try #require(throws: SpecError.self) { try SpecLoader(file: "p.zip").load(archive) }
        #expect(error.description == "p.zip: error: cannot extract 'pipeline.yaml' from the zip archive: the data of 'pipeline.yaml' (4000 bytes from offset 43) runs past the archive's end (\(archive.count) bytes)")
    }

    @Test("a compression method other than stored or deflate is named")
    func unsupportedMethod() throws {
        let error = try #require(throws: SpecError.self) {
            try SpecLoader(file: "p.zip").load(ZipBuilder(method: 12, data: Self.spec, crc32: 0).archive)
        }
        #expect(error.description == "p.zip: error: cannot extract 'pipeline.yaml' from the zip archive: compression method 12 is not supported (stored, 0, and deflate, 8, are)")
    }
}

/// A one-entry zip archive assembled byte by byte, so its headers can say what a test needs.
struct ZipBuilder {
    var name = "pipeline.yaml"
    var method: UInt16
    var data: Data
    var crc32: UInt32
    var uncompressedSize: Int?
    /// The compressed size both headers claim; the data's own size when nil.
    var claimedCompressedSize: Int?

    init(method: UInt16, data: Data, crc32: UInt32, uncompressedSize: Int? = nil) {
        self.method = method
        self.data = data
        self.crc32 = crc32
        self.uncompressedSize = uncompressedSize
    }

    var archive: Data {
        let compressed = UInt32(claimedCompressedSize ?? data.count)
        let size = UInt32(uncompressedSize ?? data.count)
        let nameBytes = Data(name.utf8)
        var local = Data()
        local.append(le: 0x0403_4B50); local.append(le16: 20); local.append(le16: 0); local.append(le16: method)
        local.append(le16: 0); local.append(le16: 0x21)
        local.append(le: crc32); local.append(le: compressed); local.append(le: size)
        local.append(le16: UInt16(nameBytes.count)); local.append(le16: 0)
        local += nameBytes + data
        var central = Data()
        central.append(le: 0x0201_4B50); central.append(le16: 20); central.append(le16: 20); central.append(le16: 0)
        central.append(le16: method); central.append(le16: 0); central.append(le16: 0x21)
        central.append(le: crc32); central.append(le: compressed); central.append(le: size)
        central.append(le16: UInt16(nameBytes.count)); central.append(le16: 0); central.append(le16: 0)
        central.append(le16: 0); central.append(le16: 0); central.append(le: 0o100644 << 16); central.append(le: 0)
        central += nameBytes
        var end = Data()
        end.append(le: 0x0605_4B50); end.append(le16: 0); end.append(le16: 0); end.append(le16: 1); end.append(le16: 1)
        end.append(le: UInt32(central.count)); end.append(le: UInt32(local.count)); end.append(le16: 0)
        return local + central + end
    }

    /// The CRC-32 (IEEE) of `data`, as zip headers carry it.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension Data {
    fileprivate mutating func append(le value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
