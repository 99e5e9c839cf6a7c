import KFP
import KFPSpec

/// The channels each group and task needs from outside itself (KFP's `get_inputs_for_all_groups`):
/// the compiler "punches holes" through condition, loop and exit-handler groups for them.
struct GroupInputs {
    /// Group or task name → the channels it needs, each with the sibling that produces it (`nil`
    /// when it comes from the parent's inputs), in first-use order, one entry per channel.
    private(set) var inputs: [String: [(channel: Channel, producer: String?)]] = [:]

    init(graph: PipelineGraph, topology: Topology, channelsOf: (TaskNode) -> [Channel]) {
        for name in graph.taskOrder {
            guard let task = graph.tasks[name] else { continue }
            let conditionChannels = topology.conditionChannels[name] ?? []
            for channel in channelsOf(task) + conditionChannels {
                add(channel, for: task, topology: topology)
            }
        }
    }

    /// The channels `name` needs.
    func channels(of name: String) -> [(channel: Channel, producer: String?)] { inputs[name] ?? [] }

    private mutating func insert(_ channel: Channel, producer: String?, into name: String) {
        var list = inputs[name] ?? []
        if !list.contains(where: { ChannelIdentity($0.channel) == ChannelIdentity(channel) && $0.producer == producer }) {
            list.append((channel, producer))
        }
        inputs[name] = list
    }

    /// The chain KFP walks for a loop value: the value, its loop argument, what that iterates, ...
    private static func chain(of channel: Channel) -> [Channel] {
        var chain: [Channel] = []
        var current: Channel? = channel
        while let value = current {
            switch value.origin {
            case .loopVariable(let argument, _):
                chain.append(value)
                current = argument
            case .loopArgument(_, let items):
                chain.append(value)
                if case .channel(let source) = items { current = source } else { current = nil }
            default:
                chain.append(value)
                current = nil
            }
        }
        return chain
    }

    private mutating func add(_ channel: Channel, for task: TaskNode, topology: Topology) {
        if channel.origin == .taskFinalStatus { return }
        var toAdd = Self.chain(of: channel)
        if let producer = channel.taskName, !producer.isEmpty, topology.path(of: producer) != nil {
            guard let (upstream, downstream) = topology.uncommonAncestors(producer, task.name) else { return }
            for (index, groupName) in downstream.enumerated() {
                guard let last = toAdd.last else { break }
                insert(last, producer: index == 0 ? upstream.first : nil, into: groupName)
                if let loop = topology.loopGroup(groupName), let argument = loop.loop?.argument,
                    argument.fullName.contains(last.fullName)
                {
                    toAdd.removeLast()
                    if toAdd.isEmpty { break }
                }
            }
            return
        }
        if task.isExitTask { return }
        guard let path = topology.taskPath[task.name] else { return }
        if channel.isWithItemsLoopArgument {
            for groupName in path.reversed() {
                guard let first = toAdd.first else { break }
                insert(first, producer: nil, into: groupName)
                if let loop = topology.loopGroup(groupName), let argument = loop.loop?.argument,
                    argument.fullName.contains(first.fullName)
                {
                    toAdd.removeFirst()
                    if toAdd.isEmpty { break }
                }
            }
        } else {
            for groupName in path {
                guard let last = toAdd.last else { break }
                insert(last, producer: nil, into: groupName)
                if let loop = topology.loopGroup(groupName), let argument = loop.loop?.argument,
                    argument.fullName.contains(last.fullName)
                {
                    toAdd.removeLast()
                    if toAdd.isEmpty { break }
                }
            }
        }
    }
}
