import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a data folder (`flock` on `<data>/kfp.lock`) for as long as a server
/// uses it: a second server on the same folder would otherwise mark the first one's running runs
/// FAILED as interrupted. The lock goes with the process, so a server killed with `kill -9`
/// leaves none behind.
final class DataFolderLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock.
    ///
    /// - Throws: ``ServerStartError`` when another process holds it (naming that process when
    ///   the lock file says) or the lock file cannot be opened.
    init(folder: URL) throws {
        let file = folder.appendingPathComponent("kfp.lock").path
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ServerStartError(message:
                "the data folder \(folder.path) is not writable (cannot open \(file): \(reason)); give the server a folder it can write with --data")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw ServerStartError(message:
                "the data folder \(folder.path) is in use by another kfp server\(holder.isEmpty ? "" : " (pid \(holder))"); "
                + "stop it, or give this one another folder with --data")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = descriptor
    }

    /// Releases the lock (closing the file releases it too).
    func release() {
        _ = flock(descriptor, LOCK_UN)
    }

    deinit {
        close(descriptor)
    }
}
