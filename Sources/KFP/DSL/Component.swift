public import KFPSpec

/// A reusable pipeline step: KFP's component.
///
/// A component is its IR, exactly what KFP's `output_component_file` writes and
/// `kfp.components.load_component_from_file` reads: a `PipelineSpec` whose root DAG runs
/// one executor (container components, Python function components, importers), or a whole pipeline
/// (a pipeline used as a component). Components come from
/// - a container definition: ``container(name:description:inputs:outputs:image:command:args:env:fileID:line:)``,
/// - a `component.yaml` (v1) or v2 component IR: ``init(yaml:file:)``, ``init(contentsOf:)``,
///   ``load(from:)``,
/// - Python source with a `def`: ``PythonComponent``,
/// - a ``Pipeline``: `PipelineCompiler().component(pipeline)` (module `KFPCompiler`).
///
/// ```swift
/// let download = try Component(contentsOf: URL(fileURLWithPath: "web-download.yaml"))
/// ```
public struct Component: Sendable {
    /// The name tasks are named after, before KFP's Kubernetes-safe renaming (`Download data`,
    /// `Flip coin op`); `maybe_rename_for_k8s` of it is the spec's `pipelineInfo.name`.
    public let name: String
    /// The component IR (a single-component pipeline spec, or a pipeline's spec).
    public let spec: PipelineSpec

    /// How this program runs the component's step, for a ``SwiftComponent``; `nil` otherwise.
    package var swiftEntry: SwiftComponentEntry?

    /// A component from its IR, named after `spec.pipelineInfo.name` unless `name` is given.
    public init(spec: PipelineSpec, name: String? = nil) {
        self.spec = spec
        self.name = name ?? spec.pipelineInfo.name
    }

    /// The component's description (`pipelineInfo.description`), if any.
    public var description: String? { spec.pipelineInfo.description }

    /// The input definitions (the root's `inputDefinitions`), `nil` when there are no inputs.
    public var inputDefinitions: ComponentInputs? { spec.root.inputDefinitions }

    /// The output definitions (the root's `outputDefinitions`), `nil` when there are no outputs.
    public var outputDefinitions: ComponentOutputs? { spec.root.outputDefinitions }

    /// The one executor of a single-step component and the component spec that runs it; `nil` for
    /// a pipeline used as a component.
    package var singleStep: (component: ComponentSpec, executor: ExecutorSpec)? {
        guard spec.isSingleComponent, let task = spec.root.dag?.tasks?.values.first,
            let component = spec.components?[task.componentRef.name], let label = component.executorLabel,
            let executor = spec.deploymentSpec?.executors?[label]
        else { return nil }
        return (component, executor)
    }

    /// The names of the inputs a task must set: those without a default that are not optional.
    public var requiredInputNames: [String] {
        let parameters = (inputDefinitions?.parameters ?? [:]).filter { !$0.value.mayBeOmitted }.map(\.key)
        let artifacts = (inputDefinitions?.artifacts ?? [:]).filter { $0.value.isOptional != true }.map(\.key)
        return (parameters + artifacts).sorted()
    }
}
