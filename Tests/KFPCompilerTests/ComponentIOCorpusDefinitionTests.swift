import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Corpus files about component interfaces: artifacts returned Python-style, descriptions of
/// inputs and outputs, container components compiled alone or in small pipelines, and a compile-time
/// parameter value.
@Suite("Component interfaces compile like the Python SDK")
struct ComponentIOCorpusDefinitionTests {
    static let ubiImage = "registry.access.redhat.com/ubi9/python-311:latest"

    /// Expects a spec (a component compiled with parameter values) equal to a corpus file.
    static func expectEqual(
        spec: PipelineSpec, corpus relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let theirs = try IRComparison.corpusTree(relativePath) else { return }
        let diffs = IRComparison.differences(try SpecWriter().tree(of: spec), theirs)
        #expect(diffs.isEmpty, "\(relativePath) differs:\n\(diffs.prefix(25).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test("critical/pythonic_artifacts_test_pipeline: returned artifacts passed on, caching off")
    func pythonicArtifacts() async throws {
        let file = "critical/pythonic_artifacts_test_pipeline.yaml"
        let genData = try CorpusPython.component(file, function: "gen_data")
        let trainModel = try CorpusPython.component(file, function: "train_model")
        let noCache = TaskOptions(cachingEnabled: false)
        let pipeline = try Pipeline("pythonic-artifacts-test") { p in
            let data = p.task(genData, options: noCache)
            p.task(trainModel, ["dataset": data.output], options: noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_metadata_fields: descriptions of pipeline inputs and of its output")
    func metadataFields() async throws {
        let file = "pipeline_with_metadata_fields.yaml"
        let strToDataset = try CorpusPython.component(file, function: "str_to_dataset")
        let joiner = try CorpusPython.component(file, function: "dataset_joiner")
        let pipeline = try Pipeline("dataset-concatenator", description: "A pipeline that joins string to in_dataset.") { p in
            let string = p.parameter("string", .string, description: "String to concatenate to in_artifact.")
            let inDataset = p.artifact("in_dataset", .dataset, description: "Dataset to which to concatenate string.")
            let first = p.task(strToDataset, ["string": string])
            let joined = p.task(joiner, ["dataset_a": first.outputs["dataset"], "dataset_b": inDataset])
            p.output("Output", joined.outputs["out_dataset"], description: "The final concatenated dataset.")
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("hello_world: a container component with a literal argument")
    func helloWorld() async throws {
        let echo = try Component.container(name: "echo", image: Self.ubiImage, command: ["echo"], args: ["hello world"])
        try IRComparison.expectEqual(component: echo, corpus: "hello_world.yaml")
    }

    @Test("arguments_parameters: a component compiled with a value for one parameter")
    func argumentsParameters() async throws {
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("param1", .string), .parameter("param2", .string)], image: Self.ubiImage,
            command: ["echo"], args: ["\(.inputValue("param1"))-\(.inputValue("param2"))"])
        let spec = try PipelineCompiler().compile(echo, parameters: ["param1": "hello"])
        try Self.expectEqual(spec: spec, corpus: "arguments_parameters.yaml")
    }

    @Test("sequential_v1: one container component run twice on two pipeline parameters")
    func sequentialV1() async throws {
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("message", .string)], image: Self.ubiImage, command: ["sh", "-c"],
            args: ["echo \(.inputValue("message"))"])
        let pipeline = try Pipeline("sequential") { p in
            p.task(echo, ["message": p.parameter("param1", .string)])
            p.task(echo, ["message": p.parameter("param2", .string)])
        }
        try await IRComparison.expectEqual(pipeline, corpus: "sequential_v1.yaml")
    }

    @Test("essential/container_no_input: a container component without inputs compiled alone")
    func containerNoInput() async throws {
        let component = try Component.container(name: "container-no-input", image: Self.ubiImage, command: ["echo", "hello world"])
        try IRComparison.expectEqual(component: component, corpus: "essential/container_no_input.yaml")
    }

    @Test("critical/container_component_with_no_inputs: a container component without inputs in a pipeline")
    func containerComponentWithNoInputs() async throws {
        let component = try Component.container(
            name: "hello-world-container", image: Self.ubiImage, command: ["echo", "hello world"])
        let pipeline = try Pipeline("v2-container-component-no-input") { p in
            p.task(component)
        }
        try await IRComparison.expectEqual(pipeline, corpus: "critical/container_component_with_no_inputs.yaml")
    }

    @Test("container_with_placeholder_in_fstring: placeholders inside command strings")
    func placeholderInFString() async throws {
        let component = try Component.container(
            name: "container-with-placeholder-in-fstring", inputs: [.parameter("text1", .string, default: "text!")],
            outputs: [.artifact("output_artifact", .artifact)], image: Self.ubiImage,
            command: ["my_program", "prefix-\(.inputValue("text1"))", "\(.outputURI("output_artifact"))/0"])
        try IRComparison.expectEqual(component: component, corpus: "container_with_placeholder_in_fstring.yaml")
    }
}
