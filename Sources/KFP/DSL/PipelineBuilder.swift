public import KFPSpec

/// The handle a ``Pipeline`` body and its nested closures receive: declares inputs, adds tasks and
/// control flow to the group it belongs to, and sets pipeline outputs.
///
/// A task belongs to the builder it is added with; every nested closure (`if`, `parallelFor`,
/// `exitHandler`) gets its own builder. The builder exists only while the body runs and is not
/// `Sendable`.
public final class PipelineBuilder {
    let state: DefinitionState
    let group: GroupBox

    init(state: DefinitionState, group: GroupBox) {
        self.state = state
        self.group = group
    }

    /// Declares a pipeline parameter (root `inputDefinitions.parameters`).
    ///
    /// - Parameters:
    ///   - name: the input name.
    ///   - type: the IR type.
    ///   - defaultValue: the default; a parameter with a default is optional, as in KFP.
    ///   - isOptional: `true` for KFP's `Optional[...] = None` (optional without a default).
    /// - Returns: the parameter's handle.
    public func parameter(
        _ name: String, _ type: ParameterType, default defaultValue: JSONValue? = nil, isOptional: Bool = false,
        description: String? = nil, fileID: String = #fileID, line: Int = #line
    ) -> Ref {
        let site = CallSite(fileID: fileID, line: line)
        if group !== state.root {
            state.report(.topology, "pipeline parameter '\(name)' must be declared in the pipeline body, not inside a control-flow group", at: site)
        }
        if state.inputs.contains(where: { $0.name == name }) {
            state.report(.invalidName, "pipeline input '\(name)' is declared twice", at: site)
        }
        if let defaultValue, !type.accepts(defaultValue) {
            state.report(
                .typeMismatch,
                "default of pipeline parameter '\(name)' must be \(type.rawValue); found \(defaultValue.kindName) \(defaultValue.compactJSON())",
                at: site)
        }
        state.inputs.append(
            PipelineInput(
                name: name, kind: .parameter(type), defaultValue: defaultValue,
                isOptional: isOptional || defaultValue != nil, description: description))
        return state.register(Channel(name: name, taskName: nil, kind: .parameter(type)))
    }

    /// Declares a pipeline input artifact (root `inputDefinitions.artifacts`) of a schema such as
    /// ``KFPSpec/ArtifactTypeSchema/dataset``.
    public func artifact(
        _ name: String, _ type: ArtifactTypeSchema, isList: Bool = false, isOptional: Bool = false,
        description: String? = nil, fileID: String = #fileID, line: Int = #line
    ) -> Ref {
        let site = CallSite(fileID: fileID, line: line)
        if state.inputs.contains(where: { $0.name == name }) {
            state.report(.invalidName, "pipeline input '\(name)' is declared twice", at: site)
        }
        state.inputs.append(
            PipelineInput(
                name: name, kind: .artifact(type, isList: isList), defaultValue: nil, isOptional: isOptional,
                description: description))
        return state.register(Channel(name: name, taskName: nil, kind: .artifact(type, isList: isList)))
    }

    /// Adds a task running `component` with `arguments` by input name.
    ///
    /// Arguments are checked now: an unknown input name, a missing required input, or a value of the
    /// wrong kind or type is a definition error reported at this call.
    ///
    /// - Parameters:
    ///   - after: tasks that must finish first although no data flows from them (`.after()`).
    ///   - options: display name, caching, retries, resources, env, image.
    /// - Returns: the task, to wire its outputs.
    @discardableResult
    public func task(
        _ component: some ComponentConvertible, _ arguments: [String: any ArgumentValue] = [:],
        after: [PipelineTask] = [], options: TaskOptions = TaskOptions(), fileID: String = #fileID, line: Int = #line
    ) -> PipelineTask {
        addTask(
            .component(component.component), arguments: arguments, after: after, options: options,
            at: CallSite(fileID: fileID, line: line))
    }

    /// Adds a task that runs a whole pipeline (a pipeline used as a component).
    @discardableResult
    public func task(
        _ pipeline: Pipeline, _ arguments: [String: any ArgumentValue] = [:], after: [PipelineTask] = [],
        options: TaskOptions = TaskOptions(), fileID: String = #fileID, line: Int = #line
    ) -> PipelineTask {
        addTask(
            .pipeline(pipeline), arguments: arguments, after: after, options: options,
            at: CallSite(fileID: fileID, line: line))
    }

    /// Adds an importer task (`dsl.importer`): it records the artifact at `uri` (a constant or a
    /// ``Ref``) as an artifact of `type`; its single output is `artifact`.
    @discardableResult
    public func importer(
        uri: some ArgumentValue, type: ArtifactTypeSchema, reimport: Bool = false,
        metadata: [String: JSONValue]? = nil, options: TaskOptions = TaskOptions(), fileID: String = #fileID,
        line: Int = #line
    ) -> PipelineTask {
        let importer = Importer(artifactType: type, reimport: reimport, metadata: metadata)
        return addTask(
            .importer(importer), arguments: ["uri": uri], after: [], options: options,
            at: CallSite(fileID: fileID, line: line))
    }

    /// Makes `task` wait for `upstream` tasks (KFP's `task.after(...)` called after creation).
    public func addDependency(_ task: PipelineTask, after upstream: [PipelineTask], fileID: String = #fileID, line: Int = #line) {
        guard var node = state.tasks[task.name] else {
            state.report(.topology, "task '\(task.name)' is not in this pipeline", at: CallSite(fileID: fileID, line: line))
            return
        }
        for other in upstream where state.tasks[other.name] == nil {
            state.report(.topology, "task '\(other.name)' is not in this pipeline", at: CallSite(fileID: fileID, line: line))
        }
        node.after += upstream.map(\.name).filter { state.tasks[$0] != nil && !node.after.contains($0) }
        state.tasks[task.name] = node
    }

    /// Sets the pipeline output `name` (KFP's returned value or NamedTuple field; a single unnamed
    /// output is `Output`), with an optional `description` (the output's entry under `Returns:` in
    /// the pipeline function's docstring).
    public func output(
        _ name: String = "Output", _ value: Ref, description: String? = nil, fileID: String = #fileID, line: Int = #line
    ) {
        let site = CallSite(fileID: fileID, line: line)
        if case .invalid(let message) = value.channel.origin {
            state.report(.topology, message, at: site)
            return
        }
        if state.outputs.contains(where: { $0.name == name }) {
            state.report(.invalidName, "pipeline output '\(name)' is set twice", at: site)
            return
        }
        state.outputs.append((name, value.channel))
        if let description { state.outputDescriptions[name] = description }
    }
}
