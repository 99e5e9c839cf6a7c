import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// The wine example end to end: its Swift components run as tasks of `wine-classifier run` on the
/// bundled wine data, with exact results, checked against an independent k-NN in Python.
@Suite("Wine classifier example (Swift components)", .enabled(if: WineProgram.isBuilt, "needs the wine-classifier program built beside the tests"))
struct WineClassifierTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-wine-\(UUID().uuidString)")

    @Test("The pipeline runs on the wine data: split 125/53, k=1 raw 40 of 53 right, k=7 standardized 50 of 53")
    func runsOnWineData() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (run, json) = try await WineProgram.runJSON(["--pipeline-root", root.path, "--no-cache"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(json["state"] == "SUCCEEDED")
        let tasks = try #require(json["tasks"]?.objectValue)
        #expect(tasks.keys.sorted() == ["evaluate-classifier", "evaluate-classifier-2", "importer", "split-data", "train-classifier", "train-classifier-2"])
        #expect(tasks.values.allSatisfy { $0["state"] == "SUCCEEDED" })
        #expect(json["tasks", "split-data", "outputs", "parameters", "testRows"] == 53)
        #expect(json["tasks", "split-data", "outputs", "artifacts", "train", 0, "metadata", "rows"] == 125)
        #expect(json["tasks", "train-classifier-2", "outputs", "artifacts", "model", 0, "metadata"] == ["framework": "swift-knn", "neighbours": 7, "standardize": true])
        #expect(json["tasks", "evaluate-classifier", "outputs", "parameters", "accuracy"] == .double(40.0 / 53.0))
        #expect(json["tasks", "evaluate-classifier-2", "outputs", "parameters", "accuracy"] == .double(50.0 / 53.0))
        #expect(json["outputs", "artifacts", "evaluate-classifier-2-metrics", 0, "metadata"] == ["accuracy": .double(50.0 / 53.0), "test_rows": 53])
        let rawMatrix = json["tasks", "evaluate-classifier", "outputs", "artifacts", "classification", 0, "metadata", "confusionMatrix", "rows"]
        let scaledMatrix = json["tasks", "evaluate-classifier-2", "outputs", "artifacts", "classification", 0, "metadata", "confusionMatrix", "rows"]
        #expect(rawMatrix == [["row": [15, 0, 1]], ["row": [4, 16, 2]], ["row": [0, 6, 9]]])
        #expect(scaledMatrix == [["row": [16, 0, 0]], ["row": [2, 19, 1]], ["row": [0, 0, 15]]])
        let roc = json["tasks", "evaluate-classifier", "outputs", "artifacts", "classification", 0, "metadata", "confidenceMetrics"]
        #expect(roc == [
            ["confidenceThreshold": 1, "falsePositiveRate": .double(4.0 / 37.0), "recall": 0.9375],
            ["confidenceThreshold": 0, "falsePositiveRate": 1, "recall": 1],
        ])

        // An independent k-NN in Python on the files the split step wrote agrees on every prediction.
        let runRoot = try #require(json["run_root"]?.stringValue)
        let train = "\(runRoot)/split-data/artifacts/train"
        let test = "\(runRoot)/split-data/artifacts/test"
        for (neighbours, standardize, matrix) in [("1", "0", rawMatrix), ("7", "1", scaledMatrix)] {
            let check = try await ProgramRun.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestEnvironment.oracleScript("knn_check.py").path, train, test, neighbours, standardize])
            #expect(check.status == 0, "\(check.errors)")
            let expected = try JSONDecoder().decode([[Int]].self, from: Data(check.output.utf8))
            #expect(matrix == .array(expected.map { .object(["row": .array($0.map { .int($0) })]) }))
        }

        // A run that writes the cache, then one that takes every Swift task from it.
        _ = try await WineProgram.runJSON(["--pipeline-root", root.path])
        let (_, again) = try await WineProgram.runJSON(["--pipeline-root", root.path])
        #expect(again["tasks"]?.objectValue?.filter { $0.key != "importer" }.values.allSatisfy { $0["cached"] == true } == true)
    }

    @Test("Other settings reach the Swift steps: test_fraction 0.5 holds out 89 rows")
    func parameters() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (run, json) = try await WineProgram.runJSON(
            ["--pipeline-root", root.path, "--no-cache", "--param", "test_fraction=0.5", "--param", "neighbours_b=3"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(json["tasks", "split-data", "outputs", "parameters", "testRows"] == 89)
        #expect(json["tasks", "train-classifier-2", "outputs", "artifacts", "model", 0, "metadata", "neighbours"] == 3)
    }

    @Test("A step that throws fails its task with its message and skips what depends on it")
    func stepFailure() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (run, json) = try await WineProgram.runJSON(["--pipeline-root", root.path, "--no-cache", "--param", "test_fraction=1.5"])
        #expect(run.status != 0)
        #expect(json["state"] == "FAILED")
        #expect(json["tasks", "split-data", "state"] == "FAILED")
        #expect(json["tasks", "split-data", "message"]?.stringValue?.contains(
            "error: component 'split-data' failed: testFraction must be between 0 and 1 (exclusive), found 1.5") == true)
        #expect(json["tasks", "train-classifier", "state"] == "SKIPPED")
    }

    @Test("execute names what is wrong: an unknown component, an executor input that is not JSON")
    func executeErrors() async throws {
        let unknown = try await WineProgram.run(["execute", "--executor-input", "{}", "--component", "train"])
        #expect(unknown.status == 1)
        #expect(unknown.errors == "error: this program has no Swift component named 'train'; it has 'evaluate-classifier', 'split-data', 'train-classifier'\n")
        let notJSON = try await WineProgram.run(["execute", "--executor-input", "{nope", "--component", "split-data"])
        #expect(notJSON.status == 1)
        #expect(notJSON.errors.hasPrefix("error: --executor-input is not KFP's executor input JSON: "))
    }

    @Test("The compiled pipeline loads in kfp 2.17.3; --image moves every Swift step into the image",
          .enabled(if: TestEnvironment.oraclePython != nil, "needs the kfp 2.17.3 oracle venv"))
    func compiles() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("pipeline.yaml")
        let compile = try await WineProgram.run(["compile", "--output", file.path, "--image", "localhost/wine@sha256:0123", "--program-path", "/app/wine"])
        #expect(compile.status == 0, "\(compile.errors)")
        let spec = try SpecLoader(file: file.path).load(try String(contentsOf: file, encoding: .utf8))
        let containers = (spec.pipelineSpec?.deploymentSpec?.executors ?? [:]).compactMapValues(\.container)
        #expect(containers.keys.sorted() == [
            "exec-evaluate-classifier", "exec-evaluate-classifier-2", "exec-split-data", "exec-train-classifier", "exec-train-classifier-2",
        ])
        #expect(containers.values.allSatisfy { $0.image == "localhost/wine@sha256:0123" && $0.command == ["/app/wine", "execute"] })
        let output = try await TestEnvironment.runOracle(script: "kfp_load_pipeline.py", arguments: [], stdin: try JSONEncoder().encode([file.path]))
        #expect(try JSONDecoder().decode([String: String].self, from: output) == [file.path: "ok"])
    }
}
