/// The IR KFP writes for one component on its own (`component.pipeline_spec`, what
/// `output_component_file` saves): a pipeline named after the component whose root DAG runs one
/// task of it.
///
/// Shape (KFP 2.x `BaseComponent._build_pipeline_spec`): `pipelineInfo.name`, the root task,
/// `comp-<name>` and `exec-<name>` all use the Kubernetes-safe `name`; the root and the component
/// share the input and output definitions; the root task takes every input from the root
/// (`componentInputParameter`, `componentInputArtifact`), caches (`enableCache: true`), and the root
/// DAG surfaces every output.
package enum SingleComponentIR {
    /// The single-component IR for an executor.
    ///
    /// - Parameters:
    ///   - name: the Kubernetes-safe component name (`maybe_rename_for_k8s` already applied).
    ///   - inputs: the input definitions, `nil` when there are none.
    ///   - outputs: the output definitions, `nil` when there are none.
    ///   - executor: the container or importer executor.
    ///   - description: `pipelineInfo.description`, from the component's description.
    ///   - sdkVersion: the `sdkVersion` to record.
    package static func make(
        name: String, inputs: ComponentInputs?, outputs: ComponentOutputs?, executor: ExecutorSpec,
        description: String? = nil, sdkVersion: String
    ) -> PipelineSpec {
        let componentName = "comp-\(name)"
        let executorLabel = "exec-\(name)"
        var task = PipelineTaskSpec(componentRef: ComponentRef(name: componentName), taskInfo: TaskInfo(name: name))
        task.cachingOptions = CachingOptions(enableCache: true)
        let taskInputs = TaskInputs(
            parameters: inputs?.parameters?.keys.reduce(into: [:]) { result, key in
                result[key] = TaskInputParameter(componentInputParameter: key)
            },
            artifacts: inputs?.artifacts?.keys.reduce(into: [:]) { result, key in
                result[key] = TaskInputArtifact(componentInputArtifact: key)
            })
        task.inputs = taskInputs.parameters == nil && taskInputs.artifacts == nil ? nil : taskInputs

        let dagOutputs = DagOutputs(
            parameters: outputs?.parameters?.keys.reduce(into: [:]) { result, key in
                result[key] = DagOutputParameter(
                    valueFromParameter: ParameterSelector(producerSubtask: name, outputParameterKey: key))
            },
            artifacts: outputs?.artifacts?.keys.reduce(into: [:]) { result, key in
                result[key] = DagOutputArtifact(
                    artifactSelectors: [ArtifactSelector(producerSubtask: name, outputArtifactKey: key)])
            })
        let hasOutputs = dagOutputs.parameters != nil || dagOutputs.artifacts != nil

        var root = ComponentSpec(inputDefinitions: inputs, outputDefinitions: outputs)
        root.dag = DagSpec(tasks: [name: task], outputs: hasOutputs ? dagOutputs : nil)
        let leaf = ComponentSpec(inputDefinitions: inputs, outputDefinitions: outputs, executorLabel: executorLabel)
        return PipelineSpec(
            pipelineInfo: PipelineInfo(name: name, description: description),
            deploymentSpec: DeploymentSpec(executors: [executorLabel: executor]),
            sdkVersion: sdkVersion, schemaVersion: "2.1.0", components: [componentName: leaf], root: root)
    }
}
