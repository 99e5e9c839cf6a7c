public import KFPSpec

/// A value that flows between tasks at run time: KFP's `PipelineChannel`.
///
/// A channel is a pipeline input, a task output, a loop item (or one field of it), a fan-in of a
/// loop task's output (`Collected`), the one-of of branch outputs (`OneOf`), or an exit task's
/// final status. The DSL records the names users give (pipeline inputs, task outputs) and, for the
/// rest, where the value comes from: the compiler names loop items, their fields and OneOfs as KFP
/// does before it derives IR names from them (see `IRNames` in the compiler).
package struct Channel: Sendable, Hashable {
    /// A parameter of an IR type, or an artifact of a schema (a list of artifacts when `isList`).
    package enum Kind: Sendable, Hashable {
        case parameter(ParameterType)
        case artifact(ArtifactTypeSchema, isList: Bool)
    }

    /// What a loop iterates over.
    package enum LoopItems: Sendable, Hashable {
        /// A literal list (`parameterIterator.items.raw`).
        case raw([JSONValue])
        /// A pipeline input, a task output or a loop item field.
        case channel(Channel)
    }

    /// Where the channel comes from.
    package indirect enum Origin: Sendable, Hashable {
        /// A pipeline input (no task) or a task output.
        case plain
        /// The item of the loop group `loopGroup` (KFP's `LoopParameterArgument` and
        /// `LoopArtifactArgument`).
        case loopArgument(loopGroup: GroupID, items: LoopItems)
        /// One field of a loop item (`LoopArgumentVariable`).
        case loopVariable(argument: Channel, key: String)
        /// The list of a loop task's output over all iterations (`dsl.Collected`).
        case collected(output: Channel)
        /// The output of whichever branch ran (`dsl.OneOf`): the `index`-th OneOf (from 1) of the
        /// condition-branches group `branches`, over one channel per branch.
        case oneOf(branches: GroupID, index: Int, channels: [Channel])
        /// The final status of the exit handler's body (`PipelineTaskFinalStatus`).
        case taskFinalStatus
        /// A handle that cannot be used; `message` says why (for example `.output` on a task with
        /// two outputs). Using it records a definition error.
        case invalid(message: String)
    }

    /// KFP's channel name: the output or input name. Empty for loop items, their fields and OneOfs
    /// until the compiler names them (`loop-item-param-N`, `<items>-loop-item`, `<item>-subvar-<key>`,
    /// `pipelinechannel--condition-branches-N-oneof-K`).
    package var name: String
    /// The producing task (or, once the compiler named it, the group that surfaces a OneOf), `nil`
    /// for pipeline inputs and raw loop items.
    package var taskName: String?
    /// Parameter or artifact, and its type.
    package var kind: Kind
    /// Where it comes from.
    package var origin: Origin

    package init(name: String, taskName: String?, kind: Kind, origin: Origin = .plain) {
        self.name = name
        self.taskName = taskName
        self.kind = kind
        self.origin = origin
    }

    /// `<task>-<name>` for a task output, else `name` (KFP's `full_name`).
    package var fullName: String {
        if let taskName, !taskName.isEmpty { return "\(taskName)-\(name)" }
        return name
    }

    /// The text that stands for this channel inside string arguments until the compiler replaces
    /// it, like KFP's `{{channel:task=...;name=...;type=...;}}`.
    /// Values the compiler names stand in by what they are: a loop item by its loop group
    /// (`loop=G;`), a loop item's field by its loop group and key (`loop=G;field=KEY;`), a OneOf by
    /// its condition-branches group and index (`oneof=G-K;`).
    package var pattern: String {
        let task = "{{channel:task=\(taskName ?? "");"
        switch origin {
        case .loopArgument(let loop, _): return task + "loop=\(loop);type=\(typeText);}}"
        case .loopVariable(let argument, let key):
            guard case .loopArgument(let loop, _) = argument.origin else { break }
            return task + "loop=\(loop);field=\(key);type=\(typeText);}}"
        case .oneOf(let branches, let index, _): return task + "oneof=\(branches)-\(index);type=\(typeText);}}"
        default: break
        }
        return task + "name=\(name);type=\(typeText);}}"
    }

    /// How messages name the channel: its name quoted (`fullName` when `full`), or what it is while
    /// only the compiler can name it (`the loop item`, `field 'k' of the loop item`, `the OneOf`).
    package func label(full: Bool = false) -> String {
        switch origin {
        case .loopArgument where name.isEmpty: return "the loop item"
        case .loopVariable(_, let key) where name.isEmpty: return "field '\(key)' of the loop item"
        case .oneOf where name.isEmpty: return "the OneOf"
        default: return "'\(full ? fullName : name)'"
        }
    }

    private var typeText: String {
        switch kind {
        case .parameter(let type): return type.rawValue
        case .artifact(let schema, let isList):
            return "\(schema.schemaTitle ?? "")@\(schema.schemaVersion ?? "")\(isList ? "[]" : "")"
        }
    }

    /// The parameter type, or `nil` for artifacts.
    package var parameterType: ParameterType? {
        if case .parameter(let type) = kind { return type }
        return nil
    }

    /// `true` for artifacts and artifact lists.
    package var isArtifact: Bool {
        if case .artifact = kind { return true }
        return false
    }

    /// The loop argument this channel is, or the one whose field it is.
    package var loopArgument: Channel? {
        switch origin {
        case .loopArgument: return self
        case .loopVariable(let argument, _): return argument
        default: return nil
        }
    }

    /// `true` for loop arguments and fields of loop arguments over a literal list.
    package var isWithItemsLoopArgument: Bool {
        if case .loopArgument(_, .raw)? = loopArgument?.origin { return true }
        return false
    }
}
