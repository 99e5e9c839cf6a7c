import KFP
import KFPSpec

extension GraphNaming {
    /// `group` and its children with the channels of their conditions and loops named.
    func renamingChannels(in group: GroupNode) -> GroupNode {
        var renamed = group
        renamed.conditions = group.conditions.map(named)
        if let argument = group.loop?.argument { renamed.loop?.argument = named(argument) }
        renamed.groups = group.groups.map(renamingChannels(in:))
        return renamed
    }

    /// `task` with the channels of its arguments and options named.
    func renamingChannels(in task: TaskNode) -> TaskNode {
        var renamed = task
        renamed.arguments = task.arguments.mapValues(named)
        renamed.optionTexts = task.optionTexts.mapValues(named)
        return renamed
    }

    private func named(_ condition: Condition) -> Condition {
        var renamed = Condition(condition.comparison, named(condition.left), named(condition.right))
        renamed.negated = condition.negated
        return renamed
    }

    private func named(_ operand: Condition.Operand) -> Condition.Operand {
        if case .channel(let channel) = operand.value { return .channel(named(channel)) }
        return operand
    }

    private func named(_ value: TaskArgument.Value) -> TaskArgument.Value {
        switch value {
        case .constant: return value
        case .channel(let channel): return .channel(named(channel))
        case .text(let text): return .text(named(text))
        case .list(let items): return .list(items.map(named))
        case .object(let entries):
            return .object(Dictionary(entries.map { (named($0.key), named($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private func named(_ text: ArgumentText) -> ArgumentText {
        ArgumentText(
            text.parts.map { part in
                if case .channel(let channel) = part { return .channel(named(channel)) }
                return part
            })
    }
}
