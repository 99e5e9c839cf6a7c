import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One Unix-socket connection to a ``PythonForkServer``: a length-prefixed request out, lines in.
/// Reading waits on a dispatch source, never blocking a thread of the concurrency pool.
final class ForkServerConnection: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var buffer = Data()
    private var group: Int32 = 0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw Failure(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure(description: "connect() to \(path) failed: errno \(errno)")
        }
    }

    /// The task's process group, once the server has reported it.
    var childGroup: Int32 {
        get { lock.withLock { group } }
        set { lock.withLock { group = newValue } }
    }

    /// Stops the task's whole process group for cancellation: SIGTERM, then SIGKILL to what is
    /// left of the group after `grace` seconds (a program that ignores SIGTERM, or its children).
    func terminateChild(grace: Double = 5) {
        let pid = childGroup
        guard pid > 0 else { return }
        kill(-pid, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) {
            _ = kill(-pid, SIGKILL)
        }
    }

    func send(_ payload: Data) throws {
        var length = UInt32(payload.count).bigEndian
        var message = Data(bytes: &length, count: 4)
        message.append(payload)
        try message.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw Failure(description: "write() failed: errno \(errno)") }
                offset += written
            }
        }
    }

    /// The next line from the server, or `nil` when the connection closed first.
    func readLine() async -> String? {
        while true {
            if let line = takeLine() { return line }
            guard await readAvailable() else { return takeLine() }
        }
    }

    private func takeLine() -> String? {
        lock.withLock {
            guard let newline = buffer.firstIndex(of: 10) else { return nil }
            let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex...newline)
            return line
        }
    }

    /// Waits until the socket is readable and appends what it holds; `false` at end of stream.
    ///
    /// The continuation resumes from the source's cancel handler, so libdispatch is done with the
    /// descriptor before anyone can close it (closing it earlier lets a reused descriptor number
    /// confuse the next source).
    private func readAvailable() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .global())
            let outcome = ReadOutcome()
            source.setEventHandler { [self] in
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = read(descriptor, &chunk, chunk.count)
                if count > 0 { lock.withLock { buffer.append(contentsOf: chunk[0..<count]) } }
                outcome.gotData = count > 0
                source.cancel()
            }
            source.setCancelHandler { continuation.resume(returning: outcome.gotData) }
            source.resume()
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// What one read found, handed from the event handler to the cancel handler.
private final class ReadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var gotData: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
