import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Container-component definitions of corpus files, compiled and compared with what the Python
/// SDK compiled.
@Suite("Container components and pipelines compile like the Python SDK")
struct ContainerCorpusDefinitionTests {
    static let ubiImage = "registry.access.redhat.com/ubi9/python-311:latest"

    @Test("container_io: an input value and an output parameter file")
    func containerIO() async throws {
        let component = try Component.container(
            name: "container-io", inputs: [.parameter("text", .string)], outputs: [.parameter("output_path", .string)],
            image: Self.ubiImage, command: ["my_program", .inputValue("text")],
            args: ["--output_path", .outputParameterFile("output_path")])
        try IRComparison.expectEqual(component: component, corpus: "container_io.yaml")
    }

    @Test("container_with_concat_placeholder: Concat of text, an input and an output URI")
    func concatPlaceholder() async throws {
        let component = try Component.container(
            name: "container-with-concat-placeholder", inputs: [.parameter("text1", .string)],
            outputs: [.parameter("output_path", .string), .artifact("text2", .dataset)], image: Self.ubiImage,
            command: ["my_program", .concat(["prefix-", .inputValue("text1"), .outputURI("text2")])],
            args: ["--output_path", .outputParameterFile("output_path")])
        try IRComparison.expectEqual(component: component, corpus: "container_with_concat_placeholder.yaml")
    }

    @Test("container_with_if_placeholder: IfPresent with Then and Else around an optional input")
    func ifPlaceholder() async throws {
        let component = try Component.container(
            name: "container-with-if-placeholder", inputs: [.parameter("optional_input", .string, default: "default")],
            outputs: [.parameter("output_path", .string), .artifact("dataset", .dataset)], image: Self.ubiImage,
            command: [
                "my_program", .ifPresent("optional_input", then: [.inputValue("optional_input")], else: ["bye"]),
                "--dataset", .ifPresent("optional_input", then: [.outputURI("dataset")], else: ["bye"]),
            ],
            args: ["--output_path", .outputParameterFile("output_path")])
        try IRComparison.expectEqual(component: component, corpus: "container_with_if_placeholder.yaml")
    }

    @Test("two_step_pipeline: v1 components from text, display names, an artifact edge")
    func twoStepPipeline() async throws {
        let write = try Component(
            yaml: """
                name: Write to GCS
                inputs:
                - {name: text, type: String, description: 'Content to be written to GCS'}
                outputs:
                - {name: output_gcs_path, type: Artifact, description: 'GCS file path'}
                implementation:
                  container:
                    image: google/cloud-sdk:slim
                    command:
                    - sh
                    - -c
                    - |
                      set -e -x
                      echo "$0" | gsutil cp - "$1"
                    - {inputValue: text}
                    - {outputUri: output_gcs_path}
                """)
        let read = try Component(
            yaml: """
                name: Read from GCS
                inputs:
                - {name: input_gcs_path, type: Artifact, description: 'GCS file path'}
                implementation:
                  container:
                    image: google/cloud-sdk:slim
                    command:
                    - sh
                    - -c
                    - |
                      set -e -x
                      gsutil cat "$0"
                    - {inputUri: input_gcs_path}
                """)
        let pipeline = try Pipeline("simple-two-step-pipeline") { p in
            let text = p.parameter("text", .string, default: "Hello KFP!")
            let producer = p.task(write, ["text": text], options: .init(displayName: "Producer"))
            p.task(read, ["input_gcs_path": producer.outputs["output_gcs_path"]], options: .init(displayName: "Consumer"))
        }
        try await IRComparison.expectEqual(pipeline, corpus: "two_step_pipeline.yaml")
    }
}
