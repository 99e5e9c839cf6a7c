/// Finds tasks that wait for each other in a cycle (possible through
/// ``PipelineBuilder/addDependency(_:after:fileID:line:)``), reporting each cycle once at the
/// call site of its first task.
enum DependencyCycles {
    static func report(in state: DefinitionState) {
        var upstream: [String: [String]] = [:]
        for (name, task) in state.tasks {
            let producers = task.channelInputs.compactMap(\.taskName).filter { state.tasks[$0] != nil }
            upstream[name] = Array(Set(producers + task.after)).sorted()
        }
        var finished: Set<String> = []
        var onPath: [String] = []
        var reported: Set<Set<String>> = []

        func visit(_ name: String) {
            if finished.contains(name) { return }
            if let start = onPath.firstIndex(of: name) {
                let cycle = Array(onPath[start...])
                let members = Set(cycle)
                guard !reported.contains(members), let first = cycle.first, let task = state.tasks[first] else { return }
                reported.insert(members)
                let path = (cycle + [first]).map { "'\($0)'" }.joined(separator: " -> ")
                state.report(.cycle, "tasks depend on each other in a cycle: \(path)", at: task.callSite)
                return
            }
            onPath.append(name)
            for next in upstream[name] ?? [] { visit(next) }
            onPath.removeLast()
            finished.insert(name)
        }

        for name in state.taskOrder { visit(name) }
    }
}
