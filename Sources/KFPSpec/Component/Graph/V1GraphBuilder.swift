/// Builds the IR of a resolved v1 graph component, following the KFP compiler's conventions.
///
/// - The pipeline is named like a converted container component (`maybe_rename_for_k8s`).
/// - Each graph task becomes a DAG task named by its task id made Kubernetes-safe
///   (`Xgboost train 2` → `xgboost-train-2`; `task` when nothing is left), with `-2`, `-3`, ...
///   added when two ids give the same name in one DAG; `taskInfo.name` is the id as written.
/// - Every task gets its own component, `comp-<task name>`, and a container task its own executor,
///   `exec-<task name>`, with `-2`, `-3`, ... when the name is taken anywhere in the pipeline
///   (as KFP names repeated components). Names are given depth-first, tasks in written order.
/// - A task running a graph component runs a DAG component holding that graph's tasks, to any depth.
/// - `outputValues` become the DAG's `outputs` (`valueFromParameter`, `artifactSelectors`).
///
/// - An input default that does not fit its parameter type is left out (the input stays optional):
///   KFP writes `defaultValue: ''` for a `JsonObject` input with `default: ''`, which
///   ``SpecValidator`` refuses in a pipeline. Otherwise a task's component is exactly what
///   ``V1ComponentConverter`` makes of it.
///
/// Task inputs are wired by ``V1TaskWiring``; graph interfaces come from ``V1GraphInterface``.
struct V1GraphBuilder {
    private var components: [String: ComponentSpec] = [:]
    private var executors: [String: ExecutorSpec] = [:]

    /// The IR of `root`, a graph component.
    ///
    /// - Throws: ``SpecError`` of kind `.validation`, located in the file of the component at fault.
    mutating func pipelineSpec(for root: V1ResolvedComponent) throws(SpecError) -> PipelineSpec {
        let written = root.component.name ?? "name"
        let name = KFPNames.k8sName(written)
        guard KFPNames.isValidPipelineName(name) else {
            throw root.origin.error(
                "component name '\(written)' gives the pipeline name '\(name)', which does not match ^[a-z0-9][a-z0-9-]{0,127}$",
                at: SpecPath("name"))
        }
        let dag = try dagComponent(for: root)
        return PipelineSpec(
            pipelineInfo: PipelineInfo(name: name),
            deploymentSpec: DeploymentSpec(executors: executors.isEmpty ? nil : executors),
            sdkVersion: V1ComponentConverter.sdkVersion, schemaVersion: "2.1.0",
            components: components.isEmpty ? nil : components, root: dag.spec)
    }

    /// A converted component and the interface arguments are wired against.
    private struct Converted {
        var spec: ComponentSpec
        var interface: V1Interface
    }

    private mutating func dagComponent(for node: V1ResolvedComponent) throws(SpecError) -> Converted {
        let origin = node.origin
        let graphPath = SpecPath("implementation", "graph")
        guard let graph = node.component.implementation.graph else {
            throw origin.error("\(node.displayName) has no graph implementation", at: SpecPath("implementation"))
        }
        let taskIds = origin.orderedKeys(of: graph.tasks, at: graphPath.appending("tasks"))
        var names: [String: String] = [:]
        var used = Set<String>()
        for id in taskIds {
            let base = KFPNames.k8sName(id)
            let name = KFPNames.unique(base.isEmpty ? "task" : base, in: used)
            used.insert(name)
            names[id] = name
        }
        var taskComponents: [String: (name: String, converted: Converted)] = [:]
        for id in taskIds {
            guard let child = node.tasks[id], let name = names[id] else {
                throw origin.error("the component of task '\(id)' is not resolved", at: graphPath.appending("tasks", id))
            }
            taskComponents[id] = try taskComponent(for: child, taskName: name)
        }
        let interfaces = taskComponents.mapValues(\.converted.interface)
        let interface = try V1GraphInterface(node: node, graph: graph, taskInterfaces: interfaces, taskIds: taskIds).interface
        var producers: [String: (name: String, interface: V1Interface)] = [:]
        for (id, converted) in taskComponents {
            producers[id] = (names[id] ?? id, converted.converted.interface)
        }
        var tasks: [String: PipelineTaskSpec] = [:]
        for id in taskIds {
            guard let task = graph.tasks[id], let name = names[id], let (componentName, converted) = taskComponents[id] else { continue }
            let wiring = V1TaskWiring(
                origin: origin, taskId: id, task: task, consumer: node.tasks[id]?.component ?? node.component,
                consumerInterface: converted.interface, graphInterface: interface, producers: producers)
            tasks[name] = try wiring.taskSpec(componentName: componentName)
        }
        var spec = ComponentSpec(
            inputDefinitions: Self.fittingDefaults(interface.inputDefinitionsIfAny), outputDefinitions: interface.outputDefinitionsIfAny)
        spec.dag = DagSpec(tasks: tasks, outputs: try outputs(of: node, graph: graph, interface: interface, producers: producers))
        return Converted(spec: spec, interface: interface)
    }

    /// The component (and executor) of one task, added under a name unique in the pipeline.
    private mutating func taskComponent(for child: V1ResolvedComponent, taskName: String) throws(SpecError) -> (name: String, converted: Converted) {
        let componentName = KFPNames.unique("comp-\(taskName)", in: Set(components.keys))
        if child.component.implementation.graph != nil {
            components[componentName] = ComponentSpec()  // Reserved before the nested components take names.
            let converted = try dagComponent(for: child)
            components[componentName] = converted.spec
            return (componentName, converted)
        }
        guard let container = child.component.implementation.container else {
            throw child.origin.error("\(child.displayName) has no 'container' or 'graph' implementation", at: SpecPath("implementation"))
        }
        let parts: V1ContainerParts
        do {
            let envOrder = child.origin.mappingKeys(at: SpecPath("implementation", "container", "env"))
            parts = try V1ContainerParts(component: child.component, container: container, envOrder: envOrder)
        } catch {
            throw child.origin.located(error)
        }
        let label = KFPNames.unique("exec-\(taskName)", in: Set(executors.keys))
        executors[label] = ExecutorSpec(container: parts.container)
        let spec = ComponentSpec(
            inputDefinitions: Self.fittingDefaults(parts.interface.inputDefinitionsIfAny),
            outputDefinitions: parts.interface.outputDefinitionsIfAny, executorLabel: label)
        components[componentName] = spec
        return (componentName, Converted(spec: spec, interface: parts.interface))
    }

    /// The DAG outputs of `outputValues`; every declared output needs one, and each is a task output.
    private func outputs(
        of node: V1ResolvedComponent, graph: V1GraphSpec, interface: V1Interface,
        producers: [String: (name: String, interface: V1Interface)]
    ) throws(SpecError) -> DagOutputs? {
        let origin = node.origin
        let values = graph.outputValues ?? [:]
        for (index, output) in (node.component.outputs ?? []).enumerated() where values[output.name] == nil {
            throw origin.error(
                "output '\(output.name)' of graph component \(node.displayName) has no value in 'outputValues'",
                at: SpecPath("outputs").appending(index: index))
        }
        var parameters: [String: DagOutputParameter] = [:]
        var artifacts: [String: DagOutputArtifact] = [:]
        let valuesPath = SpecPath("implementation", "graph", "outputValues")
        for name in origin.orderedKeys(of: values, at: valuesPath) {
            let here = valuesPath.appending(name)
            guard let declared = interface.outputs[name] else {
                throw origin.error("graph output '\(name)' is not an output of the component", at: here)
            }
            guard case .taskOutput(let producerId, let outputName, _)? = values[name] else {
                throw origin.error(
                    "graph output '\(name)' must be a taskOutput; KFP 2.x DAG outputs come from the DAG's tasks", at: here)
            }
            let (producer, output) = try V1TaskWiring.output(producerId, outputName, producers: producers, origin: origin, at: here)
            if output.kind.isParameter != declared.kind.isParameter {
                throw origin.error(
                    "output '\(outputName)' of task '\(producerId)' is \(V1TaskWiring.describe(output.kind)), but graph output '\(name)' is \(V1TaskWiring.describe(declared.kind))",
                    at: here)
            }
            if declared.kind.isParameter {
                parameters[declared.irName] = DagOutputParameter(
                    valueFromParameter: ParameterSelector(producerSubtask: producer, outputParameterKey: output.irName))
            } else {
                artifacts[declared.irName] = DagOutputArtifact(
                    artifactSelectors: [ArtifactSelector(producerSubtask: producer, outputArtifactKey: output.irName)])
            }
        }
        if parameters.isEmpty && artifacts.isEmpty { return nil }
        return DagOutputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    /// `inputs` without the defaults that do not fit their parameter type.
    private static func fittingDefaults(_ inputs: ComponentInputs?) -> ComponentInputs? {
        guard var inputs else { return nil }
        for (name, definition) in inputs.parameters ?? [:] {
            guard let value = definition.defaultValue, let type = definition.parameterType, !type.accepts(value) else { continue }
            inputs.parameters?[name]?.defaultValue = nil
        }
        return inputs
    }
}
