import Foundation

/// Writes files so readers see the old content or the new, never a part: the text goes to a
/// temporary file in the same folder, which then replaces the file by `rename(2)`.
enum AtomicFile {
    /// Writes `text` to `url` atomically.
    ///
    /// - Throws: ``ImageBuildError`` (`componentFile`) naming `what` and the file.
    static func write(_ text: String, to url: URL, what: String) throws(ImageBuildError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ImageBuildError(.componentFile, "\(what) \(url.path) cannot be written: \((error as NSError).localizedDescription)")
        }
    }
}
