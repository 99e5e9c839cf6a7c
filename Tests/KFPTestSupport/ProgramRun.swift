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
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return ProgramRun(
            status: status, output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
