import KFP
import KFPSpec

/// Builds the IR of one pipeline (KFP's `create_pipeline_spec` and `build_spec_by_group`): a
/// component and task per group and task, executors, exit tasks, metrics surfaced to the root, and
/// the pipeline outputs.
struct SpecAssembler {
    let pipeline: Pipeline
    let graph: PipelineGraph
    let topology: Topology
    let outputs: GroupOutputs
    let inputs: GroupInputs
    let dependencies: TaskDependencies
    /// Task arguments after `Collected` surfacing.
    let arguments: [String: [String: TaskArgument.Value]]
    let lowering: TaskSpecLowering
    var spec: PipelineSpec
    /// Components and executors while assembling (kept apart from `spec` so adding one is O(1)).
    var components: [String: ComponentSpec] = [:]
    var executors: [String: ExecutorSpec] = [:]
    var componentNames = UniqueNames()
    var executorLabels = UniqueNames()
    var diagnostics: [DefinitionError.Diagnostic]
    let compileSubpipeline: (Pipeline) throws(DefinitionError) -> PipelineSpec

    init(pipeline: Pipeline, compileSubpipeline: @escaping (Pipeline) throws(DefinitionError) -> PipelineSpec) {
        self.pipeline = pipeline
        self.compileSubpipeline = compileSubpipeline
        let graph = GraphNaming.named(pipeline.graph)
        self.graph = graph
        let topology = Topology(root: graph.root)
        let outputs = GroupOutputs(graph: graph, topology: topology)
        self.topology = topology
        self.outputs = outputs
        var arguments: [String: [String: TaskArgument.Value]] = [:]
        for (name, task) in graph.tasks {
            arguments[name] = task.arguments.mapValues { value in
                if case .channel(let channel) = value, let rewritten = outputs.collectedRewrites[channel] {
                    return .channel(rewritten)
                }
                return value
            }
        }
        self.arguments = arguments
        let rewrites = outputs.collectedRewrites
        let channelsOf: (TaskNode) -> [Channel] = { task in
            task.channelInputs.map { rewrites[$0] ?? $0 }
        }
        inputs = GroupInputs(graph: graph, topology: topology, channelsOf: channelsOf)
        let dependencies = TaskDependencies(graph: graph, topology: topology, channelsOf: channelsOf)
        self.dependencies = dependencies
        lowering = TaskSpecLowering()
        diagnostics = outputs.diagnostics + dependencies.diagnostics
        let interface = pipeline.interface
        var root = ComponentSpec(inputDefinitions: interface.inputDefinitions, outputDefinitions: interface.outputDefinitions)
        root.dag = DagSpec(tasks: [:])
        spec = PipelineSpec(
            pipelineInfo: PipelineInfo(name: pipeline.name, displayName: pipeline.displayName, description: pipeline.description),
            deploymentSpec: DeploymentSpec(executors: [:]), sdkVersion: PipelineCompiler.sdkVersion, schemaVersion: "2.1.0",
            components: [:], root: root)
    }

    mutating func assemble() throws(DefinitionError) -> PipelineSpec {
        for group in topology.groups {
            try buildGroup(group)
        }
        try buildExitTasks()
        connectPipelineOutputs()
        if !diagnostics.isEmpty { throw DefinitionError(diagnostics) }
        spec.components = components.isEmpty ? nil : components
        spec.deploymentSpec = DeploymentSpec(executors: executors.isEmpty ? nil : executors)
        return spec
    }

    // MARK: - Components and executors

    func component(named name: String) -> ComponentSpec? {
        name == Topology.rootName ? spec.root : components[name]
    }

    mutating func setComponent(_ component: ComponentSpec, named name: String) {
        if name == Topology.rootName { spec.root = component } else { components[name] = component }
    }

    mutating func addComponent(_ component: ComponentSpec, preferredName: String) -> String {
        let name = componentNames.claim(preferredName)
        components[name] = component
        return name
    }

    mutating func addExecutor(_ executor: ExecutorSpec, preferredLabel: String) -> String {
        let label = executorLabels.claim(preferredLabel)
        executors[label] = executor
        return label
    }
}
