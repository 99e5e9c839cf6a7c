import KFP
import KFPSpec

/// A task's `PipelineTaskSpec` as KFP builds it (`build_task_spec_for_task` and
/// `replace_and_inject_placeholders`): each argument becomes a task output reference, a component
/// input of the enclosing DAG, or a constant whose interpolated channels turn into injected
/// `pipelinechannel--` inputs.
struct TaskSpecLowering {
    func taskSpec(
        _ task: TaskNode, arguments: [String: TaskArgument.Value], parentInputs: ComponentInputs?,
        siblings: Set<String>
    ) -> PipelineTaskSpec {
        var spec = PipelineTaskSpec(
            componentRef: ComponentRef(name: "comp-\(task.name)"),
            taskInfo: TaskInfo(name: task.options.displayName ?? task.name))
        spec.cachingOptions = CachingOptions(enableCache: task.options.cachingEnabled ? true : nil)
        if let retry = task.options.retry {
            spec.retryPolicy = RetryPolicy(
                maxRetryCount: retry.maxRetryCount, backoffDuration: retry.backoffDuration,
                backoffFactor: retry.backoffFactor, backoffMaxDuration: retry.backoffMaxDuration)
        }
        var parameters: [String: TaskInputParameter] = [:]
        var artifacts: [String: TaskInputArtifact] = [:]
        for (input, value) in arguments {
            switch value {
            case .channel(let channel):
                bind(channel, to: input, parameters: &parameters, artifacts: &artifacts, parentInputs: parentInputs, siblings: siblings)
            case .constant, .text, .list, .object:
                let replaced = inject(value, parameters: &parameters, parentInputs: parentInputs, siblings: siblings)
                parameters[input] = TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: replaced))
            }
        }
        if case .component(let component) = task.component, component.singleStep?.executor.container != nil {
            for (field, text) in ExecutorLowering.channelOptions(task) {
                let replaced = inject(.text(text), parameters: &parameters, parentInputs: parentInputs, siblings: siblings)
                parameters[field.inputName] = TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: replaced))
            }
        }
        if !parameters.isEmpty || !artifacts.isEmpty {
            spec.inputs = TaskInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        }
        return spec
    }

    private func bind(
        _ channel: Channel, to input: String, parameters: inout [String: TaskInputParameter],
        artifacts: inout [String: TaskInputArtifact], parentInputs: ComponentInputs?, siblings: Set<String>
    ) {
        switch channel.origin {
        case .taskFinalStatus, .invalid: return
        case .loopArgument:
            if channel.isArtifact {
                artifacts[input] = TaskInputArtifact(componentInputArtifact: channel.injectedInputName)
            } else {
                parameters[input] = TaskInputParameter(componentInputParameter: channel.injectedInputName)
            }
            return
        case .loopVariable(let argument, let key):
            var parameter = TaskInputParameter(componentInputParameter: argument.injectedInputName)
            parameter.parameterExpressionSelector = "parseJson(string_value)[\"\(key)\"]"
            parameters[input] = parameter
            return
        default: break
        }
        let producer = channel.taskName ?? ""
        if channel.isArtifact {
            if !producer.isEmpty, siblings.contains(producer) {
                artifacts[input] = TaskInputArtifact(
                    taskOutputArtifact: TaskOutputArtifactReference(producerTask: producer, outputArtifactKey: channel.name))
            } else if !producer.isEmpty {
                artifacts[input] = TaskInputArtifact(componentInputArtifact: channel.injectedInputName)
            } else {
                let direct = parentInputs?.artifacts?[channel.fullName] != nil
                artifacts[input] = TaskInputArtifact(componentInputArtifact: direct ? channel.fullName : channel.injectedInputName)
            }
        } else {
            parameters[input] = parameterSource(channel, parentInputs: parentInputs, siblings: siblings)
        }
    }

    private func parameterSource(_ channel: Channel, parentInputs: ComponentInputs?, siblings: Set<String>) -> TaskInputParameter {
        let producer = channel.taskName ?? ""
        if !producer.isEmpty, siblings.contains(producer) {
            return TaskInputParameter(
                taskOutputParameter: TaskOutputParameterReference(producerTask: producer, outputParameterKey: channel.name))
        }
        if !producer.isEmpty { return TaskInputParameter(componentInputParameter: channel.injectedInputName) }
        let direct = parentInputs?.parameters?[channel.fullName] != nil
        return TaskInputParameter(componentInputParameter: direct ? channel.fullName : channel.injectedInputName)
    }

    /// The argument as a constant, each interpolated channel written as
    /// `{{$.inputs.parameters['pipelinechannel--...']}}`, with that input added to the task.
    func inject(
        _ value: TaskArgument.Value, parameters: inout [String: TaskInputParameter], parentInputs: ComponentInputs?,
        siblings: Set<String>
    ) -> JSONValue {
        for channel in value.channels {
            parameters[channel.injectedInputName] = parameterSource(channel, parentInputs: parentInputs, siblings: siblings)
        }
        return value.rendered(ExecutorLowering.placeholder)
    }
}
