import Foundation
import KFPSpec

/// Makes the ``ArtifactPreview`` of an output artifact, as the KFP UI previews artifacts.
///
/// The KFP artifact type (`schemaTitle`) picks the preview:
/// - `system.Metrics`: the metadata as ``ArtifactPreview/metrics(_:)`` rows;
/// - `system.ClassificationMetrics` / `system.SlicedClassificationMetrics`: the metadata's
///   `confusionMatrix` and `confidenceMetrics` (per `evaluationSlices` entry when sliced);
/// - `system.HTML`: the file (for a folder, its `index.html` or first `.html`) as a document;
/// - `system.Markdown`: the file (for a folder, its first `.md`) rendered to HTML by Ink, with
///   raw HTML in the source escaped;
/// - anything else (`system.Dataset`, `system.Model`, `system.Artifact`, unknown types): a folder
///   listing, a CSV/TSV table, the first bytes of a text file, or the size of a binary file.
///
/// At most ``maxBytes`` bytes of a file are read. Previewing never throws: a missing file or a
/// read error becomes ``ArtifactPreview/missing(reason:)`` naming the file.
///
/// ```swift
/// let preview = ArtifactPreviewer().preview(schemaTitle: "system.Dataset", metadata: [:], file: url)
/// ```
package struct ArtifactPreviewer: Sendable {
    /// The most bytes read from a file (default 256 KiB).
    package var maxBytes: Int
    /// The most data rows of a CSV/TSV table (default 20).
    package var maxRows: Int
    /// The most columns of a CSV/TSV table (default 50).
    package var maxColumns: Int
    /// The most entries of a folder listing (default 100).
    package var maxFolderEntries: Int

    /// Makes a previewer with the given limits; each is clamped to at least 1.
    package init(maxBytes: Int = 256 * 1024, maxRows: Int = 20, maxColumns: Int = 50, maxFolderEntries: Int = 100) {
        self.maxBytes = max(1, maxBytes)
        self.maxRows = max(1, maxRows)
        self.maxColumns = max(1, maxColumns)
        self.maxFolderEntries = max(1, maxFolderEntries)
    }

    /// The preview of an artifact of KFP type `schemaTitle` (e.g. `system.Dataset`), with the
    /// `metadata` KFP wrote for it in `executor_output.json` and its local `file` (a file or a
    /// folder; `nil` when the artifact has no local copy). Metrics types use only `metadata`.
    package func preview(schemaTitle: String, metadata: [String: JSONValue], file: URL?) -> ArtifactPreview {
        switch schemaTitle {
        case "system.Metrics":
            return .metrics(Self.metricRows(metadata))
        case "system.ClassificationMetrics":
            return .classification(Self.classification(metadata, slice: nil))
        case "system.SlicedClassificationMetrics":
            return .slicedClassification(Self.slices(metadata))
        default:
            break
        }
        guard let file else { return .missing(reason: "the artifact has no local file") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            return .missing(reason: "file '\(file.path)' does not exist")
        }
        do {
            switch schemaTitle {
            case "system.HTML":
                return try documentPreview(file, isFolder: isDirectory.boolValue, kind: .html)
            case "system.Markdown":
                return try documentPreview(file, isFolder: isDirectory.boolValue, kind: .markdown)
            default:
                return isDirectory.boolValue ? try folderPreview(file) : try filePreview(file)
            }
        } catch let problem as ReadProblem {
            return .missing(reason: "cannot read '\(problem.file.path)': \(problem.reason)")
        } catch {
            return .missing(reason: "cannot read '\(file.path)': \(ReadProblem.describe(error))")
        }
    }

    // MARK: - Files

    /// An HTML or Markdown document; a folder's first matching file, or its listing when it has none.
    func documentPreview(_ url: URL, isFolder: Bool, kind: DocumentKind) throws -> ArtifactPreview {
        var file = url
        if isFolder {
            let names = try ReadProblem.reading(url) { try FileManager.default.contentsOfDirectory(atPath: url.path) }
                .sorted()
            let preferred = kind == .html ? ["index.html", "index.htm"] : ["README.md", "index.md"]
            let extensions: Set<String> = kind == .html ? ["html", "htm"] : ["md", "markdown"]
            let match =
                names.first { preferred.contains($0) }
                ?? names.first { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            guard let match else { return try folderPreview(url) }
            file = url.appendingPathComponent(match)
            // A link in the folder must not show a file from outside it (the run's folder was checked, not its links).
            let folder = url.resolvingSymlinksInPath().path + "/"
            guard file.resolvingSymlinksInPath().path.hasPrefix(folder) else {
                return .missing(reason: "'\(match)' is a link to a file outside the artifact's folder; it is not shown")
            }
        }
        let sample = try readSample(file)
        let text = String(decoding: Self.completeUTF8(sample.data, truncated: sample.truncated), as: UTF8.self)
        switch kind {
        case .html: return .document(html: text, source: .html)
        case .markdown: return .document(html: MarkdownRenderer.html(from: text), source: .markdown)
        }
    }

    /// A table, text or binary preview of a file, from its first ``maxBytes`` bytes.
    func filePreview(_ url: URL) throws -> ArtifactPreview {
        let sample = try readSample(url)
        let data = Self.completeUTF8(sample.data, truncated: sample.truncated)
        guard !data.contains(0), var text = String(data: data, encoding: .utf8) else {
            return .binary(byteCount: sample.byteCount)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if let delimiter = Self.tableDelimiter(
            fileExtension: url.pathExtension, text: text, truncated: sample.truncated),
            let table = table(text, delimiter: delimiter, truncated: sample.truncated)
        {
            return .table(table)
        }
        return .text(text, truncated: sample.truncated)
    }

    /// The entries of a folder, sorted by name, at most ``maxFolderEntries``.
    func folderPreview(_ url: URL) throws -> ArtifactPreview {
        let keys: [URLResourceKey] = [.isDirectoryKey, .fileSizeKey]
        let children = try ReadProblem.reading(url) {
            try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: keys)
        }
        let entries = children.map { child -> FolderEntry in
            let values = try? child.resourceValues(forKeys: Set(keys))
            let isFolder = values?.isDirectory ?? false
            return FolderEntry(
                name: child.lastPathComponent, byteCount: isFolder ? nil : values?.fileSize ?? 0,
                isFolder: isFolder)
        }
        .sorted { $0.name < $1.name }
        return .folder(Array(entries.prefix(maxFolderEntries)), truncated: entries.count > maxFolderEntries)
    }

    /// The first bytes of a file (at most ``maxBytes``), its size, and whether it has more.
    struct FileSample {
        var data: Data
        var byteCount: Int
        var truncated: Bool
    }

    /// Reads the first ``maxBytes`` bytes of `url`.
    func readSample(_ url: URL) throws -> FileSample {
        try ReadProblem.reading(url) {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maxBytes) ?? Data()
            return FileSample(data: data, byteCount: max(size, data.count), truncated: size > data.count)
        }
    }

    /// `data` without the bytes of a UTF-8 sequence cut off at its end, when `truncated`.
    static func completeUTF8(_ data: Data, truncated: Bool) -> Data {
        guard truncated else { return data }
        var back = 1
        while back <= min(4, data.count) {
            let byte = data[data.endIndex - back]
            if byte & 0xC0 == 0x80 {  // a continuation byte: look further back
                back += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? data.dropLast(back) : data
        }
        return data
    }
}

/// A file or folder that could not be read, and why (the system's reason, e.g. `is a directory`).
struct ReadProblem: Error {
    var file: URL
    var reason: String

    /// The result of `body`, or a ``ReadProblem`` naming `file` when it throws.
    static func reading<Value>(_ file: URL, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw ReadProblem(file: file, reason: describe(error))
        }
    }

    /// A short reason for a Foundation error, lowercased: the `strerror` text of its underlying POSIX
    /// error when it has one (Foundation's own message is often "The operation could not be completed").
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        let message =
            if let underlying, underlying.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(underlying.code)) {
                String(cString: reason)
            } else {
                (underlying ?? nsError).localizedDescription
            }
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
