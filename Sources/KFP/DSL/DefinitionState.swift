public import KFPSpec

/// A group while its pipeline body runs; frozen into a ``GroupNode`` at the end.
final class GroupBox {
    var kind: GroupNode.Kind
    let id: GroupID
    /// The pipeline's name for the root; empty for other groups (the compiler names them).
    let name: String
    var displayName: String?
    var groups: [GroupBox] = []
    var taskNames: [String] = []
    var conditions: [Condition] = []
    /// For If and Elif: the negations of this and every earlier branch's condition, which the next
    /// Elif or Else starts from (KFP's `_negated_upstream_conditions`).
    var negatedUpstream: [Condition] = []
    var loop: GroupNode.Loop?
    var exitTaskName: String?
    var isElse = false
    /// The OneOf counter of a condition-branches group (KFP's `get_oneof_id`).
    var oneOfCount = 0

    init(kind: GroupNode.Kind, id: GroupID, name: String = "", displayName: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.displayName = displayName
    }

    func freeze() -> GroupNode {
        GroupNode(
            kind: kind, id: id, name: name, displayName: displayName, groups: groups.map { $0.freeze() }, taskNames: taskNames,
            conditions: conditions, loop: loop, exitTaskName: exitTaskName, isElse: isElse)
    }
}

/// Everything a pipeline body records, shared by the builders of its nested closures.
final class DefinitionState {
    let root: GroupBox
    private var lastGroupID = GroupID.root
    var tasks: [String: TaskNode] = [:]
    /// Task names handed out (`x`, `x-2`, ...).
    var taskNames = UniqueNames()
    var taskOrder: [String] = []
    var inputs: [PipelineInput] = []
    var outputs: [(name: String, channel: Channel)] = []
    /// Descriptions of pipeline outputs, by output name.
    var outputDescriptions: [String: String] = [:]
    var diagnostics: [DefinitionError.Diagnostic] = []
    /// Every channel handed out, by pattern, so interpolated strings can be resolved.
    var patterns: [String: Channel] = [:]
    /// The group each task was created in.
    var groupOfTask: [String: GroupBox] = [:]

    init(pipelineName: String) {
        root = GroupBox(kind: .pipeline, id: .root, name: pipelineName)
    }

    /// The identity of the next group the body opens.
    func nextGroupID() -> GroupID {
        lastGroupID = GroupID(lastGroupID.rawValue + 1)
        return lastGroupID
    }

    /// Records a diagnostic.
    func report(_ kind: DefinitionError.Kind, _ message: String, at callSite: CallSite) {
        diagnostics.append(DefinitionError.Diagnostic(kind, message, at: callSite))
    }

    /// Makes `channel` resolvable from its pattern and returns it as a handle.
    @discardableResult
    func register(_ channel: Channel) -> Ref {
        patterns[channel.pattern] = channel
        return Ref(channel)
    }

    /// The channel a pattern stands for: a registered one, or a field of a registered loop item.
    func channel(forPattern pattern: String) -> Channel? {
        if let channel = patterns[pattern] { return channel }
        guard let field = ChannelPatterns.loopField(pattern) else { return nil }
        for candidate in patterns.values {
            guard case .loopArgument(let loop, _) = candidate.origin, loop.description == field.loop else { continue }
            let channel = Ref(candidate)[field.key].channel
            patterns[channel.pattern] = channel
            return channel
        }
        return nil
    }
}
