import Foundation
import KFPSpec
import Testing

/// Exact-value tests of ``V1GraphConverter`` on small hand-written graph components.
@Suite("v1 graph conversion")
struct V1GraphConversionTests {
    func convert(_ yaml: String) async throws -> PipelineSpec {
        try await V1GraphFixtures.convert(yaml)
    }

    @Test("graphInput, taskOutput, typed constants and outputValues wire as KFP wires a pipeline")
    func wiring() async throws {
        let spec = try await convert(V1GraphFixtures.graph())
        #expect(spec.pipelineInfo.name == "my-graph")
        #expect(spec.root.inputDefinitions == ComponentInputs(parameters: [
            "item_count": InputParameterDefinition(parameterType: .numberInteger, defaultValue: .int(7), isOptional: true),
            "note": InputParameterDefinition(parameterType: .string),
        ]))
        #expect(spec.root.outputDefinitions == ComponentOutputs(
            parameters: ["summary": OutputParameterDefinition(parameterType: .string)],
            artifacts: [
                "report": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Artifact")),
                "table": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Artifact")),
            ]))
        let tasks = try #require(spec.root.dag?.tasks)
        var make = PipelineTaskSpec(
            componentRef: ComponentRef(name: "comp-make-data"), taskInfo: TaskInfo(name: "Make data"),
            inputs: TaskInputs(parameters: [
                "count": TaskInputParameter(componentInputParameter: "item_count"),
                "rate": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: .double(1.5))),
                "flag": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: .bool(true))),
                "config": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: ["a": [1, 2]])),
                "label": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: .string("007"))),
            ]))
        make.cachingOptions = CachingOptions(enableCache: true)
        #expect(tasks["make-data"] == make)
        var use = PipelineTaskSpec(
            componentRef: ComponentRef(name: "comp-use-data"), taskInfo: TaskInfo(name: "Use data"),
            inputs: TaskInputs(
                parameters: [
                    "rows": TaskInputParameter(
                        taskOutputParameter: TaskOutputParameterReference(producerTask: "make-data", outputParameterKey: "row_count")),
                    "note": TaskInputParameter(componentInputParameter: "note"),
                ],
                artifacts: [
                    "data": TaskInputArtifact(
                        taskOutputArtifact: TaskOutputArtifactReference(producerTask: "make-data", outputArtifactKey: "table")),
                ]))
        use.cachingOptions = CachingOptions(enableCache: true)
        use.dependentTasks = ["make-data"]
        #expect(tasks["use-data"] == use)
        #expect(spec.root.dag?.outputs == DagOutputs(
            parameters: ["summary": DagOutputParameter(valueFromParameter: ParameterSelector(producerSubtask: "use-data", outputParameterKey: "summary"))],
            artifacts: [
                "report": DagOutputArtifact(artifactSelectors: [ArtifactSelector(producerSubtask: "use-data", outputArtifactKey: "report")]),
                "table": DagOutputArtifact(artifactSelectors: [ArtifactSelector(producerSubtask: "make-data", outputArtifactKey: "table")]),
            ]))
        let alone = try V1ComponentConverter().pipelineSpec(for: try SpecLoader().load(V1GraphFixtures.produce))
        #expect(spec.components?["comp-make-data"] == alone.components?["comp-produce"].map {
            var component = $0
            component.executorLabel = "exec-make-data"
            return component
        })
        #expect(spec.deploymentSpec?.executors?["exec-make-data"] == alone.deploymentSpec?.executors?["exec-produce"])
        #expect(spec.components?.keys.sorted() == ["comp-make-data", "comp-use-data"])
    }

    /// One constant argument of the `Make data` task and the value its input gets.
    struct ConstantCase: Sendable, CustomStringConvertible {
        var argument: String
        var input: String
        var expected: JSONValue
        var description: String { argument }
    }

    @Test("constants are cast to the input's parameter type", arguments: [
        ConstantCase(argument: "Count: \"5\"", input: "count", expected: .int(5)),
        ConstantCase(argument: "Count: 5", input: "count", expected: .int(5)),
        ConstantCase(argument: "rate: \"2\"", input: "rate", expected: .double(2)),
        ConstantCase(argument: "flag: \"False\"", input: "flag", expected: .bool(false)),
        ConstantCase(argument: "Config: '{\"k\": null}'", input: "config", expected: ["k": .null]),
        ConstantCase(argument: "label: 1e3", input: "label", expected: .string("1e3")),
        ConstantCase(argument: "label: \"x y\"", input: "label", expected: .string("x y")),
    ])
    func constants(_ constant: ConstantCase) async throws {
        let arguments = constant.argument.hasPrefix("Count") ? constant.argument : "Count: \"1\"\n          " + constant.argument
        let spec = try await convert(V1GraphFixtures.graph(makeArguments: arguments))
        let task = try #require(spec.root.dag?.tasks?["make-data"])
        #expect(task.inputs?.parameters?[constant.input]?.runtimeValue?.constant == constant.expected)
    }

    @Test("graphs nested in graphs become nested DAG components, to any depth")
    func nestedGraphs() async throws {
        let spec = try await convert(V1GraphFixtures.nested)
        #expect(spec.root.dag?.tasks?.keys.sorted() == ["inner"])
        #expect(spec.components?.keys.sorted() == ["comp-deepest", "comp-inner", "comp-leaf"])
        #expect(spec.deploymentSpec?.executors?.keys.sorted() == ["exec-leaf"])
        let inner = try #require(spec.components?["comp-inner"])
        #expect(inner.dag?.tasks?["deepest"]?.componentRef.name == "comp-deepest")
        #expect(inner.dag?.tasks?["deepest"]?.inputs?.parameters?["k"] == TaskInputParameter(componentInputParameter: "m"))
        #expect(inner.dag?.outputs?.parameters?["out"]?.valueFromParameter == ParameterSelector(producerSubtask: "deepest", outputParameterKey: "out"))
        let deepest = try #require(spec.components?["comp-deepest"])
        // An untyped input passed to an Integer input is an Integer parameter; an untyped output a String one.
        #expect(deepest.inputDefinitions == ComponentInputs(parameters: ["k": InputParameterDefinition(parameterType: .numberInteger)]))
        #expect(deepest.outputDefinitions == ComponentOutputs(parameters: ["out": OutputParameterDefinition(parameterType: .string)]))
        #expect(deepest.dag?.tasks?["leaf"]?.componentRef.name == "comp-leaf")
        #expect(spec.components?["comp-leaf"]?.executorLabel == "exec-leaf")
        #expect(spec.root.dag?.outputs?.parameters?["result"]?.valueFromParameter == ParameterSelector(producerSubtask: "inner", outputParameterKey: "out"))
    }

    @Test("task ids that give the same Kubernetes name get -2; an id with no letters becomes 'task'")
    func taskNames() async throws {
        let yaml = """
            name: names
            implementation:
              graph:
                tasks:
                  Step A: {componentRef: {name: Echo}, arguments: {text: "1"}}
                  step-a: {componentRef: {name: Echo}, arguments: {text: "2"}}
                  "!!!": {componentRef: {name: Echo}, arguments: {text: "3"}}
            """
        let spec = try await convert(yaml)
        let tasks = try #require(spec.root.dag?.tasks)
        #expect(tasks.keys.sorted() == ["step-a", "step-a-2", "task"])
        #expect(tasks["step-a-2"]?.taskInfo?.name == "step-a")
        #expect(tasks["step-a-2"]?.componentRef.name == "comp-step-a-2")
        #expect(tasks["task"]?.taskInfo?.name == "!!!")
        #expect(spec.deploymentSpec?.executors?.keys.sorted() == ["exec-step-a", "exec-step-a-2", "exec-task"])
    }

    @Test("KFP's '' default of a JsonObject is kept and validates; a JsonArray default becomes a list")
    func unfitDefaultsLeftOut() async throws {
        let yaml = """
            name: defaults
            implementation:
              graph:
                tasks:
                  configure:
                    componentRef:
                      spec:
                        name: Configure
                        inputs: [{name: config, type: JsonObject, default: ''}, {name: items, type: JsonArray, default: '[1]'}]
                        implementation: {container: {image: busybox, args: [{inputValue: config}, {inputValue: items}]}}
            """
        let spec = try await convert(yaml)
        let inputs = try #require(spec.components?["comp-configure"]?.inputDefinitions?.parameters)
        // KFP's '' default of a JsonObject means "none"; it is kept as KFP writes it and validates.
        #expect(inputs["config"] == InputParameterDefinition(parameterType: .struct, defaultValue: "", isOptional: true))
        #expect(inputs["items"] == InputParameterDefinition(parameterType: .list, defaultValue: [1], isOptional: true))
    }
}
