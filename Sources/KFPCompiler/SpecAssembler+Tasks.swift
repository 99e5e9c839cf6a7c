import KFP
import KFPSpec

extension SpecAssembler {
    /// A task's spec and the component it runs, registering its executor (or merging a
    /// sub-pipeline's components and executors).
    mutating func lowerTask(
        _ task: TaskNode, parentInputs: ComponentInputs?, siblings: Set<String>
    ) throws(DefinitionError) -> (PipelineTaskSpec, ComponentSpec) {
        let taskArguments = arguments[task.name] ?? [:]
        let taskSpec = lowering.taskSpec(task, arguments: taskArguments, parentInputs: parentInputs, siblings: siblings)
        if !task.isExitTask && !task.options.ignoresUpstreamFailure,
            let status = (task.component.inputDefinitions?.parameters ?? [:]).first(where: { $0.value.parameterType == .taskFinalStatus }),
            !isCompiledComponent(task)
        {
            diagnostics.append(
                DefinitionError.Diagnostic(
                    .topology,
                    "input '\(status.key)' of task '\(task.name)' is a final status (TASK_FINAL_STATUS); only an exit task or a task that ignores upstream failure can have one",
                    at: task.callSite))
        }
        return (taskSpec, try componentSpec(for: task, arguments: taskArguments))
    }

    private func isCompiledComponent(_ task: TaskNode) -> Bool {
        if case .component(let component) = task.component { return component.singleStep == nil }
        return true
    }

    private mutating func componentSpec(for task: TaskNode, arguments: [String: TaskArgument.Value]) throws(DefinitionError) -> ComponentSpec {
        switch task.component {
        case .component(let component):
            if let step = component.singleStep {
                var leaf = step.component
                var executor = step.executor
                if let container = executor.container { executor.container = ExecutorLowering.container(container, task: task) }
                leaf.executorLabel = addExecutor(executor, preferredLabel: "exec-\(task.name)")
                return leaf
            }
            return merge(component.spec)
        case .pipeline(let subpipeline):
            return merge(try compileSubpipeline(subpipeline))
        case .importer(let importer):
            var leaf = ComponentSpec(
                inputDefinitions: task.component.inputDefinitions, outputDefinitions: task.component.outputDefinitions)
            let executor = ExecutorSpec(importer: ExecutorLowering.importer(importer, uri: arguments["uri"]))
            leaf.executorLabel = addExecutor(executor, preferredLabel: "exec-\(task.name)")
            return leaf
        }
    }

    /// Folds a compiled pipeline into this one (`merge_deployment_spec_and_component_spec`):
    /// executors and components keep their names unless taken, and the references follow renames.
    /// Returns the sub-pipeline's root, which becomes the task's component.
    mutating func merge(_ sub: PipelineSpec) -> ComponentSpec {
        var sub = sub
        for (label, executor) in (sub.deploymentSpec?.executors ?? [:]).sorted(by: { $0.key < $1.key }) {
            let newLabel = addExecutor(executor, preferredLabel: label)
            guard newLabel != label else { continue }
            for (name, component) in sub.components ?? [:] where component.executorLabel == label {
                sub.components?[name]?.executorLabel = newLabel
            }
        }
        var renames: [String: String] = [:]
        for name in (sub.components ?? [:]).keys.sorted() {
            renames[name] = componentNames.claim(name)
        }
        func renamed(_ component: ComponentSpec) -> ComponentSpec {
            guard var dag = component.dag, let tasks = dag.tasks else { return component }
            dag.tasks = tasks.mapValues { task in
                var task = task
                task.componentRef.name = renames[task.componentRef.name] ?? task.componentRef.name
                return task
            }
            var copy = component
            copy.dag = dag
            return copy
        }
        for (name, component) in sub.components ?? [:] {
            components[renames[name] ?? name] = renamed(component)
        }
        return renamed(sub.root)
    }

    /// Exit tasks run after their handler's group in any state (`build_exit_handler_groups_recursively`).
    mutating func buildExitTasks() throws(DefinitionError) {
        for group in topology.groups where group.kind == .exitHandler {
            guard let name = group.exitTaskName, let task = graph.tasks[name] else { continue }
            var (taskSpec, componentSpec) = try lowerTask(task, parentInputs: spec.root.inputDefinitions, siblings: [])
            taskSpec.dependentTasks = [group.name]
            var policy = taskSpec.triggerPolicy ?? TriggerPolicy()
            policy.strategy = .allUpstreamTasksCompleted
            taskSpec.triggerPolicy = policy
            for (input, definition) in task.component.inputDefinitions?.parameters ?? [:] where definition.parameterType == .taskFinalStatus {
                var parameters = taskSpec.inputs?.parameters ?? [:]
                parameters[input] = TaskInputParameter(taskFinalStatus: TaskFinalStatusReference(producerTask: group.name))
                taskSpec.inputs = TaskInputs(parameters: parameters, artifacts: taskSpec.inputs?.artifacts)
            }
            taskSpec.componentRef.name = addComponent(componentSpec, preferredName: taskSpec.componentRef.name)
            spec.root.dag?.tasks?[name] = taskSpec
        }
    }

    /// Metrics and classification-metrics outputs surface through every enclosing group to the root
    /// as `<task>-<output>` (`populate_metrics_in_dag_outputs`).
    mutating func surfaceMetrics(of group: GroupNode) {
        for name in group.taskNames {
            guard let task = graph.tasks[name], let path = topology.taskPath[name] else { continue }
            let ancestors = [(Topology.rootName, "")] + path.dropFirst().dropLast().map { (groupComponentName($0), $0) }
            for (output, artifact) in (task.component.outputDefinitions?.artifacts ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard ["system.Metrics", "system.ClassificationMetrics"].contains(artifact.artifactType.schemaTitle ?? "") else { continue }
                let surfacedName = "\(name)-\(output)"
                var subtask = name
                var subtaskOutput = output
                for (componentName, groupTask) in ancestors.reversed() {
                    guard var component = component(named: componentName) else { continue }
                    var definitions = component.outputDefinitions ?? ComponentOutputs()
                    var artifacts = definitions.artifacts ?? [:]
                    artifacts[surfacedName] = artifact
                    definitions.artifacts = artifacts
                    component.outputDefinitions = definitions
                    var dag = component.dag ?? DagSpec()
                    var outputs = dag.outputs ?? DagOutputs()
                    var selectors = outputs.artifacts ?? [:]
                    var selector = selectors[surfacedName] ?? DagOutputArtifact(artifactSelectors: [])
                    selector.artifactSelectors = (selector.artifactSelectors ?? [])
                        + [ArtifactSelector(producerSubtask: subtask, outputArtifactKey: subtaskOutput)]
                    selectors[surfacedName] = selector
                    outputs.artifacts = selectors
                    dag.outputs = outputs
                    component.dag = dag
                    setComponent(component, named: componentName)
                    subtask = groupTask
                    subtaskOutput = surfacedName
                }
            }
        }
    }

    /// The pipeline outputs as root DAG outputs (`_build_dag_outputs`).
    mutating func connectPipelineOutputs() {
        guard !outputs.pipelineOutputs.isEmpty else { return }
        let surfaced = Dictionary(outputs.pipelineOutputs.map { ($0.name, $0.channel) }, uniquingKeysWith: { first, _ in first })
        guard let dagOutputs = Self.dagOutputs(surfaced) else { return }
        var dag = spec.root.dag ?? DagSpec()
        var merged = dag.outputs ?? DagOutputs()
        for (name, output) in dagOutputs.parameters ?? [:] { merged.parameters = (merged.parameters ?? [:]).merging([name: output]) { $1 } }
        for (name, output) in dagOutputs.artifacts ?? [:] { merged.artifacts = (merged.artifacts ?? [:]).merging([name: output]) { $1 } }
        dag.outputs = merged
        spec.root.dag = dag
    }
}
