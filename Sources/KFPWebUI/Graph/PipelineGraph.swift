import KFPSpec

/// The DAG of one layer of a pipeline spec as the graph view shows it: one node per task and one
/// edge per dependency between two tasks of that DAG.
///
/// ```swift
/// let graph = try PipelineGraph(spec: spec, layerPath: "for-loop-2/0")
/// let layout = GraphLayout(graph)
/// ```
package struct PipelineGraph: Sendable, Hashable {
    /// One node per task of the DAG (`dag.tasks`), in topological order; ties (and, in an invalid
    /// spec, cycles) are broken by task name.
    package let nodes: [GraphNode]
    /// The dependencies between tasks of the DAG (`dependentTasks` plus the producers the task's
    /// inputs name), sorted by `from`, then `to`. Edges to tasks outside the DAG and self-edges are left out.
    package let edges: [GraphEdge]

    /// A graph from nodes and edges as given (neither sorted nor checked). ``GraphLayout`` ignores
    /// edges that name unknown nodes.
    package init(nodes: [GraphNode], edges: [GraphEdge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The graph of the DAG at `layerPath` in `spec`.
    ///
    /// - Parameter layerPath: `""` for the root DAG (`root.dag`); otherwise task names from the root
    ///   separated by `/` (`condition-1/for-loop-3`). An all-digit segment right after a ParallelFor
    ///   task is an iteration index and selects the loop's body (`for-loop-2/0/condition-3`), so the
    ///   runner's task paths can be passed as they are.
    /// - Throws: ``GraphPathError`` when the spec has no root DAG, a segment is empty, names no task
    ///   of the DAG it is looked up in, or names a task whose component is missing or not a DAG.
    package init(spec: PipelineSpec, layerPath: String) throws(GraphPathError) {
        let dag = try Self.dag(at: layerPath, in: spec)
        let tasks = dag.tasks ?? [:]
        let names = tasks.keys.sorted()
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        var edges: [GraphEdge] = []
        var links: [(from: Int, to: Int)] = []
        for (position, name) in names.enumerated() {
            guard let task = tasks[name] else { continue }
            for upstream in task.upstreamTaskNames.sorted() where upstream != name {
                guard let from = index[upstream] else { continue }
                edges.append(GraphEdge(from: upstream, to: name))
                links.append((from, position))
            }
        }
        self.edges = edges.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        var nodes: [GraphNode] = []
        for position in Self.topologicalOrder(count: names.count, edges: links) {
            let name = names[position]
            guard let task = tasks[name] else { continue }
            nodes.append(GraphNode(id: name, task: task, spec: spec))
        }
        self.nodes = nodes
    }

    /// The DAG that `layerPath` selects (see ``init(spec:layerPath:)``).
    static func dag(at layerPath: String, in spec: PipelineSpec) throws(GraphPathError) -> DagSpec {
        guard var dag = spec.root.dag else {
            throw GraphPathError(
                .noRootDAG, path: layerPath,
                message: "pipeline '\(spec.pipelineInfo.name)' has no root DAG (it is a single component)")
        }
        if layerPath.isEmpty { return dag }
        var walked: [String] = []
        var afterLoop = false
        for part in layerPath.split(separator: "/", omittingEmptySubsequences: false) {
            let segment = String(part)
            if afterLoop, !segment.isEmpty, segment.allSatisfy({ $0.isASCII && $0.isNumber }) {
                walked.append(segment)
                afterLoop = false
                continue
            }
            let place = walked.isEmpty ? "the root DAG" : "the DAG at '\(walked.joined(separator: "/"))'"
            guard !segment.isEmpty else {
                throw GraphPathError(
                    .emptySegment, path: layerPath,
                    message:
                        "empty task name after \(place) in path '\(layerPath)'; expected task names separated by '/'")
            }
            guard let task = dag.tasks?[segment] else {
                throw GraphPathError(
                    .noSuchTask, path: layerPath,
                    message: "no task '\(segment)' in \(place) (tasks: \(Self.list((dag.tasks ?? [:]).keys)))")
            }
            let componentName = task.componentRef.name
            guard let component = spec.component(named: componentName) else {
                throw GraphPathError(
                    .notADAG, path: layerPath,
                    message:
                        "task '\(segment)' in \(place) runs component '\(componentName)', which the spec does not define"
                )
            }
            guard let child = component.dag else {
                throw GraphPathError(
                    .notADAG, path: layerPath,
                    message: "task '\(segment)' in \(place) runs component '\(componentName)', which is not a DAG; "
                        + "only loops, conditions, sub-pipelines and exit-handler groups open")
            }
            dag = child
            walked.append(segment)
            afterLoop = task.parameterIterator != nil || task.artifactIterator != nil
        }
        return dag
    }

    /// Sorted task names joined by `, `; after 12 names, the rest are counted.
    private static func list(_ names: Dictionary<String, PipelineTaskSpec>.Keys) -> String {
        let sorted = names.sorted()
        if sorted.isEmpty { return "none" }
        if sorted.count <= 12 { return sorted.joined(separator: ", ") }
        return sorted.prefix(12).joined(separator: ", ") + ", … (\(sorted.count - 12) more)"
    }

    /// Kahn's topological order of nodes `0..<count`: among ready nodes the lowest index goes first.
    /// When only cycles remain, the lowest-index node left goes next, so every node appears once.
    /// Edges naming a node outside `0..<count` and self-edges are ignored. O((V+E) log V).
    static func topologicalOrder(count: Int, edges: [(from: Int, to: Int)]) -> [Int] {
        var downstream = [[Int]](repeating: [], count: count)
        var inDegree = [Int](repeating: 0, count: count)
        for edge in edges where edge.from != edge.to && (0..<count).contains(edge.from) && (0..<count).contains(edge.to)
        {
            downstream[edge.from].append(edge.to)
            inDegree[edge.to] += 1
        }
        var ready = MinHeap()
        for node in 0..<count where inDegree[node] == 0 { ready.push(node) }
        var placed = [Bool](repeating: false, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        var nextUnplaced = 0
        while order.count < count {
            guard let node = ready.pop() else {
                while placed[nextUnplaced] { nextUnplaced += 1 }
                ready.push(nextUnplaced)
                continue
            }
            if placed[node] { continue }
            placed[node] = true
            order.append(node)
            for next in downstream[node] {
                inDegree[next] -= 1
                if inDegree[next] == 0, !placed[next] { ready.push(next) }
            }
        }
        return order
    }
}

/// A binary min-heap of node indices.
private struct MinHeap {
    private var items: [Int] = []

    mutating func push(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
