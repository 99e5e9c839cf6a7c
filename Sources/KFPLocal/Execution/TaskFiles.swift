import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-task file operations on the hot path, as single system calls. Each falls back to
/// `FileManager` / `Data.write` when the direct call fails, so the results and the error messages
/// stay Foundation's.
enum TaskFiles {
    /// Creates `folder` and any missing parents, like `createDirectory(at:withIntermediateDirectories: true)`:
    /// one `mkdir` when the parent exists (a task folder's usually does).
    static func createDirectory(_ folder: URL) throws {
        if mkdir(folder.path, 0o777) == 0 { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Makes each existing folder writable by every user (`0777`), as the empty-dir volumes of a KFP
    /// pod are: a container running as its image's own user (uid 1001 in Red Hat's Python images,
    /// say) must be able to write its outputs into the task folder this process made.
    static func openToAll(_ folders: [URL]) {
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            _ = chmod(folder.path, 0o777)
        }
    }

    /// Writes `text` to `file` (created or truncated), like `Data.write(to:)` without options, but
    /// without its `fsync`: a task's files need not reach the disk before the next task starts.
    static func write(_ text: String, to file: URL) throws {
        var bytes = Array(text.utf8)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor >= 0 {
            var written = 0
            let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
                while written < buffer.count {
                    let count = writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    written += count
                }
                return true
            }
            if close(descriptor) == 0, complete { return }
        }
        try Data(text.utf8).write(to: file)
    }
}

/// `write(2)` (the name is taken inside ``TaskFiles``).
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
