/// `DagSpec`: the tasks of a DAG component and the outputs it surfaces.
public struct DagSpec: Codable, Sendable, Hashable {
    /// `tasks`: task specs by task name (the map key is the task's real name).
    public var tasks: [String: PipelineTaskSpec]?
    /// `outputs`: DAG outputs selected from its tasks.
    public var outputs: DagOutputs?

    public init(tasks: [String: PipelineTaskSpec]? = nil, outputs: DagOutputs? = nil) {
        self.tasks = tasks
        self.outputs = outputs
    }
}

/// `DagOutputsSpec`: DAG output parameters and artifacts.
public struct DagOutputs: Codable, Sendable, Hashable {
    public var parameters: [String: DagOutputParameter]?
    public var artifacts: [String: DagOutputArtifact]?

    public init(parameters: [String: DagOutputParameter]? = nil, artifacts: [String: DagOutputArtifact]? = nil) {
        self.parameters = parameters
        self.artifacts = artifacts
    }
}

/// `DagOutputParameterSpec`: one subtask's output (`valueFromParameter`) or the one branch that ran (`valueFromOneof`).
public struct DagOutputParameter: Codable, Sendable, Hashable {
    public var valueFromParameter: ParameterSelector?
    public var valueFromOneof: ParameterSelectors?

    public init(valueFromParameter: ParameterSelector) {
        self.valueFromParameter = valueFromParameter
    }

    public init(valueFromOneof: [ParameterSelector]) {
        self.valueFromOneof = ParameterSelectors(parameterSelectors: valueFromOneof)
    }

    /// Every selector, whichever form is used.
    public var selectors: [ParameterSelector] {
        if let valueFromParameter { return [valueFromParameter] }
        return valueFromOneof?.parameterSelectors ?? []
    }
}

/// `ParameterSelectorSpec`: an output parameter of a subtask.
public struct ParameterSelector: Codable, Sendable, Hashable {
    public var producerSubtask: String
    public var outputParameterKey: String

    public init(producerSubtask: String, outputParameterKey: String) {
        self.producerSubtask = producerSubtask
        self.outputParameterKey = outputParameterKey
    }
}

/// `ParameterSelectorsSpec`: the selectors of a OneOf output.
public struct ParameterSelectors: Codable, Sendable, Hashable {
    public var parameterSelectors: [ParameterSelector]?
}

/// `DagOutputArtifactSpec`: one selector, or several for an artifact OneOf.
public struct DagOutputArtifact: Codable, Sendable, Hashable {
    public var artifactSelectors: [ArtifactSelector]?

    public init(artifactSelectors: [ArtifactSelector]) {
        self.artifactSelectors = artifactSelectors
    }
}

/// `ArtifactSelectorSpec`: an output artifact of a subtask.
public struct ArtifactSelector: Codable, Sendable, Hashable {
    public var producerSubtask: String
    public var outputArtifactKey: String

    public init(producerSubtask: String, outputArtifactKey: String) {
        self.producerSubtask = producerSubtask
        self.outputArtifactKey = outputArtifactKey
    }
}
