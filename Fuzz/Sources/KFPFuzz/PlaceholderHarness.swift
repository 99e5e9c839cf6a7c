import Foundation
import KFPSpec
@testable import KFPLocal

/// Placeholder resolution: each line of the input is one element of a container's command line,
/// resolved against a fixed executor input with parameters, artifacts and outputs. When the input
/// starts with a JSON object line, that object is the executor input instead.
enum PlaceholderHarness {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var executorInput = fixedInput
        if let first = lines.first, first.hasPrefix("{\"inputs\""),
            let decoded = try? JSONDecoder().decode(ExecutorInput.self, from: Data(first.utf8))
        {
            executorInput = decoded
            lines.removeFirst()
        }
        let root = URL(fileURLWithPath: "/tmp/kfp-fuzz-run")
        let launcher = SubprocessLauncher()
        let run = RunContext(
            spec: PipelineSpec(pipelineInfo: PipelineInfo(name: "fuzz"), root: ComponentSpec()),
            options: LocalRunnerOptions(), runID: "run-1", jobName: "fuzz-20260101000000", jobResourceName: "fuzz-run-1",
            createTime: "2026-01-01T00:00:00Z", pipelineRoot: root, runRoot: root, workspace: root,
            slots: ExecutionSlots(limit: 1), recorder: TaskRecorder(), cache: nil,
            pythonEnvironments: PythonEnvironments(root: root, basePython: "python3", launcher: launcher),
            launcher: launcher, containerLauncher: nil, remoteLauncher: nil, baseEnvironment: [:])
        let resolver = CommandResolver(
            executorInput: executorInput, supplied: ["text", "count"],
            pipeline: PipelinePlaceholders(run: run, taskName: "task"))
        _ = try? resolver.argv(lines)
    }

    private static let fixedInput = ExecutorInput(
        inputs: ExecutorInput.Inputs(
            parameterValues: ["text": "a b", "count": 3, "list": [1, "x"], "object": ["k": 1.5]],
            artifacts: ["data": ArtifactList(artifacts: [RuntimeArtifact(name: "data", uri: "/tmp/data", metadata: ["rows": 3])])]),
        outputs: ExecutorInput.Outputs(
            parameters: ["out": ExecutorInput.OutputParameter(outputFile: "/tmp/out")],
            artifacts: ["model": ArtifactList(artifacts: [RuntimeArtifact(name: "model", uri: "/tmp/model")])],
            outputFile: "/tmp/output_metadata.json"))
}
