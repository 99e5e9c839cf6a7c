public import KFPSpec

extension PipelineBuilder {
    /// Names, checks and records a task in this builder's group.
    func addTask(
        _ component: TaskComponent, arguments: [String: any ArgumentValue], after: [PipelineTask],
        options: TaskOptions, at site: CallSite, isExitTask: Bool = false
    ) -> PipelineTask {
        let base = KFPNames.k8sName(component.name)
        if base.isEmpty {
            state.report(.invalidName, "component name '\(component.name)' has no letters or digits to name a task after", at: site)
        }
        let name = state.taskNames.claim(base.isEmpty ? "task" : base)
        var values: [String: TaskArgument.Value] = [:]
        for (input, argument) in arguments {
            values[input] = argument.taskArgument.value
        }
        values = ArgumentChecker(state: state, site: site, taskName: name, component: component).check(values)
        let optionTexts = options.texts(in: state, taskName: name, at: site)
        for upstream in after where state.tasks[upstream.name] == nil {
            state.report(.topology, "task '\(name)' runs after task '\(upstream.name)', which is not in this pipeline", at: site)
        }
        let node = TaskNode(
            name: name, component: component, arguments: values,
            after: after.map(\.name).filter { state.tasks[$0] != nil }, options: options, optionTexts: optionTexts,
            isExitTask: isExitTask, callSite: site)
        state.tasks[name] = node
        state.taskOrder.append(name)
        state.groupOfTask[name] = group
        if !isExitTask { group.taskNames.append(name) }
        let task = PipelineTask(name: name, outputDefinitions: component.outputDefinitions)
        for output in (component.outputDefinitions?.parameters ?? [:]).keys {
            state.register(task.outputs[output].channel)
        }
        for output in (component.outputDefinitions?.artifacts ?? [:]).keys {
            state.register(task.outputs[output].channel)
        }
        return task
    }
}

/// Checks a task's arguments against its component's inputs (KFP's checks in `PipelineTask.__init__`
/// and `verify_type_compatibility`), reporting each mistake at the task's call site.
struct ArgumentChecker {
    let state: DefinitionState
    let site: CallSite
    let taskName: String
    let component: TaskComponent

    /// The arguments with interpolated values read back as structure (see
    /// ``DefinitionState/structured(_:unknown:)``), after reporting every mistake.
    func check(_ arguments: [String: TaskArgument.Value]) -> [String: TaskArgument.Value] {
        let parameters = component.inputDefinitions?.parameters ?? [:]
        let artifacts = component.inputDefinitions?.artifacts ?? [:]
        let inputNames = (Array(parameters.keys) + Array(artifacts.keys)).sorted()
        var structured: [String: TaskArgument.Value] = [:]
        for (input, value) in arguments.sorted(by: { $0.key < $1.key }) {
            if let parameter = parameters[input] {
                let read = state.structured(value) { pattern in
                    state.report(.topology, "an argument of task '\(taskName)' interpolates \(pattern), which is not a value of this pipeline", at: site)
                }
                structured[input] = read
                checkParameter(input, parameter, read)
            } else if let artifact = artifacts[input] {
                structured[input] = state.structured(value) { _ in }
                checkArtifact(input, artifact, structured[input] ?? value)
            } else {
                structured[input] = state.structured(value) { _ in }
                let hint = NameSuggestion.closest(to: input, in: inputNames).map { "; did you mean '\($0)'" } ?? ""
                state.report(.unknownInput, "task '\(taskName)' has no input named '\(input)'\(hint)", at: site)
            }
        }
        for input in inputNames where arguments[input] == nil {
            let required: Bool
            if let parameter = parameters[input] {
                required = !parameter.mayBeOmitted && parameter.parameterType != .taskFinalStatus
            } else {
                required = artifacts[input]?.isOptional != true
            }
            if required { state.report(.missingInput, "task '\(taskName)' is missing required input '\(input)'", at: site) }
        }
        return structured
    }

    private func checkParameter(_ input: String, _ definition: InputParameterDefinition, _ value: TaskArgument.Value) {
        let expected = definition.parameterType ?? .string
        switch value {
        case .constant, .text, .list, .object:
            let constant = value.written
            if !expected.accepts(constant), !(expected == .string && constant.stringValue != nil) {
                state.report(
                    .typeMismatch,
                    "input '\(input)' of task '\(taskName)' expects \(expected.rawValue); found \(constant.kindName) \(constant.compactJSON())",
                    at: site)
            }
        case .channel(let channel):
            guard usable(channel, input) else { return }
            switch channel.kind {
            case .artifact(let schema, _):
                state.report(
                    .typeMismatch,
                    "input '\(input)' of task '\(taskName)' is a parameter of type \(expected.rawValue); found artifact \(channel.label()) of type \(schema.schemaTitle ?? "?")\(producer(channel))",
                    at: site)
            case .parameter(let given):
                let relaxed = channel.loopArgument != nil && given == .string
                if given != expected, !relaxed, expected != .taskFinalStatus {
                    state.report(
                        .typeMismatch,
                        "input '\(input)' of task '\(taskName)' expects \(expected.rawValue); found \(given.rawValue) \(channel.label())\(producer(channel))",
                        at: site)
                }
            }
        }
    }

    private func checkArtifact(_ input: String, _ definition: InputArtifactDefinition, _ value: TaskArgument.Value) {
        let expectedTitle = definition.artifactType.schemaTitle ?? "system.Artifact"
        let expectedList = definition.isArtifactList == true
        guard case .channel(let channel) = value else {
            state.report(
                .typeMismatch, "input '\(input)' of task '\(taskName)' is an artifact of type \(expectedTitle); a constant cannot be passed to it",
                at: site)
            return
        }
        guard usable(channel, input) else { return }
        switch channel.kind {
        case .parameter(let given):
            state.report(
                .typeMismatch,
                "input '\(input)' of task '\(taskName)' is an artifact of type \(expectedTitle); found parameter \(channel.label()) of type \(given.rawValue)\(producer(channel))",
                at: site)
        case .artifact(let schema, let isList):
            let givenTitle = schema.schemaTitle ?? "system.Artifact"
            let compatible = isList == expectedList
                && (givenTitle == "system.Artifact" || expectedTitle == "system.Artifact" || givenTitle == expectedTitle)
            if !compatible {
                let given = isList ? "List[\(givenTitle)]" : givenTitle
                let expected = expectedList ? "List[\(expectedTitle)]" : expectedTitle
                state.report(
                    .typeMismatch,
                    "input '\(input)' of task '\(taskName)' expects artifact type \(expected); found \(given) \(channel.label())\(producer(channel))",
                    at: site)
            }
        }
    }

    /// `false` (after reporting) for invalid handles and channels of tasks outside this pipeline.
    private func usable(_ channel: Channel, _ input: String) -> Bool {
        if case .invalid(let message) = channel.origin {
            state.report(.topology, "input '\(input)' of task '\(taskName)': \(message)", at: site)
            return false
        }
        if let producer = channel.taskName, !producer.isEmpty, state.tasks[producer] == nil,
            state.patterns[channel.pattern] == nil
        {
            state.report(
                .topology, "input '\(input)' of task '\(taskName)' reads task '\(producer)', which is not in this pipeline", at: site)
            return false
        }
        return true
    }

    private func producer(_ channel: Channel) -> String {
        guard let task = channel.taskName, !task.isEmpty else { return "" }
        return " of task '\(task)'"
    }
}
