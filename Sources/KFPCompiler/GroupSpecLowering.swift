import Foundation
import KFP
import KFPSpec

/// The component and task specs of a control-flow group (KFP's `build_component_spec_for_group`,
/// `build_task_spec_for_group`, `_update_task_spec_for_loop_group` and
/// `_update_task_spec_for_condition_group`).
enum GroupSpecLowering {
    /// The group's component: one input per channel it needs, one output per surfaced value.
    static func componentSpec(inputs: [Channel], outputs: [String: Channel]) -> ComponentSpec {
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for channel in inputs {
            switch channel.kind {
            case .artifact(let schema, let isList):
                artifacts[channel.injectedInputName] = InputArtifactDefinition(artifactType: schema, isArtifactList: isList ? true : nil)
            case .parameter(let type):
                parameters[channel.injectedInputName] = InputParameterDefinition(parameterType: type)
            }
        }
        var outputParameters: [String: OutputParameterDefinition] = [:]
        var outputArtifacts: [String: OutputArtifactDefinition] = [:]
        for (name, channel) in outputs {
            switch channel.kind {
            case .artifact(let schema, let isList):
                outputArtifacts[name] = OutputArtifactDefinition(artifactType: schema, isArtifactList: isList ? true : nil)
            case .parameter(let type):
                outputParameters[name] = OutputParameterDefinition(parameterType: type)
            }
        }
        var spec = ComponentSpec()
        if !parameters.isEmpty || !artifacts.isEmpty {
            spec.inputDefinitions = ComponentInputs(
                parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        }
        if !outputParameters.isEmpty || !outputArtifacts.isEmpty {
            spec.outputDefinitions = ComponentOutputs(
                parameters: outputParameters.isEmpty ? nil : outputParameters,
                artifacts: outputArtifacts.isEmpty ? nil : outputArtifacts)
        }
        return spec
    }

    /// The task that runs the group inside its parent DAG.
    static func taskSpec(
        _ group: GroupNode, inputs: [Channel], siblings: Set<String>, parentIsRoot: Bool
    ) -> PipelineTaskSpec {
        var spec = PipelineTaskSpec(
            componentRef: ComponentRef(name: "comp-\(group.name)"), taskInfo: TaskInfo(name: group.displayName ?? group.name))
        var parameters: [String: TaskInputParameter] = [:]
        var artifacts: [String: TaskInputArtifact] = [:]
        for channel in inputs {
            var fullName = channel.fullName
            var channelName = channel.name
            var selector: String?
            if case .loopVariable(let argument, let key) = channel.origin {
                fullName = argument.fullName
                selector = "parseJson(string_value)[\"\(key)\"]"
                if !channel.isWithItemsLoopArgument, case .loopArgument(_, .channel(let items)) = argument.origin {
                    channelName = items.name
                }
            }
            let inputName = channel.injectedInputName
            let producer = channel.taskName ?? ""
            if channel.isArtifact {
                if !producer.isEmpty, siblings.contains(producer) {
                    artifacts[inputName] = TaskInputArtifact(
                        taskOutputArtifact: TaskOutputArtifactReference(producerTask: producer, outputArtifactKey: channelName))
                } else {
                    artifacts[inputName] = TaskInputArtifact(componentInputArtifact: parentIsRoot ? fullName : inputName)
                }
                continue
            }
            var parameter: TaskInputParameter
            if !producer.isEmpty, siblings.contains(producer) {
                parameter = TaskInputParameter(
                    taskOutputParameter: TaskOutputParameterReference(producerTask: producer, outputParameterKey: channelName))
            } else {
                parameter = TaskInputParameter(componentInputParameter: parentIsRoot ? fullName : IRNames.injectedInput(fullName))
            }
            parameter.parameterExpressionSelector = selector
            parameters[inputName] = parameter
        }
        if !parameters.isEmpty || !artifacts.isEmpty {
            spec.inputs = TaskInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        }
        if let loop = group.loop { applyLoop(loop, to: &spec) }
        if group.kind == .condition { spec.triggerPolicy = TriggerPolicy(condition: ConditionLowering.cel(group.conditions)) }
        return spec
    }

    private static func applyLoop(_ loop: GroupNode.Loop, to spec: inout PipelineTaskSpec) {
        let argument = loop.argument
        guard case .loopArgument(_, let items) = argument.origin else { return }
        switch items {
        case .channel(let source):
            let inputName = source.injectedInputName
            let itemName = argument.injectedInputName
            if argument.isArtifact {
                spec.artifactIterator = ArtifactIterator(items: ArtifactIteratorItems(inputArtifact: inputName), itemInput: itemName)
            } else {
                spec.parameterIterator = ParameterIterator(items: ParameterIteratorItems(inputParameter: inputName), itemInput: itemName)
            }
            removeInput(itemName, from: &spec)
            if case .loopVariable(let sourceArgument, let key) = source.origin {
                var parameter = spec.inputs?.parameters?[inputName] ?? TaskInputParameter()
                parameter.parameterExpressionSelector = "parseJson(string_value)[\"\(key)\"]"
                parameter.componentInputParameter = sourceArgument.injectedInputName
                parameter.taskOutputParameter = nil
                var inputs = spec.inputs ?? TaskInputs()
                var parameters = inputs.parameters ?? [:]
                parameters[inputName] = parameter
                inputs.parameters = parameters
                spec.inputs = inputs
            }
        case .raw(let values):
            let itemName = argument.injectedInputName
            spec.parameterIterator = ParameterIterator(
                items: ParameterIteratorItems(raw: JSONValue.array(values).pythonJSON(sortKeys: true)), itemInput: itemName)
            removeInput(itemName, from: &spec)
        }
        if loop.parallelism > 0 { spec.iteratorPolicy = IteratorPolicy(parallelismLimit: loop.parallelism) }
    }

    private static func removeInput(_ name: String, from spec: inout PipelineTaskSpec) {
        guard var inputs = spec.inputs else { return }
        inputs.parameters?[name] = nil
        inputs.artifacts?[name] = nil
        if inputs.parameters?.isEmpty == true { inputs.parameters = nil }
        if inputs.artifacts?.isEmpty == true { inputs.artifacts = nil }
        spec.inputs = inputs.parameters == nil && inputs.artifacts == nil ? nil : inputs
    }
}
