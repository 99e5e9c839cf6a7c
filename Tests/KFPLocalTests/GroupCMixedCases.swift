import Foundation
import KFPLocal
import KFPSpec

/// Group C pipelines that mix plain container components with lightweight Python ones, nested
/// pipelines, conditions, exit handlers and importers.
enum GroupCMixedCases {
    static let all: [GroupCCase] = [
        // double(n) writes 2n to its Dataset for n in [1, 2, 3]; `add` (Python) and `add-container`
        // (`python -c`, reading the list of artifacts as JSON) both write the sum, 12.
        GroupCCase(file: "artifacts_simple", programs: ["python", "python3"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            for (index, value) in ["2", "4", "6"].enumerated() {
                check.expect(run.content(of: run.artifact("for-loop-2/\(index)/double", "out_dataset")), value, "double #\(index) dataset")
                check.expect(run.content(of: run.run.outputs.artifacts["Output"]?[safe: index]), value, "pipeline Output #\(index)")
            }
            check.expect(run.run.outputs.artifacts["Output"]?.count, 3, "pipeline Output count")
            check.expect(run.content(of: run.artifact("add", "out_dataset")), "12", "add dataset")
            check.expect(run.content(of: run.artifact("add-container", "out_dataset")), "12", "add-container dataset")
        },
        // print_op1 returns its message; print-op2 (sh) writes "$0\n" to its artifact's path; the
        // inner pipeline's outputs are print-op1's Output and print-op2's data.
        GroupCCase(file: "essential/pipeline_with_outputs", programs: ["sh", "mkdir", "python3"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expectValue(run.parameter("print-op1", "Output"), "Hello", "print-op1 Output (root default)")
            check.expect(run.pythonOutput("print-op1"), ["Hello"], "print-op1 printed")
            check.expectValue(run.parameter("inner-pipeline/print-op1", "Output"), "world", "inner print-op1 Output")
            check.expectValue(run.parameter("inner-pipeline", "msg"), "world", "inner-pipeline msg output")
            check.expect(run.content(of: run.artifact("inner-pipeline/print-op2", "data")), "world\n", "print-op2 data")
            check.expect(run.content(of: run.run.outputs.artifacts["Output"]?.first), "world\n", "pipeline Output")
        },
        GroupCCase(file: "essential/pipeline_with_outputs", variant: "msg given", programs: ["sh", "mkdir", "python3"],
                   arguments: ["msg": "Bonjour"]) { run, check in
            check.expectValue(run.parameter("print-op1", "Output"), "Bonjour", "print-op1 Output")
            check.expect(run.content(of: run.run.outputs.artifacts["Output"]?.first), "world\n", "pipeline Output")
        },
        GroupCCase(file: "parallel_and_nested/pipeline_in_pipeline", programs: ["echo", "python3"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expectValue(run.parameter("print-op1", "Output"), "Hello", "print-op1 Output")
            check.expectValue(run.parameter("inner-pipeline/print-op1", "Output"), "world", "inner print-op1 Output")
            check.expect(run.pythonOutput("inner-pipeline/print-op1"), ["world"], "inner print-op1 printed")
            check.expect(run.log("inner-pipeline/print-op2"), "world\n", "print-op2 echo")
        },
        // The loaded pipeline's artifact reaches the root's print_op1, which prints the file ("world\n") and a newline.
        GroupCCase(file: "parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml", programs: ["sh", "mkdir", "python3"]) {
            run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expectValue(run.parameter("pipeline-in-pipeline/print-op1", "Output"), "Hello", "print-op1 Output")
            check.expectValue(run.parameter("pipeline-in-pipeline/inner-pipeline/print-op1", "Output"), "world", "inner print-op1 Output")
            check.expectValue(run.parameter("pipeline-in-pipeline/inner-pipeline", "msg"), "world", "inner-pipeline msg output")
            let data = run.artifact("pipeline-in-pipeline/inner-pipeline/print-op2", "data")
            check.expect(run.content(of: data), "world\n", "print-op2 data")
            check.expect(run.artifact("pipeline-in-pipeline", "Output")?.uri, data?.uri, "pipeline-in-pipeline Output is print-op2's data")
            check.expect(run.pythonOutput("print-op1"), ["world", ""], "root print-op1 printed")
        },
        // echo "user input:" MESSAGE "pipeline status:" STATUS, STATUS the exit handler's final status
        // as compact JSON with the cluster's state word.
        GroupCCase(file: "pipeline_with_task_final_status_yaml", programs: ["echo"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expect(run.log("exit-handler-1/print-op"), "Hello World!\n", "print-op log")
            check.expect(run.log("exit-op"), "user input: Hello World! pipeline status: "
                + #"{"error":{},"pipelineJobResourceName":"pipeline-with-task-final-status-yaml-0c0c0c0c","#
                + #""pipelineTaskName":"exit-handler-1","state":"COMPLETE"}"# + "\n", "exit-op log")
        },
        GroupCCase(file: "pipeline_with_task_final_status_yaml", variant: "message given", programs: ["echo"],
                   arguments: ["message": "Bye"]) { run, check in
            check.expect(run.log("exit-handler-1/print-op"), "Bye\n", "print-op log")
            check.expect(run.log("exit-op")?.hasPrefix("user input: Bye pipeline status: {"), true, "exit-op log")
        },
        // A random coin and random numbers: whatever they are, exactly the matching branch runs and
        // its echo shows the number drawn.
        GroupCCase(file: "essential/pipeline_with_nested_conditions_yaml", programs: ["sh", "mkdir", "tee", "python"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expect(run.log("flip-coin") == run.parameter("flip-coin", "output")?.stringValue, "flip-coin log is its output")
            guard let coin = run.parameter("flip-coin", "output")?.stringValue, coin == "heads" || coin == "tails" else {
                check.expect(false, "flip-coin output is heads or tails: \(String(describing: run.parameter("flip-coin", "output")))")
                return
            }
            let heads = coin == "heads"
            let (taken, other) = heads ? ("condition-1", "condition-4") : ("condition-4", "condition-1")
            let generator = heads ? "condition-1/generate-random-number" : "condition-4/generate-random-number-2"
            check.expect(run.state(taken), .succeeded, "\(taken) state")
            check.expect(run.state(other), .skipped, "\(other) state")
            check.expect(run.run.tasks.keys.filter { $0.hasPrefix(other + "/") && run.state($0) != .skipped }, [], "tasks run under \(other)")
            guard case .int(let number)? = run.parameter(generator, "output") else {
                check.expect(false, "\(generator) output is an integer")
                return
            }
            let (low, high, limit) = heads ? (0, 9, 5) : (10, 19, 15)
            check.expect((low...high).contains(number), "\(generator) output \(number) in \(low)...\(high)")
            check.expect(run.log(generator), "\(number)", "\(generator) log (tee, no newline)")
            let prints = heads ? ("condition-2/print", "condition-3/print-2") : ("condition-5/print-3", "condition-6/print-4")
            let (shown, hidden) = number > limit ? prints : (prints.1, prints.0)
            let relation = number > limit ? ">" : "<="
            check.expect(run.log("\(taken)/\(shown)"), "\(coin) and \(number) \(relation) \(limit)!\n", "\(shown) echo")
            check.expect(run.state("\(taken)/\(hidden)") != .succeeded, "\(hidden) did not run")
        },
    ] + GroupCOptionalArtifactCases.all
}

/// `components_with_optional_artifacts`: IfPresent as argv[0] on an optional input artifact, a
/// `gs://` importer (which only records the URI), and Python components taking an optional artifact.
enum GroupCOptionalArtifactCases {
    static let file = "components_with_optional_artifacts"
    static let imported = "gs://ml-pipeline-playground/shakespeare1.txt"

    static let all: [GroupCCase] = [
        GroupCCase(file: file, variant: "no dataset1", programs: ["echo", "python3"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            // IfPresent{artifact}: Then [echo, uri], Else [echo, "No artifact provided!"].
            check.expect(run.log("custom-artifact-printer"), "No artifact provided!\n", "custom-artifact-printer (dataset1 not given)")
            check.expect(run.log("custom-artifact-printer-2"), "No artifact provided!\n", "custom-artifact-printer-2 (no input)")
            check.expect(run.artifact("importer", "artifact")?.uri, imported, "importer URI")
            check.expect(run.artifact("importer", "artifact")?.metadata ?? [:], [:], "importer metadata")
            // print(artifact.name); print(artifact.uri); print(artifact.metadata)
            check.expect(run.pythonOutput("inner-pipeline/python-artifact-printer"), ["artifact", imported, "{}"],
                         "inner-pipeline printer output")
            check.expect(run.pythonOutput("inner-pipeline-2/python-artifact-printer"), ["No artifact provided!"],
                         "inner-pipeline-2 printer output")
        },
        GroupCCase(file: file, variant: "dataset1 given", programs: ["echo", "python3"],
                   arguments: ["dataset1": "gs://my-bucket/data.csv"]) { run, check in
            check.expect(run.log("custom-artifact-printer"), "gs://my-bucket/data.csv\n", "custom-artifact-printer (dataset1 given)")
            check.expect(run.log("custom-artifact-printer-2"), "No artifact provided!\n", "custom-artifact-printer-2 (no input)")
        },
    ]
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
