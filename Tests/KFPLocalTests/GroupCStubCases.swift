import Foundation
import KFPLocal
import KFPSpec

/// The compile-only placeholder fixtures of group C, whose programs (`my_program`, `run.sh`, `cmd`,
/// the image's entrypoint) do not exist: stub programs record the argv the runner resolved, so the
/// checks see exactly what Concat, IfPresent, f-strings and the path/URI placeholders produced.
enum GroupCStubCases {
    static let myProgram = ["my_program": Stub.recordAndWrite("stub output", after: "--output_path")]

    static let all: [GroupCCase] = [
        GroupCCase(file: "container_io", arguments: ["text": "hi  there"], stubs: myProgram) { run, check in
            let folder = run.taskFolder("container-io")
            check.expect(run.argv("container-io"), ["hi  there", "--output_path", folder + "/outputs/output_path"], "argv")
            check.expectValue(run.parameter("container-io", "output_path"), "stub output", "output_path")
            check.expectValue(run.run.outputs.parameters["output_path"], "stub output", "pipeline output_path")
        },
        // Concat ["prefix-", text1, text2.uri] is one argument.
        GroupCCase(file: "container_with_concat_placeholder", arguments: ["text1": "hello"], stubs: myProgram) { run, check in
            let folder = run.taskFolder("container-with-concat-placeholder")
            check.expect(run.argv("container-with-concat-placeholder"),
                         ["prefix-hello" + folder + "/artifacts/text2", "--output_path", folder + "/outputs/output_path"], "argv")
            check.expect(run.run.outputs.artifacts["text2"]?.first?.uri, folder + "/artifacts/text2", "pipeline text2 URI")
            check.expectValue(run.run.outputs.parameters["output_path"], "stub output", "pipeline output_path")
        },
    ] + ifPresent + others

    /// IfPresent{optional_input}: Then [optional_input] / [dataset.uri], Else ["bye"] for both.
    static let ifPresent: [GroupCCase] = {
        let task = "container-with-if-placeholder"
        @Sendable func expected(_ run: GroupCRun, _ first: String, dataset: String?) -> [String] {
            let folder = run.taskFolder(task)
            return [first, "--dataset", dataset ?? folder + "/artifacts/dataset", "--output_path", folder + "/outputs/output_path"]
        }
        return [
            // The root input defaults to "default" and the task passes it on, so it is present.
            GroupCCase(file: "container_with_if_placeholder", variant: "root default", stubs: myProgram) { run, check in
                check.expect(run.argv(task), expected(run, "default", dataset: nil), "argv")
                check.expectValue(run.parameter(task, "output_path"), "stub output", "output_path")
            },
            GroupCCase(file: "container_with_if_placeholder", variant: "optional_input given",
                       arguments: ["optional_input": "given"], stubs: myProgram) { run, check in
                check.expect(run.argv(task), expected(run, "given", dataset: nil), "argv")
            },
            // Derived: a task that does not supply optional_input takes the Else branches, even
            // though the component's default ("default") is in its executor input.
            GroupCCase(file: "container_with_if_placeholder", variant: "task supplies no optional_input (derived)",
                       stubs: myProgram, edit: { spec in spec.root.dag?.tasks?[task]?.inputs = nil }) { run, check in
                check.expect(run.argv(task), expected(run, "bye", dataset: "bye"), "argv")
                check.expect(run.run.outputs.artifacts["dataset"]?.first?.uri, run.taskFolder(task) + "/artifacts/dataset", "dataset URI")
            },
        ]
    }()

    static let others: [GroupCCase] = [
        GroupCCase(file: "container_with_placeholder_in_fstring", variant: "default text1", stubs: ["my_program": Stub.recordArgv]) {
            run, check in
            let folder = run.taskFolder("container-with-placeholder-in-fstring")
            check.expect(run.argv("container-with-placeholder-in-fstring"), ["prefix-text!", folder + "/artifacts/output_artifact/0"], "argv")
            check.expect(run.run.outputs.artifacts["output_artifact"]?.first?.uri, folder + "/artifacts/output_artifact", "output URI")
        },
        GroupCCase(file: "container_with_placeholder_in_fstring", variant: "text1 given", arguments: ["text1": "x y"],
                   stubs: ["my_program": Stub.recordArgv]) { run, check in
            let folder = run.taskFolder("container-with-placeholder-in-fstring")
            check.expect(run.argv("container-with-placeholder-in-fstring"), ["prefix-x y", folder + "/artifacts/output_artifact/0"], "argv")
        },
        // `sh run.sh ...` runs run.sh from the task folder, where the test puts it.
        GroupCCase(file: "container_with_artifact_output", arguments: ["num_epochs": 3],
                   taskFiles: ["container-with-artifact-output": ["run.sh": runScript]]) { run, check in
            let folder = run.taskFolder("container-with-artifact-output")
            check.expect(run.argv("container-with-artifact-output"), [
                "--epochs", "3", "--model_path", folder + "/artifacts/model", "--model_metadata", "{}",
                "--model_config_path", folder + "/outputs/model_config_path",
            ], "argv")
            check.expectValue(run.run.outputs.parameters["model_config_path"], "config", "pipeline model_config_path")
            check.expect(run.content(of: run.run.outputs.artifacts["model"]?.first), "weights", "pipeline model content")
        },
        // No command: argv[0] is input_1 (here a stub's name); downstream's argv[0] is upstream's output_1.
        GroupCCase(file: "pipeline_with_various_io_types", arguments: ["input1": "io-upstream", "input3": "gs://bucket/input3"],
                   stubs: ["io-upstream": Stub.recordArgv + "\nprintf 7 > \"$4\"", "7": Stub.recordArgv]) { run, check in
            let up = run.taskFolder("upstream")
            let artifacts = (2...8).map { up + "/artifacts/output_\($0)" }
            check.expect(run.argv("upstream"),
                         ["3.1415926", "/gcs/bucket/input3", "", up + "/outputs/output_1"] + artifacts, "upstream argv")
            check.expectValue(run.parameter("upstream", "output_1"), .int(7), "upstream output_1")
            check.expect(run.argv("downstream"), artifacts, "downstream argv (program '7')")
            check.expect(run.state("downstream"), .succeeded, "downstream state")
        },
        // The importer only records the gs:// URI; the consumer gets its /gcs/ path.
        GroupCCase(file: "pipeline_with_importer_and_gcpc_types", stubs: ["cmd": Stub.recordArgv]) { run, check in
            check.expect(run.artifact("importer", "artifact")?.uri, "gs://ml-pipeline-playground/shakespeare1.txt", "importer URI")
            check.expect(run.artifact("importer", "artifact")?.metadata, ["key": "value"], "importer metadata")
            check.expect(run.argv("consumer-op"), ["/gcs/ml-pipeline-playground/shakespeare1.txt"], "consumer argv")
        },
    ]

    /// Records its arguments, writes `config` as the model config and `weights` as the model.
    static let runScript = Stub.recordArgv + "\n" + #"""
        while [ $# -gt 0 ]; do
          case "$1" in
            --model_config_path) printf config > "$2" ;;
            --model_path) printf weights > "$2" ;;
          esac
          shift
        done
        """#
}
