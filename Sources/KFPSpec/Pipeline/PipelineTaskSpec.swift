/// `PipelineTaskSpec`: one task of a DAG.
public struct PipelineTaskSpec: Codable, Sendable, Hashable {
    /// `taskInfo`: the display name; the DAG's map key is the task's real name.
    public var taskInfo: TaskInfo?
    /// `inputs`: where each input parameter and artifact comes from.
    public var inputs: TaskInputs?
    /// `dependentTasks`: upstream tasks in the same DAG (data and explicit `.after` dependencies).
    public var dependentTasks: [String]?
    /// `cachingOptions`; `{}` means caching off.
    public var cachingOptions: CachingOptions?
    /// `componentRef`: the component this task runs.
    public var componentRef: ComponentRef
    /// `triggerPolicy`: a CEL condition and the upstream strategy.
    public var triggerPolicy: TriggerPolicy?
    /// `artifactIterator`: loop over a list of artifacts.
    public var artifactIterator: ArtifactIterator?
    /// `parameterIterator`: loop over a list parameter or raw JSON list.
    public var parameterIterator: ParameterIterator?
    /// `retryPolicy`: retry count and backoff.
    public var retryPolicy: RetryPolicy?
    /// `iteratorPolicy`: `parallelismLimit` of a loop (0 or absent: unlimited).
    public var iteratorPolicy: IteratorPolicy?

    public init(componentRef: ComponentRef, taskInfo: TaskInfo? = nil, inputs: TaskInputs? = nil) {
        self.componentRef = componentRef
        self.taskInfo = taskInfo
        self.inputs = inputs
    }
}

/// `PipelineTaskInfo`.
public struct TaskInfo: Codable, Sendable, Hashable {
    public var name: String?

    public init(name: String) {
        self.name = name
    }
}

/// `ComponentRef`: the name of a component in `components`.
public struct ComponentRef: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

/// `PipelineTaskSpec.CachingOptions`.
public struct CachingOptions: Codable, Sendable, Hashable {
    public var enableCache: Bool?
    /// `cacheKey`: a user-given key that replaces the computed fingerprint.
    public var cacheKey: String?

    public init(enableCache: Bool? = nil, cacheKey: String? = nil) {
        self.enableCache = enableCache
        self.cacheKey = cacheKey
    }
}

/// `PipelineTaskSpec.TriggerPolicy`: a CEL `condition` ANDed with the upstream `strategy`.
public struct TriggerPolicy: Codable, Sendable, Hashable {
    public var condition: String?
    public var strategy: TriggerStrategy?

    public init(condition: String? = nil, strategy: TriggerStrategy? = nil) {
        self.condition = condition
        self.strategy = strategy
    }
}

/// `ParameterIteratorSpec`: iterations over `items`, each receiving its item under `itemInput`.
public struct ParameterIterator: Codable, Sendable, Hashable {
    public var items: ParameterIteratorItems
    public var itemInput: String

    public init(items: ParameterIteratorItems, itemInput: String) {
        self.items = items
        self.itemInput = itemInput
    }
}

/// `ParameterIteratorSpec.ItemsSpec`: a raw JSON list (`raw`) or an input parameter (`inputParameter`).
public struct ParameterIteratorItems: Codable, Sendable, Hashable {
    public var raw: String?
    public var inputParameter: String?

    public init(raw: String? = nil, inputParameter: String? = nil) {
        self.raw = raw
        self.inputParameter = inputParameter
    }
}

/// `ArtifactIteratorSpec`: iterations over an input artifact list.
public struct ArtifactIterator: Codable, Sendable, Hashable {
    public var items: ArtifactIteratorItems
    public var itemInput: String

    public init(items: ArtifactIteratorItems, itemInput: String) {
        self.items = items
        self.itemInput = itemInput
    }
}

/// `ArtifactIteratorSpec.ItemsSpec`.
public struct ArtifactIteratorItems: Codable, Sendable, Hashable {
    public var inputArtifact: String?

    public init(inputArtifact: String? = nil) {
        self.inputArtifact = inputArtifact
    }
}

/// `PipelineTaskSpec.RetryPolicy`. Durations are protobuf Duration strings (`"30s"`, `"0.5s"`).
public struct RetryPolicy: Codable, Sendable, Hashable {
    public var maxRetryCount: Int?
    public var backoffDuration: String?
    public var backoffFactor: Double?
    public var backoffMaxDuration: String?

    public init(maxRetryCount: Int? = nil, backoffDuration: String? = nil, backoffFactor: Double? = nil, backoffMaxDuration: String? = nil) {
        self.maxRetryCount = maxRetryCount
        self.backoffDuration = backoffDuration
        self.backoffFactor = backoffFactor
        self.backoffMaxDuration = backoffMaxDuration
    }
}

/// `PipelineTaskSpec.IteratorPolicy`.
public struct IteratorPolicy: Codable, Sendable, Hashable {
    public var parallelismLimit: Int?

    public init(parallelismLimit: Int?) {
        self.parallelismLimit = parallelismLimit
    }
}

extension PipelineTaskSpec {
    /// The sibling tasks this task waits for: `dependentTasks` plus every producer its inputs name
    /// (`taskOutputParameter`, `taskOutputArtifact`, `taskFinalStatus`).
    public var upstreamTaskNames: Set<String> {
        var names = Set(dependentTasks ?? [])
        for input in (inputs?.parameters ?? [:]).values {
            if let producer = input.taskOutputParameter?.producerTask { names.insert(producer) }
            if let producer = input.taskFinalStatus?.producerTask { names.insert(producer) }
        }
        for input in (inputs?.artifacts ?? [:]).values {
            if let producer = input.taskOutputArtifact?.producerTask { names.insert(producer) }
        }
        return names
    }
}
