/// Rules for one task of a DAG: component, dependencies, inputs, iterator.
struct TaskRules {
    let spec: PipelineSpec
    let dag: DagRules
    let name: String
    let task: PipelineTaskSpec
    let path: SpecPath

    /// Every task named by `dependentTasks` or by an input of `task`.
    static func upstreamTasks(of task: PipelineTaskSpec) -> Set<String> {
        task.upstreamTaskNames
    }

    func check(into report: inout ValidationReport) {
        let reference = task.componentRef.name
        let component = spec.component(named: reference)
        if component == nil {
            let names = (spec.components ?? [:]).keys
            report.add(
                "component '\(reference)' does not exist in components\(NameRules.hint(for: reference, in: names))",
                at: path.appending("componentRef", "name"))
        }
        for (index, upstream) in (task.dependentTasks ?? []).enumerated() where !dag.hasTask(upstream) {
            report.add(
                "dependent task '\(upstream)' does not exist in this DAG\(NameRules.hint(for: upstream, in: dag.taskNames))",
                at: path.appending("dependentTasks").appending(index: index))
        }
        if task.parameterIterator != nil, task.artifactIterator != nil {
            report.add("a task has one iterator, found 'parameterIterator' and 'artifactIterator'", at: path)
        }
        checkIterator(into: &report)
        let inputs = TaskInputRules(rules: self, component: component)
        inputs.checkParameters(into: &report)
        inputs.checkArtifacts(into: &report)
    }

    /// The enclosing DAG's input parameter names (what `componentInputParameter` may name).
    var dagInputParameters: [String: InputParameterDefinition] {
        dag.component.inputDefinitions?.parameters ?? [:]
    }

    /// The enclosing DAG's input artifact names.
    var dagInputArtifacts: [String: InputArtifactDefinition] {
        dag.component.inputDefinitions?.artifacts ?? [:]
    }

    private func checkIterator(into report: inout ValidationReport) {
        if let iterator = task.parameterIterator {
            let here = path.appending("parameterIterator", "items")
            switch (iterator.items.raw, iterator.items.inputParameter) {
            case (nil, nil):
                report.add("a parameter iterator needs 'raw' or 'inputParameter'", at: here)
            case (.some(let raw), _):
                if case .some(.array) = try? SpecLoader().loadJSONValue(raw) {} else {
                    report.add("'raw' must be a JSON list, found \(raw)", at: here.appending("raw"))
                }
            case (nil, .some(let input)):
                let given = (task.inputs?.parameters ?? [:]).keys
                if task.inputs?.parameters?[input] == nil {
                    report.add(
                        "iterator items '\(input)' is not an input parameter of this task\(NameRules.hint(for: input, in: given))",
                        at: here.appending("inputParameter"))
                }
            }
        }
        if let iterator = task.artifactIterator {
            let here = path.appending("artifactIterator", "items")
            if let input = iterator.items.inputArtifact {
                let given = (task.inputs?.artifacts ?? [:]).keys
                if task.inputs?.artifacts?[input] == nil {
                    report.add(
                        "iterator items '\(input)' is not an input artifact of this task\(NameRules.hint(for: input, in: given))",
                        at: here.appending("inputArtifact"))
                }
            } else {
                report.add("an artifact iterator needs 'inputArtifact'", at: here)
            }
        }
    }
}
