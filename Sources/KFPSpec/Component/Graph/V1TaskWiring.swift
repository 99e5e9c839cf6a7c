/// The IR task of one v1 graph task: where each input comes from, and what it depends on.
///
/// - `graphInput: {inputName}` → `componentInputParameter` or `componentInputArtifact` naming the
///   enclosing DAG's input (sanitized, `Input data` → `input_data`);
/// - `taskOutput: {taskId, outputName}` → `taskOutputParameter` or `taskOutputArtifact` of the
///   producer task's IR name, which joins `dependentTasks` (sorted);
/// - a constant → `runtimeValue.constant`, cast to the input's parameter type as KFP casts v1
///   defaults (``V1DefaultValue``: `"5"` for an `Integer` input is `5`); `null` leaves it unset.
///
/// Errors (``SpecError``, `.validation`, at the argument in the graph's file): an argument for an
/// input the component does not have, a constant for an artifact input, a parameter passed to an
/// artifact input or the reverse (naming both ends), an unknown producer task or output, and a
/// required input with no argument.
struct V1TaskWiring {
    /// The graph the task belongs to, for messages and marks.
    let origin: V1ComponentOrigin
    let taskId: String
    let task: V1TaskSpec
    /// The component the task runs, and its converted interface.
    let consumer: V1ComponentSpec
    let consumerInterface: V1Interface
    /// The interface of the graph itself (what `graphInput` names).
    let graphInterface: V1Interface
    /// The IR name and interface of every task in the graph, by task id.
    let producers: [String: (name: String, interface: V1Interface)]

    private var path: SpecPath { SpecPath("implementation", "graph", "tasks", taskId) }

    /// The task spec, running `componentName`.
    func taskSpec(componentName: String) throws(SpecError) -> PipelineTaskSpec {
        var parameters: [String: TaskInputParameter] = [:]
        var artifacts: [String: TaskInputArtifact] = [:]
        var dependencies = Set<String>()
        var given = Set<String>()
        let arguments = task.arguments ?? [:]
        for name in origin.orderedKeys(of: arguments, at: path.appending("arguments")) {
            guard let value = arguments[name] else { continue }
            let here = path.appending("arguments", name)
            guard let entry = consumerInterface.inputs[name] else {
                let names = (consumer.inputs ?? []).map(\.name)
                throw origin.error(
                    "task '\(taskId)': component \(Self.name(of: consumer)) has no input '\(name)'\(NameRules.hint(for: name, in: names))",
                    at: here)
            }
            let end = "input '\(name)' of task '\(taskId)'"
            switch value {
            case .constant(let constant):
                guard let converted = try self.constant(constant, for: entry, name: name, at: here) else { continue }
                parameters[entry.irName] = TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: converted))
            case .graphInput(let inputName, _):
                guard let source = graphInterface.inputs[inputName] else {
                    throw origin.error("graph input '\(inputName)' is not an input of the graph component", at: here)
                }
                try checkKinds(source.kind, "graph input '\(inputName)'", entry.kind, end, at: here)
                if entry.kind.isParameter {
                    parameters[entry.irName] = TaskInputParameter(componentInputParameter: source.irName)
                } else {
                    artifacts[entry.irName] = TaskInputArtifact(componentInputArtifact: source.irName)
                }
            case .taskOutput(let producerId, let outputName, _):
                let (producer, output) = try Self.output(producerId, outputName, producers: producers, origin: origin, at: here)
                try checkKinds(output.kind, "output '\(outputName)' of task '\(producerId)'", entry.kind, end, at: here)
                dependencies.insert(producer)
                if entry.kind.isParameter {
                    parameters[entry.irName] = TaskInputParameter(
                        taskOutputParameter: TaskOutputParameterReference(producerTask: producer, outputParameterKey: output.irName))
                } else {
                    artifacts[entry.irName] = TaskInputArtifact(
                        taskOutputArtifact: TaskOutputArtifactReference(producerTask: producer, outputArtifactKey: output.irName))
                }
            }
            given.insert(name)
        }
        for input in consumer.inputs ?? [] where !given.contains(input.name) {
            let optional = input.optional == true || (input.default != nil && input.default != .null)
            if optional || consumerInterface.inputs[input.name]?.kind == .taskFinalStatus { continue }
            throw origin.error(
                "task '\(taskId)' gives no argument for required input '\(input.name)' of component \(Self.name(of: consumer))",
                at: task.arguments == nil ? path : path.appending("arguments"))
        }
        var spec = PipelineTaskSpec(componentRef: ComponentRef(name: componentName), taskInfo: TaskInfo(name: taskId))
        let inputs = TaskInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        spec.inputs = parameters.isEmpty && artifacts.isEmpty ? nil : inputs
        spec.dependentTasks = dependencies.isEmpty ? nil : dependencies.sorted()
        spec.cachingOptions = CachingOptions(enableCache: true)
        try applyExecutionOptions(to: &spec)
        return spec
    }

    /// `executionOptions`: `retryStrategy.maxRetries` → `retryPolicy.maxRetryCount`;
    /// `cachingStrategy.maxCacheStaleness: P0D` (never reuse) → caching off. `isEnabled` has no
    /// KFP 2.x form and is refused.
    private func applyExecutionOptions(to spec: inout PipelineTaskSpec) throws(SpecError) {
        if task.isEnabled != nil {
            throw origin.error(
                "task '\(taskId)': 'isEnabled' has no KFP 2.x form; use a condition in a KFP 2.x pipeline instead",
                at: path.appending("isEnabled"))
        }
        let options = task.executionOptions?.objectValue
        if let retries = options?["retryStrategy"]?.objectValue?["maxRetries"] {
            guard case .int(let count) = retries, count >= 0 else {
                throw origin.error(
                    "task '\(taskId)': maxRetries must be a whole number, found \(retries.compactJSON())",
                    at: path.appending("executionOptions", "retryStrategy", "maxRetries"))
            }
            spec.retryPolicy = RetryPolicy(maxRetryCount: count)
        }
        if options?["cachingStrategy"]?.objectValue?["maxCacheStaleness"]?.stringValue == "P0D" {
            spec.cachingOptions = CachingOptions()  // `{}`: caching off, as KFP writes it.
        }
    }

    /// The converted constant, or `nil` for `null`.
    private func constant(_ value: JSONValue, for entry: V1InterfaceEntry, name: String, at here: SpecPath) throws(SpecError) -> JSONValue? {
        guard value != .null else { return nil }
        guard case .parameter(let type) = entry.kind else {
            throw origin.error(
                "task '\(taskId)' passes the constant \(value.compactJSON()) to input '\(name)', which is \(Self.describe(entry.kind)); only parameters take constants",
                at: here)
        }
        var input = V1InputSpec(name: name, type: entry.type, default: value)
        switch value {
        case .int, .double, .bool: input.defaultText = origin.scalarText(at: here)
        default: break
        }
        let cast = V1DefaultValue(input: input, path: here, subject: "task '\(taskId)' argument '\(name)'")
        let converted: JSONValue?
        do {
            converted = try cast.irDefault(as: type)
        } catch {
            throw origin.located(error)
        }
        if let converted, !type.accepts(converted) {
            throw origin.error(
                "task '\(taskId)' argument '\(name)': expected \(DefinitionRules.expectation(for: type)) for a \(type.rawValue) parameter, found \(value.compactJSON())",
                at: here)
        }
        return converted
    }

    private func checkKinds(
        _ source: V1IOKind, _ sourceName: String, _ target: V1IOKind, _ targetName: String, at here: SpecPath
    ) throws(SpecError) {
        guard source.isParameter != target.isParameter else { return }
        throw origin.error("\(sourceName) is \(Self.describe(source)), but \(targetName) is \(Self.describe(target))", at: here)
    }

    /// The IR name of a producer task and its output entry.
    static func output(
        _ producerId: String, _ outputName: String, producers: [String: (name: String, interface: V1Interface)],
        origin: V1ComponentOrigin, at here: SpecPath
    ) throws(SpecError) -> (String, V1InterfaceEntry) {
        guard let producer = producers[producerId] else {
            throw origin.error(
                "task '\(producerId)' does not exist in the graph\(NameRules.hint(for: producerId, in: producers.keys))", at: here)
        }
        guard let output = producer.interface.outputs[outputName] else {
            let names = producer.interface.outputs.keys
            throw origin.error(
                "task '\(producerId)' has no output '\(outputName)'\(NameRules.hint(for: outputName, in: names))", at: here)
        }
        return (producer.name, output)
    }

    /// `a parameter (NUMBER_INTEGER)`, `an artifact (system.Dataset)`.
    static func describe(_ kind: V1IOKind) -> String {
        switch kind {
        case .parameter(let type): return "a parameter (\(type.rawValue))"
        case .taskFinalStatus: return "a parameter (TASK_FINAL_STATUS)"
        case .artifact(let title): return "an artifact (\(title))"
        }
    }

    static func name(of component: V1ComponentSpec) -> String {
        component.name.map { "'\($0)'" } ?? "(unnamed)"
    }
}
