public import KFPSpec

/// A group while its pipeline body runs; frozen into a ``GroupNode`` at the end.
final class GroupBox {
    var kind: GroupNode.Kind
    var name: String
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

    init(kind: GroupNode.Kind, name: String, displayName: String? = nil) {
        self.kind = kind
        self.name = name
        self.displayName = displayName
    }

    func freeze() -> GroupNode {
        GroupNode(
            kind: kind, name: name, displayName: displayName, groups: groups.map { $0.freeze() }, taskNames: taskNames,
            conditions: conditions, loop: loop, exitTaskName: exitTaskName, isElse: isElse)
    }
}

/// Everything a pipeline body records, shared by the builders of its nested closures.
final class DefinitionState {
    let root: GroupBox
    private var groupCount = 0
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
        root = GroupBox(kind: .pipeline, name: pipelineName)
    }

    /// `<kind>-<N>` with the pipeline's next group number (KFP's `get_next_group_id`).
    func nextGroupName(_ kind: GroupNode.Kind) -> String {
        groupCount += 1
        return "\(kind.rawValue)-\(groupCount)"
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
            guard case .loopArgument = candidate.origin, candidate.name == field.name,
                (candidate.taskName ?? "") == field.taskName
            else { continue }
            let channel = Ref(candidate)[field.key].channel
            patterns[channel.pattern] = channel
            return channel
        }
        return nil
    }
}
