import Foundation
import KFPServer
import KFPSpec
import KFPTestSupport

/// Runs the `kfp` executable built beside the tests against a `PipelineServer` started in this process.
struct CLIHarness: Sendable {
    let endpoint: String
    let folder: URL
    let server: RunningPipelineServer
    let executable: URL

    /// The `kfp` executable next to this test binary, or nil when it was not built.
    static var executable: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kfp")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    static func start(executable: URL) async throws -> CLIHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-cli-test-\(UUID().uuidString)")
        let server = try await PipelineServer(options: ServerOptions(port: 0, dataFolder: folder.appendingPathComponent("data"))).start()
        return CLIHarness(endpoint: server.endpoint.absoluteString, folder: folder, server: server, executable: executable)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `kfp arguments...` with `KF_PIPELINES_ENDPOINT` set; returns the exit status, stdout and stderr.
    func kfp(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        let run = try await ProgramRun.run(executable, arguments, environment: ["KF_PIPELINES_ENDPOINT": endpoint])
        return (run.status, run.output, run.errors)
    }

    /// Runs a command with `--output json` and parses its stdout.
    func json(_ arguments: [String]) async throws -> JSONValue {
        let result = try await kfp(arguments + ["--output", "json"])
        guard result.status == 0 else {
            throw CLIFailure(message: "kfp \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)\(result.output)")
        }
        return try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? { objectValue?[key] }
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
