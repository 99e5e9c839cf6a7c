import KFPSpec

/// A pipeline shaped like the Python SDK's output: one component and executor per task, each task
/// taking the previous task's output, a pipeline parameter and a constant.
enum BenchmarkPipeline {
    static func make(taskCount: Int) -> PipelineSpec {
        var components: [String: ComponentSpec] = [:]
        var executors: [String: ExecutorSpec] = [:]
        var tasks: [String: PipelineTaskSpec] = [:]
        for index in 1...taskCount {
            let name = index == 1 ? "step" : "step-\(index)"
            components["comp-\(name)"] = ComponentSpec(
                inputDefinitions: ComponentInputs(parameters: [
                    "previous": InputParameterDefinition(parameterType: .string, isOptional: true),
                    "message": InputParameterDefinition(parameterType: .string),
                    "count": InputParameterDefinition(parameterType: .numberInteger, defaultValue: .double(2)),
                ]),
                outputDefinitions: ComponentOutputs(parameters: ["Output": OutputParameterDefinition(parameterType: .string)]),
                executorLabel: "exec-\(name)")
            executors["exec-\(name)"] = ExecutorSpec(container: ContainerSpec(
                image: "python:3.11",
                command: ["sh", "-c", "echo \"$0 $1\" > \"$2\""],
                args: ["{{$.inputs.parameters['message']}}", "{{$.inputs.parameters['previous']}}",
                       "{{$.outputs.parameters['Output'].output_file}}"]))
            var parameters: [String: TaskInputParameter] = [
                "message": TaskInputParameter(componentInputParameter: "message"),
                "count": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: .int(index))),
            ]
            var task = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-\(name)"), taskInfo: TaskInfo(name: name))
            if index > 1 {
                let previous = index == 2 ? "step" : "step-\(index - 1)"
                parameters["previous"] = TaskInputParameter(
                    taskOutputParameter: TaskOutputParameterReference(producerTask: previous, outputParameterKey: "Output"))
                task.dependentTasks = [previous]
            }
            task.inputs = TaskInputs(parameters: parameters)
            task.cachingOptions = CachingOptions(enableCache: true)
            tasks[name] = task
        }
        return PipelineSpec(
            pipelineInfo: PipelineInfo(name: "benchmark-\(taskCount)-tasks"),
            deploymentSpec: DeploymentSpec(executors: executors),
            sdkVersion: "swift-kfp-0.1.0",
            components: components,
            root: ComponentSpec(
                inputDefinitions: ComponentInputs(parameters: ["message": InputParameterDefinition(parameterType: .string, defaultValue: "hi")]),
                dag: DagSpec(tasks: tasks)))
    }
}
