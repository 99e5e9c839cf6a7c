/// `ComponentSpec`: a component's interface and implementation (an executor label or a DAG).
public struct ComponentSpec: Codable, Sendable, Hashable {
    /// `inputDefinitions`: declared input parameters and artifacts.
    public var inputDefinitions: ComponentInputs?
    /// `outputDefinitions`: declared output parameters and artifacts.
    public var outputDefinitions: ComponentOutputs?
    /// `dag`: set for a DAG component (a nested pipeline, condition, loop or exit-handler group).
    public var dag: DagSpec?
    /// `executorLabel`: set for a leaf component; names an executor in `deploymentSpec.executors`.
    public var executorLabel: String?
    /// `singlePlatformSpecs`: platform configs attached to the component, kept as written.
    public var singlePlatformSpecs: [JSONValue]?
    /// `taskConfigPassthroughs`: task config fields passed through to the task.
    public var taskConfigPassthroughs: [TaskConfigPassthrough]?

    public init(
        inputDefinitions: ComponentInputs? = nil, outputDefinitions: ComponentOutputs? = nil, dag: DagSpec? = nil,
        executorLabel: String? = nil
    ) {
        self.inputDefinitions = inputDefinitions
        self.outputDefinitions = outputDefinitions
        self.dag = dag
        self.executorLabel = executorLabel
    }
}

/// `TaskConfigPassthrough`: which task config field (`RESOURCES`, `ENV`, `KUBERNETES_*`) passes through.
public struct TaskConfigPassthrough: Codable, Sendable, Hashable {
    public var field: String?
    public var applyToTask: Bool?
}

/// `ComponentInputsSpec`: input parameters and artifacts by name.
public struct ComponentInputs: Codable, Sendable, Hashable {
    public var parameters: [String: InputParameterDefinition]?
    public var artifacts: [String: InputArtifactDefinition]?

    public init(
        parameters: [String: InputParameterDefinition]? = nil, artifacts: [String: InputArtifactDefinition]? = nil
    ) {
        self.parameters = parameters
        self.artifacts = artifacts
    }
}

/// `ComponentOutputsSpec`: output parameters and artifacts by name.
public struct ComponentOutputs: Codable, Sendable, Hashable {
    public var parameters: [String: OutputParameterDefinition]?
    public var artifacts: [String: OutputArtifactDefinition]?

    public init(
        parameters: [String: OutputParameterDefinition]? = nil, artifacts: [String: OutputArtifactDefinition]? = nil
    ) {
        self.parameters = parameters
        self.artifacts = artifacts
    }
}
