import Foundation
import KFPSpec
import KFPTestSupport

/// The `wine-classifier` program built beside the tests (its Swift components' tasks run it).
enum WineProgram {
    static var executable: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wine-classifier")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    static var isBuilt: Bool { executable != nil }

    /// Runs `wine-classifier arguments...`.
    static func run(_ arguments: [String], environment: [String: String?] = [:]) async throws -> ProgramRun {
        guard let executable else { throw WineProgramMissing() }
        return try await ProgramRun.run(executable, arguments, environment: environment)
    }

    /// Runs the pipeline with `--json` and parses the run.
    static func runJSON(_ arguments: [String], environment: [String: String?] = [:]) async throws -> (run: ProgramRun, json: JSONValue) {
        let run = try await run(["run", "--json"] + arguments, environment: environment)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(run.output.utf8))
        return (run, json)
    }
}

struct WineProgramMissing: Error, CustomStringConvertible {
    var description: String { "wine-classifier is not built beside the tests" }
}

extension JSONValue {
    /// The value at a path of object keys and array indexes.
    subscript(path: Any...) -> JSONValue? {
        var current: JSONValue? = self
        for step in path {
            if let key = step as? String { current = current?.objectValue?[key] } else if let index = step as? Int {
                current = current?.arrayValue.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
        return current
    }
}
