import KFP
import KFPSpec

/// Which sibling each task or group waits for (KFP's `get_dependencies`): a dependency between
/// two tasks becomes one between their first uncommon ancestors. Also reports the references KFP
/// forbids across condition, exit-handler and loop boundaries.
struct TaskDependencies {
    /// Task or group name → names of the siblings it depends on.
    private(set) var dependencies: [String: Set<String>] = [:]
    private(set) var diagnostics: [DefinitionError.Diagnostic] = []

    init(graph: PipelineGraph, topology: Topology, channelsOf: (TaskNode) -> [Channel]) {
        for name in graph.taskOrder {
            guard let task = graph.tasks[name], !task.isExitTask else { continue }
            let channels = channelsOf(task) + (topology.conditionChannels[name] ?? [])
            var upstreamNames = Set(channels.compactMap { channel -> String? in
                guard let producer = channel.taskName, !producer.isEmpty, topology.path(of: producer) != nil else { return nil }
                return producer
            })
            let dataProducers = Set(channelsOf(task).compactMap(\.taskName))
            upstreamNames.formUnion(task.after)
            for upstream in upstreamNames.sorted() {
                guard let (up, down) = topology.uncommonAncestors(upstream, name), let first = up.first,
                    let downFirst = down.first
                else { continue }
                let groups = up.filter { $0 != upstream }
                if let outer = groups.first, let group = topology.groupsByName[outer] {
                    switch group.kind {
                    case .condition, .exitHandler:
                        let kind = group.kind == .condition ? "condition branch" : "exit handler"
                        diagnostics.append(
                            DefinitionError.Diagnostic(
                                .topology,
                                "task '\(name)' depends on task '\(upstream)' inside \(kind) '\(outer)'; a task outside '\(outer)' cannot use its outputs or run after it (return the value from the branches to use a OneOf)",
                                at: task.callSite))
                        continue
                    case .forLoop where dataProducers.contains(upstream):
                        diagnostics.append(
                            DefinitionError.Diagnostic(
                                .topology,
                                "task '\(name)' uses an output of task '\(upstream)' inside loop '\(outer)'; outside the loop use the list the loop returns (Collected)",
                                at: task.callSite))
                        continue
                    default: break
                    }
                }
                dependencies[downFirst, default: []].insert(first)
            }
        }
    }
}
