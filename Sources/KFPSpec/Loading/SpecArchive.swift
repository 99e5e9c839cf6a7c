import Foundation
import ZIPFoundation

/// A pipeline package: a zip archive holding one spec file, as KFP's pipeline upload accepts.
package struct SpecArchive {
    let file: String?

    /// `true` when `data` starts with the zip signature.
    static func isZip(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
    }

    /// The largest spec file a package may hold (128 MiB uncompressed).
    package static let maximumFileBytes = 128 << 20

    /// Whether an archive member's name points outside the folder it would be extracted to: an
    /// absolute path, or a `..` component (zip-slip, tar-slip).
    package static func leavesPackage(_ name: String) -> Bool {
        name.hasPrefix("/") || name.hasPrefix("\\")
            || name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
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
        if let outside = archive.first(where: { Self.leavesPackage($0.path) }) {
            throw SpecError(
                .syntax, file: file,
                message: "the zip archive has an entry outside the package, '\(outside.path)'; entries with '..' or an absolute path are refused")
        }
        let members = Array(archive.enumerated())
        let files = members.filter { $0.element.type == .file && !$0.element.path.hasPrefix("__MACOSX/") }
        guard files.count == 1, let (index, entry) = files.first else {
            let names = files.map { "'\($0.element.path)'" }.joined(separator: ", ")
            throw SpecError(
                .syntax, file: file,
                message: "a pipeline package holds exactly one spec file, found \(files.count)\(names.isEmpty ? "" : ": \(names)")")
        }
        guard entry.uncompressedSize <= UInt64(Self.maximumFileBytes) else {
            throw SpecError(
                .syntax, file: file,
                message: "'\(entry.path)' in the zip archive is \(entry.uncompressedSize) bytes, over the limit of \(Self.maximumFileBytes) bytes for a spec")
        }
        let contents: Data
        do {
            // The size in the entry's header is the archive's claim; the bytes are what count.
            contents = try ZipEntryReader(archive: data).contents(
                ofMember: index, path: entry.path, checksum: entry.checksum, limit: Self.maximumFileBytes,
                overLimit: { SpecError(.syntax, file: nil, message: "over the limit of \(Self.maximumFileBytes) bytes for a spec") })
        } catch {
            throw SpecError(.syntax, file: file, message: "cannot extract '\(entry.path)' from the zip archive: \(error)")
        }
        return (entry.path, contents)
    }
}
