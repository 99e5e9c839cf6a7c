/// Converts a v1 container component to the v2 component form: the single-component IR that
/// KFP 2.x's loader produces (`load_component_from_file(...).pipeline_spec`).
///
/// The result matches KFP 2.17.3 (`from_v1_component_spec` then `to_pipeline_spec`) field for field,
/// except `sdkVersion`, which names this library:
///
/// - the name is made Kubernetes-safe (`maybe_rename_for_k8s`, `My Op` → `my-op`; no name is
///   `name`) and used for `pipelineInfo.name`, the root task, `comp-<name>` and `exec-<name>`;
/// - the component and the root share the input and output definitions (``V1Interface``); the
///   root DAG has one task that takes every input from the root (`componentInputParameter`,
///   `componentInputArtifact`), caches (`enableCache: true`), and surfaces every output;
/// - the executor runs the image with the converted `command`, `args` and `env`
///   (``V1PlaceholderConverter``); empty lists are left out.
///
/// Where KFP refuses a component it could have converted, the converter converts it (an
/// `inputValue` on a non-parameter input makes a `STRING` parameter; see ``V1Interface`` and
/// ``V1PlaceholderConverter`` for the rest). Env variables keep the order of the YAML file when
/// converted from a ``LoadedSpec``; from a bare ``V1ComponentSpec`` they are sorted by name.
public struct V1ComponentConverter: Sendable {
    /// The `sdkVersion` written into converted specs.
    public static let sdkVersion = "swift-kfp-0.1.0"

    public init() {}

    /// The IR of `component`.
    ///
    /// - Throws: ``SpecError`` of kind `.validation` when the component is a graph component or a
    ///   placeholder cannot be converted.
    public func pipelineSpec(for component: V1ComponentSpec) throws(SpecError) -> PipelineSpec {
        try convert(component, envOrder: nil)
    }

    /// The IR of a loaded v1 component, with env variables in the order of the file.
    ///
    /// - Throws: ``SpecError`` of kind `.validation` when the document is not a v1 component, is a
    ///   graph component, or a placeholder cannot be converted.
    public func pipelineSpec(for loaded: LoadedSpec) throws(SpecError) -> PipelineSpec {
        guard let component = loaded.v1Component else {
            throw SpecError(.validation, file: loaded.file, message: "expected a v1 component, found a \(loaded.kind.rawValue)")
        }
        var envOrder: [String]?
        let envPath: [SpecPath.Component] = [.key("implementation"), .key("container"), .key("env")]
        if case .mapping(let mapping)? = loaded.source.root.node(at: envPath)?.content {
            envOrder = mapping.keys
        }
        do {
            return try convert(component, envOrder: envOrder)
        } catch {
            var located = error
            for index in located.diagnostics.indices {
                located.diagnostics[index].file = loaded.file
                if let path = located.diagnostics[index].path { located.diagnostics[index].mark = loaded.source.mark(for: path) }
            }
            throw located
        }
    }

    private func convert(_ component: V1ComponentSpec, envOrder: [String]?) throws(SpecError) -> PipelineSpec {
        let implementation = SpecPath("implementation")
        if component.implementation.graph != nil {
            throw SpecError(
                .validation, file: nil,
                message: "'\(component.name ?? "name")' is a graph component; only container components convert to a single-component IR (convert graphs with V1GraphConverter)",
                path: implementation.appending("graph"))
        }
        guard let container = component.implementation.container else {
            throw SpecError(.validation, file: nil, message: "the component has no 'container' implementation", path: implementation)
        }
        let name = KFPNames.k8sName(component.name ?? "name")
        guard KFPNames.isValidPipelineName(name) else {
            throw SpecError(
                .validation, file: nil,
                message: "component name '\(component.name ?? "")' gives the pipeline name '\(name)', which does not match ^[a-z0-9][a-z0-9-]{0,127}$",
                path: SpecPath("name"))
        }
        let parts = try V1ContainerParts(component: component, container: container, envOrder: envOrder)
        let interface = parts.interface
        let executor = parts.container
        return SingleComponentIR.make(
            name: name, inputs: interface.inputDefinitionsIfAny, outputs: interface.outputDefinitionsIfAny,
            executor: ExecutorSpec(container: executor), sdkVersion: Self.sdkVersion)
    }
}
