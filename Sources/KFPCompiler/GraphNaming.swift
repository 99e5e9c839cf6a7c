import KFP
import KFPSpec

/// Names the groups of a DSL graph and the values only the compiler names, in one pass over the
/// graph, in the order the Python SDK hands the names out (`get_next_group_id`).
///
/// The DSL records groups by identity and loop items, their fields and OneOfs by where they come
/// from; this gives them their KFP names, so the rest of the compiler reads a graph named as the
/// Python SDK's `Pipeline` object is:
/// - groups are numbered parent first, in the order they were opened: `condition-N`, `for-loop-N`,
///   `condition-branches-N`, `exit-handler-N`;
/// - a loop over a literal list takes a number for its item (`loop-item-param-N`) before its own;
/// - a condition-branches group takes the number its If was opened with, and the If the number
///   after the If's own groups (KFP creates the wrapper when the first Elif or Else opens, then the
///   two swap names);
/// - a loop item over a channel is `<items>-loop-item`, a field of a loop item
///   `<item>-subvar-<key>`, a OneOf `pipelinechannel--<condition-branches-N>-oneof-K`, surfaced
///   by its condition-branches group.
struct GraphNaming {
    /// Group names by identity.
    private(set) var groupNames: [GroupID: String] = [:]
    /// The number of the item of each loop over a literal list.
    private(set) var loopItemNumbers: [GroupID: Int] = [:]
    private var lastNumber = 0

    /// `graph` with every group and channel named.
    static func named(_ graph: PipelineGraph) -> PipelineGraph {
        var naming = GraphNaming()
        var root = graph.root
        naming.numberChildren(of: &root)
        var named = graph
        named.root = naming.renamingChannels(in: root)
        named.tasks = graph.tasks.mapValues(naming.renamingChannels(in:))
        named.outputs = graph.outputs.map { (name: $0.name, channel: naming.named($0.channel)) }
        return named
    }

    private mutating func numberChildren(of group: inout GroupNode) {
        for index in group.groups.indices {
            let isWrappedIf = group.kind == .conditionBranches && index == 0
            if !isWrappedIf { number(&group.groups[index]) }
            numberChildren(of: &group.groups[index])
            if isWrappedIf { number(&group.groups[index]) }
        }
    }

    private mutating func number(_ group: inout GroupNode) {
        if case .loopArgument(_, .raw)? = group.loop?.argument.origin {
            lastNumber += 1
            loopItemNumbers[group.id] = lastNumber
        }
        lastNumber += 1
        group.name = "\(group.kind.rawValue)-\(lastNumber)"
        groupNames[group.id] = group.name
    }

    /// `channel` with its KFP name, and the channels it comes from named too.
    func named(_ channel: Channel) -> Channel {
        var named = channel
        switch channel.origin {
        case .plain, .taskFinalStatus, .invalid:
            break
        case .loopArgument(let loop, .raw):
            named.name = "loop-item-param-\(loopItemNumbers[loop] ?? 0)"
        case .loopArgument(let loop, .channel(let items)):
            let items = self.named(items)
            named.name = "\(items.name)-loop-item"
            named.origin = .loopArgument(loopGroup: loop, items: .channel(items))
        case .loopVariable(let argument, let key):
            let argument = self.named(argument)
            named.name = "\(argument.name)-subvar-\(key)"
            named.origin = .loopVariable(argument: argument, key: key)
        case .collected(let output):
            named.origin = .collected(output: self.named(output))
        case .oneOf(let branches, let index, let channels):
            let group = groupNames[branches] ?? ""
            named.name = IRNames.injectedInput("\(group)-oneof-\(index)")
            named.taskName = group
            named.origin = .oneOf(branches: branches, index: index, channels: channels.map(self.named))
        }
        return named
    }
}
