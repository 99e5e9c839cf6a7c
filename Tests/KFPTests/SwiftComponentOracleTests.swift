import Foundation
import KFP
import KFPSpec
import KFPTestSupport
import Testing

/// The executor oracle: one step written in Swift (``Summarize``) and in Python
/// (`Tests/Oracle/summarize_component.py`), given the same executor input, must write equal
/// executor outputs (`executor_output.json`, numbers compared as protobuf compares them) and
/// byte-identical output files; our side runs through the component's `execute` entry, the Python
/// side through kfp 2.17.3's `python -m kfp.dsl.executor_main`.
@Suite("Swift components: executor oracle", .enabled(if: TestEnvironment.oraclePython != nil, "needs the kfp 2.17.3 oracle venv"))
struct SwiftComponentOracleTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var parameters: [String: JSONValue]
        var extras: [String]
        var description: String { id }
    }

    static let cases = [
        Case(id: "defaults", parameters: ["numbers": [1, 2, 3], "style": ["prefix": "#", "repeats": 2]], extras: []),
        Case(
            id: "every input, integers as doubles",
            parameters: [
                "numbers": [4.0, 5.0, -2.0], "style": ["prefix": "> ", "repeats": 1.0], "scale": 0.5, "title": "Week 12",
            ],
            extras: ["first-model", "second-model"]),
    ]

    @Test("Swift and Python executors write the same outputs", arguments: cases)
    func sameOutputs(_ testCase: Case) async throws {
        let python = try #require(TestEnvironment.oraclePython)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-swift-oracle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "alpha\nbeta\ngamma\n".write(to: input.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)

        let ours = folder.appendingPathComponent("swift")
        let theirs = folder.appendingPathComponent("python")
        let component = try Component(swift: Summarize.self)
        let entry = try #require(component.swiftEntry)
        _ = try await entry.execute(executorInput(testCase, input: input, root: ours))

        let inputJSON = String(decoding: try JSONEncoder().encode(executorInput(testCase, input: input, root: theirs)), as: UTF8.self)
        let run = try await ProgramRun.run(
            python,
            [
                "-m", "kfp.dsl.executor_main", "--component_module_path",
                TestEnvironment.oracleScript("summarize_component.py").path, "--function_to_execute", "summarize",
                "--executor_input", inputJSON,
            ])
        #expect(run.status == 0, "\(run.errors)")

        let ourOutput = try JSONDecoder().decode(
            JSONValue.self, from: Data(String(contentsOf: ours.appendingPathComponent("executor_output.json"), encoding: .utf8)
                .replacingOccurrences(of: ours.path, with: theirs.path).utf8))
        let theirOutput = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: theirs.appendingPathComponent("executor_output.json")))
        #expect(ourOutput.isEquivalent(to: theirOutput), "ours: \(ourOutput.compactJSON())\nkfp: \(theirOutput.compactJSON())")
        let ourReport = try String(contentsOf: ours.appendingPathComponent("artifacts/report"), encoding: .utf8)
        let theirReport = try String(contentsOf: theirs.appendingPathComponent("artifacts/report"), encoding: .utf8)
        #expect(ourReport == theirReport)
        let expectedHeading = testCase.extras.isEmpty ? "##untitled: 12\nextras: \n" : "> Week 12: 3\nextras: first-model,second-model\n"
        #expect(ourReport == expectedHeading + "alpha\nbeta\ngamma\n")
    }

    /// The executor input a launcher would give: parameters, the data file, the extras (models named
    /// as their producers would), and output locations under `root`.
    func executorInput(_ testCase: Case, input: URL, root: URL) -> ExecutorInput {
        var artifacts = ["data": ArtifactList(artifacts: [RuntimeArtifact(name: "data", uri: input.appendingPathComponent("data.txt").path)])]
        if !testCase.extras.isEmpty {
            artifacts["extras"] = ArtifactList(
                artifacts: testCase.extras.map { RuntimeArtifact(name: $0, type: .model, uri: input.appendingPathComponent($0).path, metadata: [:]) })
        }
        let outputs = ["report", "metrics"].reduce(into: [String: ArtifactList]()) { result, name in
            result[name] = ArtifactList(artifacts: [RuntimeArtifact(name: name, uri: root.appendingPathComponent("artifacts/\(name)").path, metadata: [:])])
        }
        return ExecutorInput(
            inputs: .init(parameterValues: testCase.parameters, artifacts: artifacts),
            outputs: .init(
                parameters: [
                    "total": .init(outputFile: root.appendingPathComponent("outputs/total").path),
                    "count": .init(outputFile: root.appendingPathComponent("outputs/count").path),
                ], artifacts: outputs, outputFile: root.appendingPathComponent("executor_output.json").path))
    }
}
