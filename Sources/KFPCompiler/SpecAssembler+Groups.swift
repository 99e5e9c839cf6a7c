import KFP
import KFPSpec

extension SpecAssembler {
    /// Builds the task and component of every child of `group` into `group`'s DAG
    /// (`build_spec_by_group`): child groups first, then tasks, each in creation order.
    mutating func buildGroup(_ group: GroupNode) throws(DefinitionError) {
        let parentIsRoot = group.name == Topology.rootName
        let siblings = Set(group.groups.map(\.name) + group.taskNames)
        let parentName = parentIsRoot ? Topology.rootName : groupComponentName(group.name)
        let parentInputs = component(named: parentName)?.inputDefinitions
        var dagTasks: [String: PipelineTaskSpec] = [:]
        for child in group.groups {
            let (taskSpec, componentSpec) = lowerGroup(child, siblings: siblings, parentIsRoot: parentIsRoot)
            dagTasks[child.name] = finish(child.name, taskSpec: taskSpec, component: componentSpec)
        }
        for name in group.taskNames {
            guard let task = graph.tasks[name] else { continue }
            let (taskSpec, componentSpec) = try lowerTask(task, parentInputs: parentInputs, siblings: siblings)
            dagTasks[name] = finish(name, taskSpec: modifiedForUpstreamFailure(task, taskSpec), component: componentSpec)
        }
        if var parent = component(named: parentName) {
            var dag = parent.dag ?? DagSpec()
            dag.tasks = (dag.tasks ?? [:]).merging(dagTasks) { $1 }
            parent.dag = dag
            setComponent(parent, named: parentName)
        }
        surfaceMetrics(of: group)
    }

    /// The component name a group got (`comp-<group>`; groups are built before anything can take it).
    func groupComponentName(_ name: String) -> String { "comp-\(name)" }

    /// The child's task spec with its dependencies and the unique name of its component.
    private mutating func finish(_ name: String, taskSpec: PipelineTaskSpec, component: ComponentSpec) -> PipelineTaskSpec {
        var taskSpec = taskSpec
        if let upstream = dependencies.dependencies[name], !upstream.isEmpty {
            taskSpec.dependentTasks = upstream.sorted()
        }
        taskSpec.componentRef.name = addComponent(component, preferredName: taskSpec.componentRef.name)
        return taskSpec
    }

    private func lowerGroup(_ group: GroupNode, siblings: Set<String>, parentIsRoot: Bool) -> (PipelineTaskSpec, ComponentSpec) {
        var channels = inputs.channels(of: group.name).map(\.channel)
        switch group.kind {
        case .forLoop:
            channels = channels.filter { channel in
                guard channel.loopArgument != nil, channel.isWithItemsLoopArgument else { return true }
                for name in (topology.groupPath[group.name] ?? []).reversed() {
                    if let argument = topology.loopGroup(name)?.loop?.argument, argument.name.contains(channel.name) { return true }
                }
                return false
            }
            if let argument = group.loop?.argument {
                if case .loopArgument(_, .channel(let items)) = argument.origin { channels.append(items) }
                channels.append(argument)
            }
        case .condition:
            channels += group.conditions.flatMap(\.channels)
        default: break
        }
        channels = Self.unique(channels)
        let surfaced = group.kind == .exitHandler ? [:] : (outputs.outputs[group.name] ?? [:])
        var component = GroupSpecLowering.componentSpec(inputs: channels, outputs: surfaced)
        component.dag = DagSpec(tasks: [:], outputs: Self.dagOutputs(surfaced))
        let task = GroupSpecLowering.taskSpec(group, inputs: channels, siblings: siblings, parentIsRoot: parentIsRoot)
        return (task, component)
    }

    private static func unique(_ channels: [Channel]) -> [Channel] {
        var seen: Set<ChannelIdentity> = []
        return channels.filter { seen.insert(ChannelIdentity($0)).inserted }
    }

    /// DAG outputs for surfaced values: one selector per value, several for a OneOf.
    static func dagOutputs(_ surfaced: [String: Channel]) -> DagOutputs? {
        var parameters: [String: DagOutputParameter] = [:]
        var artifacts: [String: DagOutputArtifact] = [:]
        for (name, channel) in surfaced {
            let sources: [Channel]
            if case .oneOf(_, _, let inner) = channel.origin { sources = inner } else { sources = [channel] }
            if channel.isArtifact {
                artifacts[name] = DagOutputArtifact(
                    artifactSelectors: sources.map { ArtifactSelector(producerSubtask: $0.taskName ?? "", outputArtifactKey: $0.name) })
            } else if case .oneOf = channel.origin {
                parameters[name] = DagOutputParameter(
                    valueFromOneof: sources.map { ParameterSelector(producerSubtask: $0.taskName ?? "", outputParameterKey: $0.name) })
            } else {
                parameters[name] = DagOutputParameter(
                    valueFromParameter: ParameterSelector(producerSubtask: channel.taskName ?? "", outputParameterKey: channel.name))
            }
        }
        if parameters.isEmpty && artifacts.isEmpty { return nil }
        return DagOutputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    /// `ignore_upstream_failure`: run when upstream tasks completed in any state, and hand a
    /// `TASK_FINAL_STATUS` input the one upstream task's status.
    private mutating func modifiedForUpstreamFailure(_ task: TaskNode, _ spec: PipelineTaskSpec) -> PipelineTaskSpec {
        guard task.options.ignoresUpstreamFailure else { return spec }
        var spec = spec
        var policy = spec.triggerPolicy ?? TriggerPolicy()
        policy.strategy = .allUpstreamTasksCompleted
        spec.triggerPolicy = policy
        let statusInputs = (task.component.inputDefinitions?.parameters ?? [:]).filter { $0.value.parameterType == .taskFinalStatus }
        for input in statusInputs.keys.sorted() {
            let upstream = dependencies.dependencies[task.name].map { Array($0).sorted() } ?? []
            guard upstream.count == 1, let producer = upstream.first else {
                diagnostics.append(
                    DefinitionError.Diagnostic(
                        .topology,
                        "task '\(task.name)' ignores upstream failure and reads the final status '\(input)'; it needs exactly one upstream task in the same group, found \(upstream.count)",
                        at: task.callSite))
                continue
            }
            var parameters = spec.inputs?.parameters ?? [:]
            parameters[input] = TaskInputParameter(taskFinalStatus: TaskFinalStatusReference(producerTask: producer))
            spec.inputs = TaskInputs(parameters: parameters, artifacts: spec.inputs?.artifacts)
        }
        return spec
    }
}
