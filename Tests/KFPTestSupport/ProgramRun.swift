import Foundation

/// A program the tests ran to its end: its exit status and what it printed.
public struct ProgramRun: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var output: String
    /// Standard error.
    public var errors: String

    /// The last non-empty line of standard output.
    public var lastLine: String? { output.split(whereSeparator: \.isNewline).last.map(String.init) }

    /// Runs `program` with `arguments` and this process's environment with `environment` set on top
    /// (a `nil` value removes a variable), without blocking a thread of the concurrency pool while
    /// it runs; its output goes through files, so a large output cannot fill a pipe.
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String?] = [:]) async throws -> ProgramRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status = try await process.runToEnd()
        return ProgramRun(
            status: status, output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

extension Process {
    /// Starts the process and returns its exit status when it ends, without blocking a thread of
    /// the concurrency pool; with a `timeout` (seconds), terminates it when it runs longer.
    public func runToEnd(timeout: Double? = nil) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try run()
            } catch {
                terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            guard let timeout else { return }
            let box = ProcessBox(self)
            Task {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                if box.process.isRunning { box.process.terminate() }
            }
        }
    }
}

/// Lets a timeout task reach a process (Foundation's `Process` is not `Sendable`).
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}
