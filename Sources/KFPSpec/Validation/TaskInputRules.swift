/// Rules for the inputs of one task: each names a real source and fits the component's definition.
struct TaskInputRules {
    let rules: TaskRules
    /// The task's component, when it exists.
    let component: ComponentSpec?

    private var path: SpecPath { rules.path.appending("inputs") }
    private var declaredParameters: [String: InputParameterDefinition] {
        component?.inputDefinitions?.parameters ?? [:]
    }
    private var declaredArtifacts: [String: InputArtifactDefinition] {
        component?.inputDefinitions?.artifacts ?? [:]
    }

    func checkParameters(into report: inout ValidationReport) {
        let given = rules.task.inputs?.parameters ?? [:]
        for (name, input) in given.sorted(by: { $0.key < $1.key }) {
            let here = path.appending("parameters", name)
            let definition = declaredParameters[name]
            // Extra inputs are allowed (KFP passes f-string and resource placeholders that way);
            // an input of the wrong kind is not.
            if definition == nil, declaredArtifacts[name] != nil {
                report.add("'\(name)' is an input artifact of the component, given as a parameter", at: here)
            }
            checkSource(input, definition: definition, at: here, into: &report)
        }
        let iterated = rules.task.parameterIterator?.itemInput
        for (name, definition) in declaredParameters.sorted(by: { $0.key < $1.key })
        where given[name] == nil && name != iterated && !definition.mayBeOmitted
            && definition.parameterType != .taskFinalStatus
        {
            report.add("task '\(rules.name)' is missing required input parameter '\(name)'", at: path.appending("parameters"))
        }
    }

    private func checkSource(
        _ input: TaskInputParameter, definition: InputParameterDefinition?, at here: SpecPath,
        into report: inout ValidationReport
    ) {
        let kinds = [
            input.taskOutputParameter.map { _ in "taskOutputParameter" }, input.runtimeValue.map { _ in "runtimeValue" },
            input.componentInputParameter.map { _ in "componentInputParameter" },
            input.taskFinalStatus.map { _ in "taskFinalStatus" },
        ].compactMap { $0 }
        guard kinds.count == 1 else {
            report.add(
                kinds.isEmpty
                    ? "an input parameter needs one of taskOutputParameter, runtimeValue, componentInputParameter, taskFinalStatus, found none"
                    : "an input parameter has exactly one source, found \(kinds.joined(separator: " and "))",
                at: here)
            return
        }
        if let reference = input.taskOutputParameter {
            checkProducer(reference.producerTask, key: reference.outputParameterKey, artifact: false,
                          at: here.appending("taskOutputParameter"), into: &report)
        }
        if let producer = input.taskFinalStatus?.producerTask, !rules.dag.hasTask(producer) {
            report.add(
                "producer task '\(producer)' does not exist in this DAG\(NameRules.hint(for: producer, in: rules.dag.taskNames))",
                at: here.appending("taskFinalStatus", "producerTask"))
        }
        if let parent = input.componentInputParameter, rules.dagInputParameters[parent] == nil {
            let hint = NameRules.hint(for: parent, in: rules.dagInputParameters.keys)
            report.add(
                "'\(parent)' is not an input parameter of the enclosing DAG\(hint)",
                at: here.appending("componentInputParameter"))
        }
        if let constant = input.runtimeValue?.constant, let type = definition?.parameterType,
            input.parameterExpressionSelector == nil, !type.accepts(constant),
            !(type != .string && constant.stringValue?.hasPrefix(RuntimePlaceholder.opening) == true)
        {
            report.add(
                "constant does not fit parameterType \(type.rawValue): expected \(DefinitionRules.expectation(for: type)), found \(constant.kindName) \(constant.compactJSON())",
                at: here.appending("runtimeValue", "constant"))
        }
    }

    func checkArtifacts(into report: inout ValidationReport) {
        let given = rules.task.inputs?.artifacts ?? [:]
        for (name, input) in given.sorted(by: { $0.key < $1.key }) {
            let here = path.appending("artifacts", name)
            if declaredArtifacts[name] == nil, declaredParameters[name] != nil {
                report.add("'\(name)' is an input parameter of the component, given as an artifact", at: here)
            }
            switch (input.taskOutputArtifact, input.componentInputArtifact) {
            case (nil, nil):
                report.add("an input artifact needs 'taskOutputArtifact' or 'componentInputArtifact'", at: here)
            case (.some, .some):
                report.add("an input artifact has exactly one source, found both", at: here)
            case (.some(let reference), nil):
                checkProducer(reference.producerTask, key: reference.outputArtifactKey, artifact: true,
                              at: here.appending("taskOutputArtifact"), into: &report)
            case (nil, .some(let parent)):
                if rules.dagInputArtifacts[parent] == nil {
                    report.add(
                        "'\(parent)' is not an input artifact of the enclosing DAG\(NameRules.hint(for: parent, in: rules.dagInputArtifacts.keys))",
                        at: here.appending("componentInputArtifact"))
                }
            }
        }
        let iterated = rules.task.artifactIterator?.itemInput
        for (name, definition) in declaredArtifacts.sorted(by: { $0.key < $1.key })
        where given[name] == nil && name != iterated && definition.isOptional != true {
            report.add("task '\(rules.name)' is missing required input artifact '\(name)'", at: path.appending("artifacts"))
        }
    }

    private func checkProducer(
        _ producer: String, key: String, artifact: Bool, at here: SpecPath, into report: inout ValidationReport
    ) {
        guard rules.dag.hasTask(producer) else {
            report.add(
                "producer task '\(producer)' does not exist in this DAG\(NameRules.hint(for: producer, in: rules.dag.taskNames))",
                at: here.appending("producerTask"))
            return
        }
        guard let producerComponent = rules.dag.component(ofTask: producer) else { return }
        let outputs = producerComponent.outputDefinitions
        let keys = artifact ? Array((outputs?.artifacts ?? [:]).keys) : Array((outputs?.parameters ?? [:]).keys)
        if !keys.contains(key) {
            report.add(
                "task '\(producer)' has no output \(artifact ? "artifact" : "parameter") '\(key)'\(NameRules.hint(for: key, in: keys))",
                at: here.appending(artifact ? "outputArtifactKey" : "outputParameterKey"))
        }
    }
}
