/// Rules for a v1 component: unique names, and every placeholder and graph reference resolves.
struct V1ComponentRules {
    let component: V1ComponentSpec

    private var inputNames: [String] { (component.inputs ?? []).map(\.name) }
    private var outputNames: [String] { (component.outputs ?? []).map(\.name) }

    func check(into report: inout ValidationReport) {
        checkUnique(inputNames, field: "inputs", into: &report)
        checkUnique(outputNames, field: "outputs", into: &report)
        let implementation = SpecPath("implementation")
        switch (component.implementation.container, component.implementation.graph) {
        case (nil, nil):
            report.add("an implementation needs 'container' or 'graph', found neither", at: implementation)
        case (.some, .some):
            report.add("an implementation has 'container' or 'graph', found both", at: implementation)
        case (.some(let container), nil):
            let here = implementation.appending("container")
            for (index, argument) in (container.command ?? []).enumerated() {
                check(argument, at: here.appending("command").appending(index: index), into: &report)
            }
            for (index, argument) in (container.args ?? []).enumerated() {
                check(argument, at: here.appending("args").appending(index: index), into: &report)
            }
            for (name, argument) in (container.env ?? [:]).sorted(by: { $0.key < $1.key }) {
                check(argument, at: here.appending("env", name), into: &report)
            }
            for name in (container.fileOutputs ?? [:]).keys.sorted() where !outputNames.contains(name) {
                report.add("file output '\(name)' is not an output of the component", at: here.appending("fileOutputs", name))
            }
        case (nil, .some(let graph)):
            checkGraph(graph, at: implementation.appending("graph"), into: &report)
        }
    }

    private func checkUnique(_ names: [String], field: String, into report: inout ValidationReport) {
        var seen = Set<String>()
        for (index, name) in names.enumerated() {
            if !seen.insert(name).inserted {
                report.add("duplicate \(field == "inputs" ? "input" : "output") name '\(name)'",
                           at: SpecPath(field).appending(index: index).appending("name"))
            }
        }
    }

    private func check(_ argument: V1Argument, at path: SpecPath, into report: inout ValidationReport) {
        func input(_ name: String, _ placeholder: String) {
            if !inputNames.contains(name) {
                report.add(
                    "placeholder '\(placeholder)' names input '\(name)', which the component does not have\(NameRules.hint(for: name, in: inputNames))",
                    at: path)
            }
        }
        func output(_ name: String, _ placeholder: String) {
            if !outputNames.contains(name) {
                report.add(
                    "placeholder '\(placeholder)' names output '\(name)', which the component does not have\(NameRules.hint(for: name, in: outputNames))",
                    at: path)
            }
        }
        switch argument {
        case .literal, .outputMetadata, .executorInput: break
        case .inputValue(let name): input(name, "inputValue")
        case .inputPath(let name): input(name, "inputPath")
        case .inputUri(let name): input(name, "inputUri")
        case .inputMetadata(let name): input(name, "inputMetadata")
        case .inputOutputPortName(let name): input(name, "inputOutputPortName")
        case .outputPath(let name): output(name, "outputPath")
        case .outputUri(let name): output(name, "outputUri")
        case .concat(let items):
            for (index, item) in items.enumerated() {
                check(item, at: path.appending("concat").appending(index: index), into: &report)
            }
        case .ifPlaceholder(let condition, let then, let otherwise):
            switch condition {
            case .isPresent(let name): input(name, "isPresent")
            case .inputValue(let name): input(name, "inputValue")
            case .constant: break
            }
            for (index, item) in then.elements.enumerated() {
                check(item, at: path.appending("if", "then").appending(index: index), into: &report)
            }
            for (index, item) in (otherwise?.elements ?? []).enumerated() {
                check(item, at: path.appending("if", "else").appending(index: index), into: &report)
            }
        case .ifPresent(let name, let then, let otherwise):
            input(name, "ifPresent")
            for (index, item) in (then + (otherwise ?? [])).enumerated() {
                check(item, at: path.appending("ifPresent").appending(index: index), into: &report)
            }
        }
    }

    private func checkGraph(_ graph: V1GraphSpec, at path: SpecPath, into report: inout ValidationReport) {
        let taskIds = Array(graph.tasks.keys)
        func check(_ value: V1ArgumentValue, at here: SpecPath) {
            switch value {
            case .constant: break
            case .graphInput(let name, _):
                if !inputNames.contains(name) {
                    report.add("graph input '\(name)' is not an input of the component\(NameRules.hint(for: name, in: inputNames))", at: here)
                }
            case .taskOutput(let task, _, _):
                if graph.tasks[task] == nil {
                    report.add("task '\(task)' does not exist in the graph\(NameRules.hint(for: task, in: taskIds))", at: here)
                }
            }
        }
        for (id, task) in graph.tasks.sorted(by: { $0.key < $1.key }) {
            let here = path.appending("tasks", id)
            let reference = task.componentRef
            if reference.url == nil, reference.name == nil, reference.digest == nil, reference.spec == nil {
                report.add("'componentRef' needs one of 'url', 'name', 'digest' or 'spec'", at: here.appending("componentRef"))
            }
            for (name, argument) in (task.arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
                check(argument, at: here.appending("arguments", name))
            }
        }
        for (name, value) in (graph.outputValues ?? [:]).sorted(by: { $0.key < $1.key }) {
            if !outputNames.contains(name) {
                report.add("graph output '\(name)' is not an output of the component", at: path.appending("outputValues", name))
            }
            check(value, at: path.appending("outputValues", name))
        }
        if let cycle = V1GraphOrder(graph: graph).cycle() {
            report.add("dependency cycle: \(cycle.joined(separator: " -> "))", at: path.appending("tasks", cycle[0]))
        }
    }
}

/// The task order of a v1 graph, from its `taskOutput` references.
struct V1GraphOrder {
    let graph: V1GraphSpec

    func upstream(of id: String) -> [String] {
        (graph.tasks[id]?.arguments ?? [:]).values.compactMap { value in
            if case .taskOutput(let task, _, _) = value, graph.tasks[task] != nil { return task }
            return nil
        }.sorted()
    }

    /// A cycle as task ids from first to first, or `nil`.
    func cycle() -> [String]? {
        var state: [String: Int] = [:]
        var stack: [String] = []
        func visit(_ node: String) -> [String]? {
            state[node] = 1
            stack.append(node)
            for next in upstream(of: node) {
                if state[next] == 1, let start = stack.firstIndex(of: next) { return Array(stack[start...]) + [next] }
                if state[next] == nil, let found = visit(next) { return found }
            }
            stack.removeLast()
            state[node] = 2
            return nil
        }
        for id in graph.tasks.keys.sorted() where state[id] == nil {
            if let found = visit(id) { return found }
        }
        return nil
    }
}
