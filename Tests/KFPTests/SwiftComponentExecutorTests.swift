import Foundation
import KFP
import KFPSpec
import Testing

/// The Swift executor's errors: each names the input or output and what was wrong.
@Suite("Swift components: executor errors")
struct SwiftComponentExecutorTests {
    func execute<Step: SwiftComponent>(_ type: Step.Type, _ parameters: [String: JSONValue], artifacts: [String: ArtifactList] = [:]) async throws
        -> ExecutorOutput
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-swift-exec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = ["report", "metrics"].reduce(into: [String: ArtifactList]()) { result, name in
            result[name] = ArtifactList(artifacts: [RuntimeArtifact(name: name, uri: folder.appendingPathComponent("a/\(name)").path)])
        }
        let input = ExecutorInput(
            inputs: .init(parameterValues: parameters, artifacts: artifacts),
            outputs: .init(artifacts: outputs, outputFile: folder.appendingPathComponent("executor_output.json").path))
        let entry = try #require(try Component(swift: type).swiftEntry)
        return try await entry.execute(input)
    }

    func message(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// An empty data file, made once.
    static let data: [String: ArtifactList] = {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-swift-exec-empty.txt")
        FileManager.default.createFile(atPath: file.path, contents: Data())
        return ["data": ArtifactList(artifacts: [RuntimeArtifact(name: "data", uri: file.path)])]
    }()

    @Test("A required parameter missing from the executor input is named")
    func missingParameter() async {
        let text = await message { _ = try await execute(Summarize.self, ["style": ["prefix": "", "repeats": 1]], artifacts: Self.data) }
        #expect(text == "input parameter 'numbers' has no value in the executor input and no default")
    }

    @Test("A value that does not fit the declared type is named with what was found")
    func wrongType() async {
        let text = await message {
            _ = try await execute(Summarize.self, ["numbers": [1, 2.5], "style": ["prefix": "", "repeats": 1]], artifacts: Self.data)
        }
        #expect(text.hasPrefix("input parameter 'numbers' is declared LIST (Array<Int>); the executor input gives [1,2.5]: "))
    }

    @Test("A missing input artifact is named")
    func missingArtifact() async {
        let text = await message { _ = try await execute(Summarize.self, ["numbers": [1], "style": ["prefix": "", "repeats": 1]]) }
        #expect(text == "input artifact 'data' has no artifact in the executor input")
    }

    @Test("The step's own error is what the task fails with")
    func stepThrows() async {
        let text = await message { _ = try await execute(Fails.self, ["reason": "no data today"]) }
        #expect(text == "gave up: no data today")
    }

    @Test("Outputs: parameters as native JSON, artifacts with their metadata; optional inputs absent are nil, defaults kept")
    func outputs() async throws {
        let output = try await execute(Summarize.self, ["numbers": [3, 4], "style": ["prefix": "*", "repeats": 3]], artifacts: Self.data)
        #expect(output.parameterValues == ["total": .double(14), "count": .int(2)])
        #expect(output.artifacts?["metrics"]?.artifacts.first?.metadata == ["total": .double(14), "count": .double(2)])
        #expect(output.artifacts?["report"]?.artifacts.first?.metadata == ["lines": .int(0)])
        #expect(output.artifacts?["report"]?.artifacts.first?.name == "report")
    }

    @Test("A struct parameter decodes into its Codable type; a Codable value that cannot be one is named")
    func structParameter() async {
        let text = await message {
            _ = try await execute(Summarize.self, ["numbers": [1], "style": ["prefix": "x"]], artifacts: Self.data)
        }
        #expect(text.hasPrefix("input parameter 'style' is declared STRUCT (SummaryStyle); the executor input gives {\"prefix\":\"x\"}: "))
    }
}
