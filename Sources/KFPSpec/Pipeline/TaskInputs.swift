/// `TaskInputsSpec`: the source of each input of a task.
public struct TaskInputs: Codable, Sendable, Hashable {
    public var parameters: [String: TaskInputParameter]?
    public var artifacts: [String: TaskInputArtifact]?

    public init(parameters: [String: TaskInputParameter]? = nil, artifacts: [String: TaskInputArtifact]? = nil) {
        self.parameters = parameters
        self.artifacts = artifacts
    }
}

/// `TaskInputsSpec.InputParameterSpec`: exactly one source, plus an optional CEL sub-field selector.
public struct TaskInputParameter: Codable, Sendable, Hashable {
    /// `taskOutputParameter`: an output of a sibling task.
    public var taskOutputParameter: TaskOutputParameterReference?
    /// `runtimeValue`: a constant.
    public var runtimeValue: ValueOrRuntimeParameter?
    /// `componentInputParameter`: an input of the enclosing DAG.
    public var componentInputParameter: String?
    /// `taskFinalStatus`: the final status of a task (exit handlers).
    public var taskFinalStatus: TaskFinalStatusReference?
    /// `parameterExpressionSelector`: CEL over the value, e.g. `parseJson(string_value)["A_a"]`.
    public var parameterExpressionSelector: String?

    public init(
        taskOutputParameter: TaskOutputParameterReference? = nil, runtimeValue: ValueOrRuntimeParameter? = nil,
        componentInputParameter: String? = nil, taskFinalStatus: TaskFinalStatusReference? = nil,
        parameterExpressionSelector: String? = nil
    ) {
        self.taskOutputParameter = taskOutputParameter
        self.runtimeValue = runtimeValue
        self.componentInputParameter = componentInputParameter
        self.taskFinalStatus = taskFinalStatus
        self.parameterExpressionSelector = parameterExpressionSelector
    }
}

/// `TaskOutputParameterSpec`.
public struct TaskOutputParameterReference: Codable, Sendable, Hashable {
    public var producerTask: String
    public var outputParameterKey: String

    public init(producerTask: String, outputParameterKey: String) {
        self.producerTask = producerTask
        self.outputParameterKey = outputParameterKey
    }
}

/// `TaskFinalStatus`: the task whose final status is passed.
public struct TaskFinalStatusReference: Codable, Sendable, Hashable {
    public var producerTask: String

    public init(producerTask: String) {
        self.producerTask = producerTask
    }
}

/// `TaskInputsSpec.InputArtifactSpec`: an output artifact of a sibling task, or an input artifact of the DAG.
public struct TaskInputArtifact: Codable, Sendable, Hashable {
    public var taskOutputArtifact: TaskOutputArtifactReference?
    public var componentInputArtifact: String?

    public init(taskOutputArtifact: TaskOutputArtifactReference? = nil, componentInputArtifact: String? = nil) {
        self.taskOutputArtifact = taskOutputArtifact
        self.componentInputArtifact = componentInputArtifact
    }
}

/// `TaskOutputArtifactSpec`.
public struct TaskOutputArtifactReference: Codable, Sendable, Hashable {
    public var producerTask: String
    public var outputArtifactKey: String

    public init(producerTask: String, outputArtifactKey: String) {
        self.producerTask = producerTask
        self.outputArtifactKey = outputArtifactKey
    }
}
