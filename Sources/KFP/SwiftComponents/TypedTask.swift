public import KFPSpec

/// A task of a ``SwiftComponent`` added with
/// ``PipelineBuilder/task(_:after:options:fileID:line:_:)``: its outputs as typed handles
/// (`train.outputs.$model` is a `ValueRef<Model>`), and the untyped task.
public struct TypedTask<Step: SwiftComponent>: Sendable {
    /// The task (its name, untyped outputs, and what `after:` takes).
    public let task: PipelineTask
    /// A value of the component type whose outputs' projections (`$name`) are this task's outputs.
    /// Only the `$` handles are meant to be read; the outputs' values exist only when the step runs.
    public let outputs: Step
}

extension PipelineBuilder {
    /// Adds a task of a Swift component, its inputs set in `wiring` on typed handles:
    ///
    /// ```swift
    /// let split = p.task(SplitData.self) { $0.$data = data; $0.$testFraction = fraction }
    /// let train = p.task(TrainClassifier.self) { $0.$train = split.outputs.$train; $0.$neighbours = 5 }
    /// ```
    ///
    /// Wiring a value of another type, or an input the component does not have, does not compile;
    /// a required input left unset, and mistakes in the component's declarations, are definition
    /// errors at this call.
    @discardableResult
    public func task<Step: SwiftComponent>(
        _ type: Step.Type, after: [PipelineTask] = [], options: TaskOptions = TaskOptions(), fileID: String = #fileID,
        line: Int = #line, _ wiring: (Step) -> Void = { _ in }
    ) -> TypedTask<Step> {
        let site = CallSite(fileID: fileID, line: line)
        let component: Component
        do {
            component = try Component(swift: type, fileID: fileID, line: line)
        } catch {
            for diagnostic in error.diagnostics { state.report(diagnostic.kind, diagnostic.message, at: diagnostic.callSite) }
            let task = PipelineTask(name: KFPNames.k8sName(Step.componentName), outputDefinitions: nil)
            return TypedTask(task: task, outputs: Step())
        }
        let step = Step()
        wiring(step)
        var arguments: [String: any ArgumentValue] = [:]
        for field in Self.fields(of: step) {
            if let argument = field.field.wiredArgument { arguments[field.name] = argument }
        }
        let task = addTask(.component(component), arguments: arguments, after: after, options: options, at: site)
        let outputs = Step()
        for field in Self.fields(of: outputs) where field.field.declaration.direction == .output {
            field.field.wire(task.outputs[field.name].channel)
        }
        return TypedTask(task: task, outputs: outputs)
    }

    /// The `@Input`/`@Output` fields of a value whose type's declarations were checked.
    private static func fields(of step: some SwiftComponent) -> [SwiftComponentInterface.Field] {
        guard let interface = try? SwiftComponentInterface(of: step) else { return [] }
        return interface.inputs + interface.outputs
    }

    /// Declares a pipeline parameter of a Swift type (`Int` is `NUMBER_INTEGER`, ...; `Optional`
    /// makes it optional), with a default when given.
    public func parameter<Value: Codable & Sendable>(
        _ name: String, _ type: Value.Type, default defaultValue: Value? = nil, description: String? = nil,
        fileID: String = #fileID, line: Int = #line
    ) -> ValueRef<Value> {
        let fieldType = FieldType(of: type)
        guard case .parameter(let parameterType) = fieldType.kind else {
            state.report(
                .typeMismatch, "pipeline parameter '\(name)' has the artifact type \(type); declare artifacts with artifact(_:_:)",
                at: CallSite(fileID: fileID, line: line))
            return ValueRef(channel: Channel(name: name, taskName: nil, kind: .parameter(.string)))
        }
        let json = defaultValue.flatMap { try? ParameterCoding.encode($0) }
        let ref = parameter(
            name, parameterType, default: json, isOptional: fieldType.isOptional, description: description, fileID: fileID, line: line)
        return ValueRef(channel: ref.channel)
    }

    /// An importer task (`dsl.importer`) of an artifact type, as a typed handle on its artifact.
    public func importer<Value: ArtifactValue>(
        _ type: Value.Type, uri: some ArgumentValue, reimport: Bool = false, metadata: [String: JSONValue]? = nil,
        fileID: String = #fileID, line: Int = #line
    ) -> ValueRef<Value> {
        let task = importer(uri: uri, type: Value.schema, reimport: reimport, metadata: metadata, fileID: fileID, line: line)
        return ValueRef(channel: task.outputs["artifact"].channel)
    }
}

extension ValueRef {
    /// This handle for an optional input of the same type (`$0.$title = name.optional`).
    public var optional: ValueRef<Value?> { ValueRef<Value?>(argument) }
}
