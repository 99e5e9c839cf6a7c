public import KFPSpec

/// Generated shell pipelines for the runner benchmarks: N independent tasks, or an N-task chain,
/// each writing its input to its output parameter with `sh -c` in `image`.
public enum ShellPipelines {
    public static func make(tasks count: Int, chained: Bool, image: String = "alpine") -> PipelineSpec {
        let component = ComponentSpec(
            inputDefinitions: ComponentInputs(parameters: ["x": InputParameterDefinition(parameterType: .string, isOptional: true)]),
            outputDefinitions: ComponentOutputs(parameters: ["out": OutputParameterDefinition(parameterType: .string)]),
            executorLabel: "exec-step")
        let executor = ExecutorSpec(container: ContainerSpec(
            image: image, command: ["sh", "-c", "printf %s \"$1\" > \"$0\""],
            args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['x']}}"]))
        var tasks: [String: PipelineTaskSpec] = [:]
        for index in 0..<count {
            var task = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-step"), taskInfo: TaskInfo(name: "t\(index)"))
            if chained, index > 0 {
                task.inputs = TaskInputs(parameters: ["x": TaskInputParameter(
                    taskOutputParameter: TaskOutputParameterReference(producerTask: "t\(index - 1)", outputParameterKey: "out"))])
            } else {
                task.inputs = TaskInputs(parameters: ["x": TaskInputParameter(runtimeValue: ValueOrRuntimeParameter(constant: .string("\(index)")))])
            }
            tasks["t\(index)"] = task
        }
        return PipelineSpec(
            pipelineInfo: PipelineInfo(name: chained ? "chain-\(count)" : "fan-\(count)"),
            deploymentSpec: DeploymentSpec(executors: ["exec-step": executor]),
            components: ["comp-step": component],
            root: ComponentSpec(dag: DagSpec(tasks: tasks)))
    }
}
