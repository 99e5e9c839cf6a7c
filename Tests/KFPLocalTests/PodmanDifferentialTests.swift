import Foundation
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// Python corpus pipelines run twice, with the subprocess launcher and in podman containers (their
/// KFP pip prelude running inside the image, as on a cluster): the same tasks end in the same
/// states with the same output parameters, artifact URIs (relative to the run), metadata and file
/// contents. The pipelines cover parameters, artifacts, loops with parallelism, conditions, OneOf,
/// Collected, exit handlers, ignore-upstream-failure, retries, caching options and nested pipelines
/// (not the ones whose values are random, such as output_metrics).
@Suite("Subprocess and podman give the same runs", .enabled(if: ContainerEngines.podman != nil && TestEnvironment.corpus != nil))
struct PodmanDifferentialTests {
    /// The corpus files and their root arguments (pipelines whose values are deterministic).
    static let cases: [(file: String, arguments: [String: JSONValue])] = [
        ("critical/add_numbers", ["a": 1, "b": 2]),
        ("identity", ["value": "ünï ✓ 🌍"]),
        ("essential/concat_message", ["message1": "Hello", "message2": ", wörld 🌍"]),
        ("essential/dict_input", ["struct": ["a": 1, "b": [1.5, "x"], "c": ["d": true]]]),
        ("essential/lightweight_python_functions_with_outputs",
         ["first_message": "first", "first_number": 2, "second_message": "second", "second_number": 3]),
        ("essential/pipeline_with_reused_component", [:]),
        ("critical/mixed_parameters", [:]),
        ("critical/multiple_parameters_namedtuple", [:]),
        ("nested_return", [:]),
        ("critical/component_with_optional_inputs", [:]),
        ("critical/parameter_cache", [:]),
        ("parallel_and_nested/nested_pipeline_opt_input_child_level_compiled", [:]),
        ("essential/lightweight_python_functions_pipeline", ["message": "message"]),
        ("critical/artifact_crust", [:]),
        ("critical/pythonic_artifacts_test_pipeline", [:]),
        ("parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled", [:]),
        ("essential/component_with_env_variable", [:]),
        ("critical/pipeline_with_retry", [:]),
        ("local_execution/pipeline_with_caching", [:]),
        ("failing/fail_v2", [:]),
        ("local_execution/local_execution_pipeline_with_oneof", [:]),
        ("parallel_and_nested/pipeline_with_loops", [:]),
        ("pipeline_with_parallelfor_parallelism", ["loop_parameter": ["a", "b", "c"]]),
        ("parallel_and_nested/loop_consume_upstream", [:]),
        ("parameters_complex", [:]),
        ("artifacts_complex", [:]),
        ("pipeline_producer_consumer", [:]),
        ("critical/pipeline_with_artifact_custom_path", [:]),
        ("critical/collected_parameters", [:]),
        ("local_execution/pipeline_with_collected_artifacts", [:]),
        ("pipeline_with_task_final_status", [:]),
        ("local_execution/local_execution_pipeline_with_exit_handler", [:]),
        ("failing/pipeline_with_exit_handler", [:]),
        ("conditional_producer_and_consumers", [:]),
        ("pipeline_with_task_using_ignore_upstream_failure", [:]),
    ]

    static var names: [String] { cases.map(\.file) }

    @Test("same task states, outputs and artifact contents", arguments: names)
    func sameRun(_ file: String) async throws {
        let arguments = Self.cases.first { $0.file == file }?.arguments ?? [:]
        let corpus = try #require(TestEnvironment.corpus)
        let url = corpus.appendingPathComponent("pipelines/valid/\(file).yaml")
        let spec = try SpecLoader(file: url.path).loadPipelineSpec(String(contentsOf: url, encoding: .utf8))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-podman-diff-\(UUID().uuidString)")
        var passed = false
        defer {
            if passed { try? FileManager.default.removeItem(at: scratch) } else { print("podman differential: \(file): kept \(scratch.path)") }
        }
        @Sendable func run(_ launcher: TaskLauncherKind, _ side: String) async throws -> LocalRun {
            let runner = LocalRunner(options: LocalRunnerOptions(
                pipelineRoot: scratch.appendingPathComponent(side), maxParallel: 2, cachingEnabled: false, launcher: launcher))
            return try await LocalOracleTests.withTimeout(seconds: 300) { try await runner.run(spec, arguments: arguments) }
        }
        let here = try await run(.subprocess, "subprocess")
        let contained = try await ContainerTestGate.shared.run { try await run(PodmanCorpusTests.launcher, "podman") }
        let differences = RunComparison.differences(here, contained)
        for difference in differences {
            Issue.record("\(file): \(difference)")
        }
        for (path, record) in contained.tasks.sorted(by: { $0.key < $1.key }) where record.state == .failed && !differences.isEmpty {
            print("podman differential: \(file): \(path) failed in podman: \(record.message ?? "")")
        }
        passed = differences.isEmpty
        await PodmanTally.shared.record("differential \(file)", passed: passed)
    }
}

/// What differs between two runs of one pipeline: tasks, states, output parameters, and artifacts
/// (URI relative to the run, metadata, file or folder contents). Run-specific paths in values are
/// written relative to the run (`{run}/...`) before comparing.
enum RunComparison {
    static func differences(_ left: LocalRun, _ right: LocalRun) -> [String] {
        var found: [String] = []
        if left.state != right.state { found.append("run state: \(left.state) vs \(right.state)") }
        if Set(left.tasks.keys) != Set(right.tasks.keys) {
            found.append("tasks: \(left.tasks.keys.sorted()) vs \(right.tasks.keys.sorted())")
        }
        for (path, mine) in left.tasks.sorted(by: { $0.key < $1.key }) {
            guard let theirs = right.tasks[path] else { continue }
            if mine.state != theirs.state { found.append("\(path): state \(mine.state) vs \(theirs.state) (\(theirs.message ?? ""))") }
            let a = normalized(mine.outputs, run: left), b = normalized(theirs.outputs, run: right)
            if a != b { found.append("\(path): outputs \(a) vs \(b)") }
        }
        let a = normalized(left.outputs, run: left), b = normalized(right.outputs, run: right)
        if a != b { found.append("pipeline outputs \(a) vs \(b)") }
        return found
    }

    /// Parameters as compact JSON and artifacts as `uri|metadata|content`, with the run's root as `{run}`.
    static func normalized(_ outputs: TaskOutputs, run: LocalRun) -> [String: String] {
        func relative(_ text: String) -> String { text.replacingOccurrences(of: run.runRoot, with: "{run}") }
        var values: [String: String] = [:]
        for (name, value) in outputs.parameters { values["parameter \(name)"] = relative(value.compactJSON()) }
        for (name, list) in outputs.artifacts {
            values["artifact \(name)"] = list.map { artifact in
                let metadata = JSONValue.object(artifact.metadata ?? [:]).compactJSON()
                return "\(relative(artifact.uri))|\(relative(metadata))|\(content(atPath: artifact.uri))"
            }.joined(separator: ", ")
        }
        return values
    }

    /// A file's text, or a folder's files and their texts in name order, or `-` when absent.
    static func content(atPath path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "-" }
        if !isFolder.boolValue {
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path).sorted()) ?? []
        return names.map { "\($0)=\(content(atPath: path + "/" + $0))" }.joined(separator: ";")
    }
}
