public import KFPSpec

/// The definition a ``Pipeline`` body records, read by the compiler: inputs, the tree of groups
/// and tasks, and outputs. Mirrors the Python SDK's `Pipeline` object after the pipeline function
/// ran (`pipeline.tasks`, `pipeline.groups[0]`, the returned outputs).
package struct PipelineGraph: Sendable {
    /// The pipeline's inputs, in declaration order.
    package var inputs: [PipelineInput]
    /// The root group (`pipeline`), holding every other group and task.
    package var root: GroupNode
    /// Every task by name, including exit tasks.
    package var tasks: [String: TaskNode]
    /// Task names in creation order (KFP's `pipeline.tasks` order).
    package var taskOrder: [String]
    /// The pipeline outputs in declaration order.
    package var outputs: [(name: String, channel: Channel)]
}

/// A declared pipeline input: a parameter (with an optional default) or an artifact.
package struct PipelineInput: Sendable {
    package var name: String
    package var kind: Channel.Kind
    package var defaultValue: JSONValue?
    package var isOptional: Bool
    package var description: String?
}

/// A group of tasks: the pipeline itself, a condition branch, the branches of an If/Elif/Else, a
/// loop, or an exit handler's body (KFP's `TasksGroup`).
package struct GroupNode: Sendable {
    package enum Kind: String, Sendable {
        case pipeline
        case condition
        case conditionBranches = "condition-branches"
        case forLoop = "for-loop"
        case exitHandler = "exit-handler"
    }

    /// A loop's items and parallelism.
    package struct Loop: Sendable {
        /// The loop item channel (its origin holds the items).
        package var argument: Channel
        /// `iteratorPolicy.parallelismLimit`; 0 means unlimited.
        package var parallelism: Int
    }

    package var kind: Kind
    /// The group's identity: the order the pipeline body opened it in.
    package var id: GroupID
    /// The pipeline's name for the root. Other groups have no name in the DSL's graph: the compiler
    /// names them (`condition-N`, `for-loop-N`, ...) before it reads the graph.
    package var name: String
    /// The user's name for the group (`taskInfo.name`), if given.
    package var displayName: String?
    /// Child groups in creation order.
    package var groups: [GroupNode]
    /// Names of the tasks directly in this group, in creation order.
    package var taskNames: [String]
    /// A condition group's conditions, joined with `&&`.
    package var conditions: [Condition]
    /// A loop group's loop.
    package var loop: Loop?
    /// An exit handler's exit task.
    package var exitTaskName: String?
    /// `true` for the Else branch of an If/Elif/Else.
    package var isElse: Bool
}

/// Which group of a pipeline a group is: the order the pipeline body opened it in (the root is 0).
///
/// The DSL records groups and the values they give (loop items, OneOfs) by this identity only; the
/// compiler gives them their IR names (`condition-N`, `for-loop-N`, `condition-branches-N`,
/// `exit-handler-N`, `loop-item-param-N`) in the order the Python SDK hands them out.
package struct GroupID: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let rawValue: Int

    package init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The root group: the pipeline body itself.
    package static let root = GroupID(0)

    package static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }

    package var description: String { String(rawValue) }
}

/// One task as defined: its component, arguments, explicit upstream tasks and options.
package struct TaskNode: Sendable {
    package var name: String
    package var component: TaskComponent
    /// Arguments by input name.
    package var arguments: [String: TaskArgument.Value]
    /// Tasks named with `after:`, in order.
    package var after: [String]
    package var options: TaskOptions
    /// The options that are set and may hold a run-time value, with those values as channels.
    package var optionTexts: [TaskOptions.Field: ArgumentText]
    /// `true` for an exit handler's exit task.
    package var isExitTask: Bool
    /// The DSL call that made the task.
    package var callSite: CallSite

    /// Every channel the task reads: arguments passed as channels, then channels interpolated into
    /// text, lists and dicts (KFP's `channel_inputs`).
    package var channelInputs: [Channel] {
        var direct: [Channel] = []
        var embedded: [Channel] = []
        for name in arguments.keys.sorted() {
            switch arguments[name] {
            case .channel(let channel)?: direct.append(channel)
            case let value?: embedded += value.channels
            case nil: break
            }
        }
        return direct + embedded
    }
}

/// What a task runs.
package enum TaskComponent: Sendable {
    /// A component (container, Python function, loaded YAML, or a compiled pipeline).
    case component(Component)
    /// A pipeline defined with the DSL, compiled together with its parent.
    case pipeline(Pipeline)
    /// An importer of an artifact type (`dsl.importer`).
    case importer(Importer)

    /// The inputs the task may set.
    package var inputDefinitions: ComponentInputs? {
        switch self {
        case .component(let component): return component.inputDefinitions
        case .pipeline(let pipeline): return pipeline.interface.inputDefinitions
        case .importer: return ComponentInputs(parameters: ["uri": InputParameterDefinition(parameterType: .string)])
        }
    }

    /// The outputs the task produces.
    package var outputDefinitions: ComponentOutputs? {
        switch self {
        case .component(let component): return component.outputDefinitions
        case .pipeline(let pipeline): return pipeline.interface.outputDefinitions
        case .importer(let importer):
            return ComponentOutputs(artifacts: ["artifact": OutputArtifactDefinition(artifactType: importer.artifactType)])
        }
    }

    /// The component's name, before Kubernetes-safe renaming.
    package var name: String {
        switch self {
        case .component(let component): return component.name
        case .pipeline(let pipeline): return pipeline.name
        case .importer: return "importer"
        }
    }
}

/// An importer task's settings (`dsl.importer`).
package struct Importer: Sendable {
    package var artifactType: ArtifactTypeSchema
    package var reimport: Bool
    package var metadata: [String: JSONValue]?
}
