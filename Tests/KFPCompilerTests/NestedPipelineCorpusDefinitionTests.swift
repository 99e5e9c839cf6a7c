import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Corpus pipelines that use pipelines as tasks: sub-pipelines defined in Swift, a compiled
/// pipeline loaded back as a component, optional and defaulted sub-pipeline inputs.
@Suite("Pipelines used as tasks compile like the Python SDK")
struct NestedPipelineCorpusDefinitionTests {
    static let noCache = TaskOptions(cachingEnabled: false)

    @Test("critical/mixed_parameters: pipelines nested as tasks, caching off at each level")
    func mixedParameters() async throws {
        let file = "critical/mixed_parameters.yaml"
        let coreComp = try CorpusPython.component(file, function: "core_comp")
        let crustComp = try CorpusPython.component(file, function: "crust_comp")
        let core = try Pipeline("core") { p in
            p.output("Output", p.task(coreComp, options: Self.noCache).output)
        }
        let mantle = try Pipeline("mantle") { p in
            p.output("Output", p.task(core, options: Self.noCache).output)
        }
        let pipeline = try Pipeline("mixed-parameters-pipeline") { p in
            let inner = p.task(mantle, options: Self.noCache)
            p.task(crustComp, ["x": 2, "y": inner.output], options: Self.noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    /// essential/pipeline_with_outputs: `pipeline-in-pipeline` running `print_op1` and the
    /// sub-pipeline `inner-pipeline`, returning the sub-pipeline's artifact; Python components
    /// read from `file`.
    static func pipelineWithOutputs(_ file: String) throws -> Pipeline {
        let printOp1 = try CorpusPython.component(file, function: "print_op1")
        let printOp2 = try Component.container(
            name: "print-op2", inputs: [.parameter("msg", .string)], outputs: [.artifact("data", .artifact)], image: "alpine",
            command: ["sh", "-c", #"mkdir --parents $(dirname "$1") && echo "$0" > "$1""#],
            args: [.inputValue("msg"), .outputPath("data")])
        let inner = try Pipeline("inner-pipeline") { p in
            let first = p.task(printOp1, ["msg": p.parameter("msg", .string)])
            let second = p.task(printOp2, ["msg": first.output])
            p.output("msg", first.output)
            p.output("data", second.outputs["data"])
        }
        return try Pipeline("pipeline-in-pipeline") { p in
            p.task(printOp1, ["msg": p.parameter("msg", .string, default: "Hello")])
            p.output("Output", p.task(inner, ["msg": "world"]).outputs["data"])
        }
    }

    @Test("essential/pipeline_with_outputs: a sub-pipeline's named outputs, one returned")
    func pipelineWithOutputs() async throws {
        let file = "essential/pipeline_with_outputs.yaml"
        try await IRComparison.expectEqual(Self.pipelineWithOutputs(file), corpus: file)
    }

    @Test("parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml: a compiled pipeline loaded as a component")
    func pipelineLoadedFromYAML() async throws {
        let file = "parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml"
        let compiled = try PipelineCompiler().compile(Self.pipelineWithOutputs(file))
        let loaded = try Component(yaml: SpecWriter().write(compiled))
        let printOp1 = try CorpusPython.component(file, function: "print_op1", executor: "exec-print-op1-3")
        let pipeline = try Pipeline("pipeline-in-pipeline") { p in
            let task = p.task(loaded, ["msg": "Hello"])
            p.task(printOp1, ["data": task.output])
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled: optional sub-pipeline inputs left unset")
    func nestedOptionalInputsNil() async throws {
        let file = "parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.yaml"
        let kinds: [(String, ParameterType)] = [("Bool", .boolean), ("Int", .numberInteger), ("Str", .string)]
        let components = try kinds.map { try CorpusPython.component(file, function: "component_\($0.0.lowercased())") }
        let nested = try Pipeline("nested-pipeline") { p in
            for ((suffix, type), component) in zip(kinds, components) {
                let input = p.parameter("nestedInput\(suffix)", type, isOptional: true)
                p.task(component, ["componentInput": input], options: Self.noCache)
            }
        }
        let pipeline = try Pipeline("nested-pipeline-opt-inputs-nil") { p in
            p.task(nested, options: Self.noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("parallel_and_nested/nested_pipeline_opt_input_child_level_compiled: sub-pipeline defaults, some overridden")
    func nestedOptionalInputsChildLevel() async throws {
        let file = "parallel_and_nested/nested_pipeline_opt_input_child_level_compiled.yaml"
        let nested = try Pipeline("nested-pipeline") { p in
            for (index, letter) in ["a", "b"].enumerated() {
                let number = index + 1
                let inputs: [(String, Ref)] = [
                    ("Bool", p.parameter("nestedInputBool\(number)", .boolean, default: false)),
                    ("Int", p.parameter("nestedInputInt\(number)", .numberInteger, default: 0)),
                    ("Str", p.parameter("nestedInputStr\(number)", .string, default: .string("Input \(number) - nested pipeline"))),
                ]
                for (suffix, input) in inputs {
                    let component = try CorpusPython.component(file, function: "component_\(letter)_\(suffix.lowercased())")
                    p.task(component, ["componentInput\(suffix)": input], options: Self.noCache)
                }
            }
        }
        let pipeline = try Pipeline("nested-pipeline-opt-input-child-level") { p in
            p.task(
                nested, ["nestedInputBool1": true, "nestedInputInt1": 1, "nestedInputStr1": "Input - pipeline"],
                options: Self.noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/artifact_crust: an artifact returned through two levels of sub-pipelines")
    func artifactCrust() async throws {
        let file = "critical/artifact_crust.yaml"
        let coreComp = try CorpusPython.component(file, function: "core_comp")
        let crustComp = try CorpusPython.component(file, function: "crust_comp")
        let core = try Pipeline("core") { p in
            p.output("Output", p.task(coreComp, options: Self.noCache).outputs["dataset"])
        }
        let mantle = try Pipeline("mantle") { p in
            p.output("Output", p.task(core, options: Self.noCache).output)
        }
        let pipeline = try Pipeline("artifact-pipeline") { p in
            let inner = p.task(mantle, options: Self.noCache)
            p.task(crustComp, ["input": inner.output], options: Self.noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }
}
