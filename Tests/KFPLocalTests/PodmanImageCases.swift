import Foundation
import KFPLocal
import KFPSpec

/// Corpus pipelines whose programs exist only in their images, run in the test images
/// (`scripts/containers/corpus-programs/`): `my_program` writes a file at every absolute path it
/// is given ("written by my_program") and its positional arguments, joined with spaces, to
/// `--output_path`; gcr.io/my-image's `run.sh` (in its WORKDIR) writes the model and its config;
/// `kfp-image` holds the `concat_message` component found through `kfp_config.ini` in its WORKDIR.
enum PodmanImageCases {
    static let written = "written by my_program"

    static let all: [GroupCCase] = [
        GroupCCase(file: "container_io", arguments: ["text": "hi  there"]) { run, check in
            check.expectValue(run.parameter("container-io", "output_path"), "hi  there", "output_path")
            check.expectValue(run.run.outputs.parameters["output_path"], "hi  there", "pipeline output_path")
            check.expect(run.log("container-io"), "my_program: wrote \(run.taskFolder("container-io"))/outputs/output_path\n", "log")
        },
        // Concat ["prefix-", text1, text2.uri] is one argument, and not a path: nothing is written there.
        GroupCCase(file: "container_with_concat_placeholder", arguments: ["text1": "hello"]) { run, check in
            let folder = run.taskFolder("container-with-concat-placeholder")
            check.expectValue(run.run.outputs.parameters["output_path"], .string("prefix-hello" + folder + "/artifacts/text2"),
                              "pipeline output_path")
            check.expect(run.run.outputs.artifacts["text2"]?.first?.uri, folder + "/artifacts/text2", "pipeline text2 URI")
        },
        GroupCCase(file: "container_with_if_placeholder", variant: "root default") { run, check in
            let task = "container-with-if-placeholder"
            check.expectValue(run.parameter(task, "output_path"), "default", "output_path")
            check.expect(run.content(of: run.artifact(task, "dataset")), written, "dataset content")
        },
        GroupCCase(file: "container_with_if_placeholder", variant: "task supplies no optional_input (derived)",
                   edit: { spec in spec.root.dag?.tasks?["container-with-if-placeholder"]?.inputs = nil }) { run, check in
            let task = "container-with-if-placeholder"
            check.expectValue(run.parameter(task, "output_path"), "bye", "output_path (Else branch)")
            check.expect(run.content(of: run.artifact(task, "dataset")), nil, "dataset not written (--dataset bye)")
        },
        GroupCCase(file: "container_with_placeholder_in_fstring", variant: "text1 given", arguments: ["text1": "x y"]) { run, check in
            let task = "container-with-placeholder-in-fstring"
            let uri = run.taskFolder(task) + "/artifacts/output_artifact"
            check.expect(run.run.outputs.artifacts["output_artifact"]?.first?.uri, uri, "output URI")
            check.expect(run.text(atPath: uri + "/0"), written, "file 0 in the artifact folder")
        },
        // `sh run.sh` finds run.sh in the image's WORKDIR.
        GroupCCase(file: "container_with_artifact_output", arguments: ["num_epochs": 3]) { run, check in
            let folder = run.taskFolder("container-with-artifact-output")
            check.expectValue(run.run.outputs.parameters["model_config_path"], #"{"epochs": 3}"#, "pipeline model_config_path")
            check.expect(run.content(of: run.run.outputs.artifacts["model"]?.first),
                         "trained for 3 epochs\nmetadata: {}\n", "pipeline model content")
            check.expect(run.log("container-with-artifact-output"),
                         "run.sh: wrote \(folder)/artifacts/model and \(folder)/outputs/model_config_path\n", "log")
        },
        // A containerized Python component: no pip prelude; executor_main finds the function
        // through kfp_config.ini in the image's WORKDIR.
        GroupCCase(file: "containerized_python_component", arguments: ["message1": "Hello, ", "message2": "wörld 🌍"]) { run, check in
            check.expectValue(run.parameter("concat-message", "Output"), "Hello, wörld 🌍", "Output")
            check.expectValue(run.run.outputs.parameters["Output"], "Hello, wörld 🌍", "pipeline Output")
        },
    ]
}
