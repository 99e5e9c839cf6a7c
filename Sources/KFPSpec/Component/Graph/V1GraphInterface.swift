/// The IR interface of a v1 graph component: its inputs and outputs as DAG component definitions.
///
/// Inputs and outputs are named and typed as for a container component (``V1Interface``), with
/// two additions that follow how the graph uses them:
///
/// - an input whose type is not a parameter type (no type, `CSV`, `PythonCode`) but that the graph
///   passes only to parameter inputs becomes a parameter: of the type those inputs share, else
///   `STRING` (a container's `inputValue` input becomes `STRING` the same way);
/// - an output with no type whose `outputValues` entry is a parameter output takes that type.
///
/// An untyped or artifact-typed input passed both to parameter and to artifact inputs is an error
/// naming both uses.
struct V1GraphInterface {
    /// The definitions and the entries arguments refer to.
    var interface: V1Interface

    /// - Parameters:
    ///   - taskInterfaces: the interface of each task's component, by task id.
    ///   - taskIds: the task ids in the order they are written.
    init(node: V1ResolvedComponent, graph: V1GraphSpec, taskInterfaces: [String: V1Interface], taskIds: [String]) throws(SpecError) {
        let component = node.component
        var uses: [String: [(task: String, input: String, kind: V1IOKind)]] = [:]
        for id in taskIds {
            for (name, value) in (graph.tasks[id]?.arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard case .graphInput(let input, _) = value, let entry = taskInterfaces[id]?.inputs[name] else { continue }
                uses[input, default: []].append((id, name, entry.kind))
            }
        }
        var usage = V1InputUsage()
        for (index, input) in (component.inputs ?? []).enumerated() {
            guard !V1TypeClassifier.kind(of: input.type, isInput: true).isParameter else { continue }
            let all = uses[input.name] ?? []
            let parameters = all.filter { $0.kind.isParameter }
            guard let parameterUse = parameters.first else { continue }
            if let artifactUse = all.first(where: { !$0.kind.isParameter }) {
                throw node.origin.error(
                    "graph input '\(input.name)' is passed to parameter input '\(parameterUse.input)' of task '\(parameterUse.task)' and to artifact input '\(artifactUse.input)' of task '\(artifactUse.task)'; an input is one or the other",
                    at: SpecPath("inputs").appending(index: index))
            }
            usage.valueInputs.insert(input.name)
            let types = Set(parameters.compactMap { use -> ParameterType? in
                if case .parameter(let type) = use.kind { return type }
                return nil
            })
            if types.count == 1, let type = types.first { usage.valueTypes[input.name] = type }
        }
        do {
            interface = try V1Interface(component: component, usage: usage)
        } catch {
            throw node.origin.located(error)
        }
        for output in component.outputs ?? [] where output.type == nil {
            guard case .taskOutput(let task, let name, _)? = graph.outputValues?[output.name],
                let produced = taskInterfaces[task]?.outputs[name], case .parameter(let type) = produced.kind,
                let entry = interface.outputs[output.name]
            else { continue }
            interface.outputs[output.name]?.kind = produced.kind
            var artifacts = interface.outputDefinitions.artifacts ?? [:]
            artifacts[entry.irName] = nil
            var parameters = interface.outputDefinitions.parameters ?? [:]
            parameters[entry.irName] = OutputParameterDefinition(parameterType: type)
            interface.outputDefinitions = ComponentOutputs(
                parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        }
    }
}
