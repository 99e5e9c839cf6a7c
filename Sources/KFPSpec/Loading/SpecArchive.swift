import Foundation
import ZIPFoundation

/// A pipeline package: a zip archive holding one spec file, as KFP's pipeline upload accepts.
struct SpecArchive {
    let file: String?

    /// `true` when `data` starts with the zip signature.
    static func isZip(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
    }

    /// The name and contents of the single file inside a zip archive.
    ///
    /// - Throws: ``SpecError`` of kind `.syntax` when the archive cannot be read or does not hold exactly one file.
    func singleFile(in data: Data) throws(SpecError) -> (name: String, data: Data) {
        // ZIPFoundation's in-memory archive traps on an entry offset past the end (a seek beyond
        // the data, then a negative read; found by fuzzing), so the archive is read from a file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive: Archive
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("package.zip")
            try data.write(to: url)
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpecError(.syntax, file: file, message: "cannot read the zip archive: \(error)")
        }
        let files = archive.filter { $0.type == .file && !$0.path.hasPrefix("__MACOSX/") }
        guard files.count == 1, let entry = files.first else {
            let names = files.map { "'\($0.path)'" }.joined(separator: ", ")
            throw SpecError(
                .syntax, file: file,
                message: "a pipeline package holds exactly one spec file, found \(files.count)\(names.isEmpty ? "" : ": \(names)")")
        }
        // An entry claiming more compressed bytes than the archive has made ZIPFoundation read past
        // the end without end (found by fuzzing).
        guard entry.compressedSize <= UInt64(data.count) else {
            throw SpecError(
                .syntax, file: file,
                message: "the zip entry '\(entry.path)' claims \(entry.compressedSize) compressed bytes, more than the archive's \(data.count)")
        }
        var contents = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in contents.append(chunk) }
        } catch {
            throw SpecError(.syntax, file: file, message: "cannot extract '\(entry.path)' from the zip archive: \(error)")
        }
        return (entry.path, contents)
    }
}
