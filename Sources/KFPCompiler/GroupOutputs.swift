import KFP
import KFPSpec

/// The outputs each group surfaces to its parent for `Collected` fan-ins and `OneOf`s, and the
/// rewritten channels consumers and pipeline outputs then read (KFP's `get_outputs_for_all_groups`).
struct GroupOutputs {
    /// Group name → surfaced output name → the channel inside the group that feeds it.
    var outputs: [String: [String: Channel]] = [:]
    /// A `Collected` channel → the channel its consumer reads after surfacing.
    var collectedRewrites: [Channel: Channel] = [:]
    /// The pipeline outputs after surfacing.
    var pipelineOutputs: [(name: String, channel: Channel)] = []
    var diagnostics: [DefinitionError.Diagnostic] = []

    init(graph: PipelineGraph, topology: Topology) {
        var processedOneOfs: Set<Channel> = []
        for name in graph.taskOrder {
            guard let task = graph.tasks[name], !task.isExitTask else { continue }
            for channel in task.channelInputs {
                switch channel.origin {
                case .collected(let output):
                    surfaceCollected(channel, output: output, consumer: task, topology: topology)
                case .oneOf(_, _, let inner) where !processedOneOfs.contains(channel):
                    surfaceOneOf(channel, inner: inner, topology: topology)
                    processedOneOfs.insert(channel)
                default: break
                }
            }
        }
        for output in graph.outputs {
            var channel = output.channel
            switch channel.origin {
            case .collected(let produced):
                channel = surfaceReturnedCollected(channel, output: produced, topology: topology)
            case .oneOf(_, _, let inner) where !processedOneOfs.contains(channel):
                surfaceOneOf(channel, inner: inner, topology: topology)
            default: break
            }
            // The root reads a OneOf from its condition-branches group as a single output
            // (`connect_single_dag_output`); only that group's own DAG selects among the branches.
            if case .oneOf = channel.origin { channel.origin = .plain }
            pipelineOutputs.append((output.name, channel))
        }
    }

    private mutating func surfaceCollected(_ collected: Channel, output: Channel, consumer: TaskNode, topology: Topology) {
        guard collectedRewrites[collected] == nil, let producer = output.taskName,
            let (upstreamPath, downstream) = topology.uncommonAncestors(producer, consumer.name)
        else { return }
        var upstream = upstreamPath
        let groups = upstream.dropLast()
        if !groups.contains(where: { topology.groupsByName[$0]?.kind == .forLoop }) {
            diagnostics.append(
                DefinitionError.Diagnostic(
                    .topology,
                    "Collected fans in outputs of a task inside a loop to a task outside it; task '\(producer)' is not in a loop that excludes task '\(consumer.name)'",
                    at: consumer.callSite))
            return
        }
        if let outermost = upstream.first, let kind = topology.groupsByName[outermost]?.kind, kind == .condition || kind == .exitHandler {
            diagnostics.append(
                DefinitionError.Diagnostic(
                    .topology,
                    "task '\(consumer.name)' collects outputs of task '\(producer)' from a loop inside '\(outermost)'; the consumer must be inside '\(outermost)' too",
                    at: consumer.callSite))
            return
        }
        let surfaced = IRNames.injectedInput(output.fullName)
        let parentConsumer = downstream.first ?? consumer.name
        var producerName = upstream.removeLast()
        var current = collected
        for upstreamName in upstream.reversed() {
            outputs[upstreamName, default: [:]][surfaced] = Self.listChannel(name: current.name, like: output, task: producerName)
            current.name = surfaced
            current.taskName = upstreamName
            producerName = upstreamName
            guard let path = topology.groupPath[upstreamName], path.count >= 2,
                let parent = topology.groupsByName[path[path.count - 2]]
            else { break }
            if parent.groups.contains(where: { $0.name == parentConsumer }) || parent.taskNames.contains(parentConsumer) { break }
        }
        collectedRewrites[collected] = current
    }

    private mutating func surfaceReturnedCollected(_ collected: Channel, output: Channel, topology: Topology) -> Channel {
        guard let producer = output.taskName, let path = topology.taskPath[producer] else { return collected }
        var upstream = Array(path.dropFirst())
        let surfaced = IRNames.injectedInput(output.fullName)
        var producerName = upstream.removeLast()
        var current = collected
        var last = producerName
        for upstreamName in upstream.reversed() {
            outputs[upstreamName, default: [:]][surfaced] = Self.listChannel(name: current.name, like: output, task: producerName)
            current.name = surfaced
            current.taskName = upstreamName
            producerName = upstreamName
            last = upstreamName
        }
        return Self.listChannel(name: surfaced, like: output, task: last)
    }

    /// Surfaces each branch's value to the condition-branches group that selects among them (the
    /// OneOf's `taskName`, once named).
    private mutating func surfaceOneOf(_ oneOf: Channel, inner: [Channel], topology: Topology) {
        let branches = oneOf.taskName ?? ""
        var rewritten: [Channel] = []
        for channel in inner {
            var current = channel
            guard let producer = channel.taskName, let path = topology.taskPath[producer] else { continue }
            let surfaced = IRNames.injectedInput(channel.fullName)
            for upstreamName in path.dropFirst().reversed() {
                if upstreamName == producer { continue }
                if upstreamName == branches {
                    break
                }
                outputs[upstreamName, default: [:]][surfaced] = current
                current.name = surfaced
                current.taskName = upstreamName
            }
            rewritten.append(current)
        }
        var surfacedOneOf = oneOf
        if case .oneOf(let group, let index, _) = oneOf.origin {
            surfacedOneOf.origin = .oneOf(branches: group, index: index, channels: rewritten)
        }
        outputs[branches, default: [:]][oneOf.name] = surfacedOneOf
    }

    /// A list-typed channel for a `Collected` output: a `LIST` parameter or a list of artifacts.
    static func listChannel(name: String, like output: Channel, task: String) -> Channel {
        switch output.kind {
        case .parameter: return Channel(name: name, taskName: task, kind: .parameter(.list))
        case .artifact(let schema, _): return Channel(name: name, taskName: task, kind: .artifact(schema, isList: true))
        }
    }
}
