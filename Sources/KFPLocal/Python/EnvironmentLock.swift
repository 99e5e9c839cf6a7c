import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<folder>.lock`, so two runners (two `kfp local run` processes, or two
/// runs in one process) never build the same Python environment at once. Waiting polls with
/// `Task.sleep`, never blocking a thread of the concurrency pool.
struct EnvironmentLock {
    private let descriptor: Int32

    /// Waits until the lock is held (at most `timeout` seconds).
    init(for folder: URL, timeout: Double = 1800) async throws(TaskFailure) {
        let path = folder.path + ".lock"
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TaskFailure("cannot open the lock file \(path): errno \(errno)") }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(descriptor)
                throw TaskFailure("another runner has held \(path) for \(Int(timeout)) s; is it stuck?")
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
