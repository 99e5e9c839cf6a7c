/// Rules for one DAG: every reference resolves, every input fits, and there is no cycle.
struct DagRules {
    let spec: PipelineSpec
    /// The component that owns the DAG; its inputs are what `componentInput*` may name.
    let component: ComponentSpec
    let dag: DagSpec
    let path: SpecPath

    private var tasks: [String: PipelineTaskSpec] { dag.tasks ?? [:] }

    func check(into report: inout ValidationReport) {
        for (name, task) in tasks.sorted(by: { $0.key < $1.key }) {
            TaskRules(spec: spec, dag: self, name: name, task: task, path: path.appending("tasks", name))
                .check(into: &report)
        }
        checkOutputs(into: &report)
        if let cycle = findCycle() {
            report.add(
                "dependency cycle: \(cycle.joined(separator: " -> "))",
                at: path.appending("tasks", cycle[0]))
        }
    }

    /// The component a task of this DAG runs, if it exists.
    func component(ofTask name: String) -> ComponentSpec? {
        tasks[name].flatMap { spec.component(named: $0.componentRef.name) }
    }

    var taskNames: [String] { Array(tasks.keys) }

    func hasTask(_ name: String) -> Bool { tasks[name] != nil }

    private func checkOutputs(into report: inout ValidationReport) {
        let outputs = path.appending("outputs")
        let declared = component.outputDefinitions
        for (name, output) in (dag.outputs?.parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = outputs.appending("parameters", name)
            if declared?.parameters?[name] == nil {
                report.add("DAG output parameter '\(name)' is not declared in outputDefinitions.parameters", at: here)
            }
            let selectors = output.selectors
            if selectors.isEmpty {
                report.add("a DAG output parameter needs 'valueFromParameter' or 'valueFromOneof'", at: here)
            }
            for selector in selectors {
                checkSelector(task: selector.producerSubtask, key: selector.outputParameterKey, artifact: false,
                              at: here, into: &report)
            }
        }
        for (name, output) in (dag.outputs?.artifacts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = outputs.appending("artifacts", name)
            if declared?.artifacts?[name] == nil {
                report.add("DAG output artifact '\(name)' is not declared in outputDefinitions.artifacts", at: here)
            }
            let selectors = output.artifactSelectors ?? []
            if selectors.isEmpty { report.add("a DAG output artifact needs 'artifactSelectors'", at: here) }
            for selector in selectors {
                checkSelector(task: selector.producerSubtask, key: selector.outputArtifactKey, artifact: true,
                              at: here, into: &report)
            }
        }
    }

    private func checkSelector(task: String, key: String, artifact: Bool, at path: SpecPath,
                               into report: inout ValidationReport) {
        guard hasTask(task) else {
            report.add("producer subtask '\(task)' does not exist in this DAG\(NameRules.hint(for: task, in: taskNames))", at: path)
            return
        }
        guard let producer = component(ofTask: task) else { return }
        let keys = artifact
            ? Array((producer.outputDefinitions?.artifacts ?? [:]).keys)
            : Array((producer.outputDefinitions?.parameters ?? [:]).keys)
        if !keys.contains(key) {
            report.add(
                "task '\(task)' has no output \(artifact ? "artifact" : "parameter") '\(key)'\(NameRules.hint(for: key, in: keys))",
                at: path)
        }
    }

    /// A cycle through `dependentTasks` and data references, as task names from first to first.
    func findCycle() -> [String]? {
        var edges: [String: [String]] = [:]
        for (name, task) in tasks {
            edges[name] = TaskRules.upstreamTasks(of: task).filter(hasTask).sorted()
        }
        var state: [String: Int] = [:]  // 1: on the stack, 2: done
        var stack: [String] = []
        func visit(_ node: String) -> [String]? {
            state[node] = 1
            stack.append(node)
            for next in edges[node] ?? [] {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    return Array(stack[start...]) + [next]
                }
                if state[next] == nil, let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            state[node] = 2
            return nil
        }
        for name in tasks.keys.sorted() where state[name] == nil {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }
}
