public import KFPSpec

/// A pipeline defined in Swift: inputs, tasks wired by their outputs, control flow and outputs
/// (KFP's `@dsl.pipeline`). Compile it with `PipelineCompiler` (module `KFPCompiler`), or use it as
/// a task of another pipeline.
///
/// ```swift
/// let pipeline = try Pipeline("merge-csv") { p in
///     let url = p.parameter("url", .string)
///     let data = p.task(download, ["Url": url])
///     p.task(mergeCSV, ["file_path": data.outputs["Data"]])
/// }
/// ```
///
/// The body runs once, synchronously, when the pipeline is made. Every mistake it makes is
/// collected and thrown together as a ``DefinitionError``.
public struct Pipeline: Sendable {
    /// The pipeline name (`pipelineInfo.name`); KFP's rule `^[a-z0-9][a-z0-9-]{0,127}$`.
    public let name: String
    /// The pipeline description (`pipelineInfo.description`).
    public let description: String?
    /// The name shown in the UI (`pipelineInfo.displayName`).
    public let displayName: String?
    /// What the body defined.
    package let graph: PipelineGraph
    /// Where the pipeline was defined.
    public let callSite: CallSite

    /// Defines a pipeline by running `body`.
    ///
    /// - Throws: ``DefinitionError`` with every mistake of the definition, each with the `file:line`
    ///   of the call that caused it; any error `body` throws itself.
    public init(
        _ name: String, description: String? = nil, displayName: String? = nil, fileID: String = #fileID,
        line: Int = #line, _ body: (PipelineBuilder) throws -> Void
    ) throws {
        let site = CallSite(fileID: fileID, line: line)
        let state = DefinitionState(pipelineName: name)
        if !KFPNames.isValidPipelineName(name) {
            state.report(
                .invalidName,
                "pipeline name '\(name)' must match ^[a-z0-9][a-z0-9-]{0,127}$: lowercase letters, digits and '-', starting with a letter or digit, at most 128 characters",
                at: site)
        }
        try body(PipelineBuilder(state: state, group: state.root))
        DependencyCycles.report(in: state)
        if !state.diagnostics.isEmpty { throw DefinitionError(state.diagnostics) }
        self.name = name
        self.description = description
        self.displayName = displayName
        self.callSite = site
        self.graph = PipelineGraph(
            inputs: state.inputs, root: state.root.freeze(), tasks: state.tasks, taskOrder: state.taskOrder,
            outputs: state.outputs)
        self.outputDescriptions = state.outputDescriptions
    }

    /// Descriptions of the pipeline outputs that have one, by output name.
    package let outputDescriptions: [String: String]

    /// The pipeline's interface as a component: its inputs and outputs.
    package var interface: (inputDefinitions: ComponentInputs?, outputDefinitions: ComponentOutputs?) {
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for input in graph.inputs {
            switch input.kind {
            case .parameter(let type):
                var definition = InputParameterDefinition(parameterType: type)
                definition.defaultValue = input.defaultValue
                definition.isOptional = input.isOptional ? true : nil
                definition.description = input.description
                parameters[input.name] = definition
            case .artifact(let schema, let isList):
                var definition = InputArtifactDefinition(artifactType: schema)
                definition.isArtifactList = isList ? true : nil
                definition.isOptional = input.isOptional ? true : nil
                definition.description = input.description
                artifacts[input.name] = definition
            }
        }
        var outputParameters: [String: OutputParameterDefinition] = [:]
        var outputArtifacts: [String: OutputArtifactDefinition] = [:]
        for output in graph.outputs {
            switch output.channel.kind {
            case .parameter(let type):
                var definition = OutputParameterDefinition(parameterType: type)
                definition.description = outputDescriptions[output.name]
                outputParameters[output.name] = definition
            case .artifact(let schema, let isList):
                var definition = OutputArtifactDefinition(artifactType: schema)
                definition.isArtifactList = isList ? true : nil
                definition.description = outputDescriptions[output.name]
                outputArtifacts[output.name] = definition
            }
        }
        let inputs = parameters.isEmpty && artifacts.isEmpty
            ? nil : ComponentInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        let outputs = outputParameters.isEmpty && outputArtifacts.isEmpty
            ? nil
            : ComponentOutputs(
                parameters: outputParameters.isEmpty ? nil : outputParameters,
                artifacts: outputArtifacts.isEmpty ? nil : outputArtifacts)
        return (inputs, outputs)
    }
}
