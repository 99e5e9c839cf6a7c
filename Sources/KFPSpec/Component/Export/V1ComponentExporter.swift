/// Writes a container component's IR back as a v1 `component.yaml`, the inverse of
/// ``V1ComponentConverter`` (KFP's `output_component_file` for the v1 format).
///
/// The input is a ``PipelineSpec`` that is the IR of one container component
/// (``PipelineSpec/isSingleComponent``: what ``V1ComponentConverter``, KFP's
/// `output_component_file` and a container component's `pipeline_spec` hold). The result, loaded
/// by KFP 2.x (`load_component_from_text`) or converted by ``V1ComponentConverter``, gives the
/// same IR again, `sdkVersion` aside. The mapping inverts the converter's:
///
/// - `pipelineInfo.name` (or the name given) is the v1 `name`; `pipelineInfo.description` the
///   `description`;
/// - each input and output keeps its IR name (already `[a-z0-9_]`), description and optional
///   flag; parameter types and artifact schema titles become the v1 type names that KFP maps back
///   to them (``V1ExportTypeNames``); defaults become v1 default strings (``V1ExportDefault``);
/// - `image`, `command`, `args` and `env` are read back into v1 elements: placeholders become
///   `{inputValue: x}`, `{inputPath: x}`, `{outputPath: x}`, ... and `Concat`/`IfPresent` become
///   `concat`/`if` (``V1PlaceholderReader``).
///
/// What v1 cannot express throws a ``SpecError`` of kind `.validation` naming the component,
/// the construct and its path in the IR: a pipeline or an importer, metadata placeholders,
/// pipeline-level placeholders (`{{$.pipeline_job_name}}`), lists of artifacts, resource settings,
/// platform (Kubernetes) settings, task retry or trigger policies, custom artifact types, enum
/// inputs, env values with placeholders, and names KFP 2.x would rename when loading.
///
/// ```swift
/// let yaml = try V1ComponentExporter().yaml(from: component.spec)
/// ```
public struct V1ComponentExporter: Sendable {
    public init() {}

    /// The v1 component of a container component's IR.
    ///
    /// The v1 `env` is a mapping; ``yaml(from:)`` keeps the IR's env order, this value cannot.
    ///
    /// - Throws: ``SpecError`` of kind `.validation` when `spec` is not a single container
    ///   component or uses something v1 cannot express.
    public func component(from spec: PipelineSpec) throws(SpecError) -> V1ComponentSpec {
        try export(spec, named: nil).component
    }

    /// The v1 `component.yaml` text of a container component's IR, ending with a newline.
    ///
    /// Keys are in the order KFP's v1 files use (`name`, `description`, `inputs`, `outputs`,
    /// `implementation`; `image`, `command`, `args`, `env`), env variables in the IR's order, and
    /// collections of one-line scalars in flow style (`- {name: x, type: String}`), as PyYAML
    /// writes them by default (``V1ExportYAML``).
    ///
    /// - Throws: ``SpecError`` of kind `.validation` as ``component(from:)`` does, or of kind
    ///   `.io` if the YAML emitter fails.
    public func yaml(from spec: PipelineSpec) throws(SpecError) -> String {
        try yaml(from: spec, named: nil)
    }

    /// ``component(from:)`` with the v1 `name` taken from `name` (a DSL component's name before
    /// KFP's Kubernetes-safe renaming, `Download data`) when it renames to `pipelineInfo.name`.
    package func component(from spec: PipelineSpec, named name: String?) throws(SpecError) -> V1ComponentSpec {
        try export(spec, named: name).component
    }

    /// ``yaml(from:)`` with the v1 `name` taken from `name` as ``component(from:named:)`` does.
    package func yaml(from spec: PipelineSpec, named name: String?) throws(SpecError) -> String {
        let exported = try export(spec, named: name)
        return try V1ExportYAML(envOrder: exported.envOrder).text(of: exported.component)
    }

    private func export(
        _ spec: PipelineSpec, named name: String?
    ) throws(SpecError) -> (component: V1ComponentSpec, envOrder: [String]) {
        let source = try V1ExportSource(spec: spec)
        let problems = source.problems
        let interface = try V1ExportInterface(source.component, at: source.componentPath, problems: problems)
        let reader = V1PlaceholderReader(interface: interface, problems: problems)
        let here = source.containerPath
        let container = source.container
        if container.image.contains(RuntimePlaceholder.opening) {
            throw problems.error(
                "the image '\(container.image)' uses a placeholder; a v1 image is a plain string", at: here.appending("image"))
        }
        func arguments(_ strings: [String]?, field: String) throws(SpecError) -> [V1Argument]? {
            var result: [V1Argument] = []
            for (index, text) in (strings ?? []).enumerated() {
                result.append(try reader.argument(text, at: here.appending(field).appending(index: index)))
            }
            return result.isEmpty ? nil : result
        }
        var v1Container = V1ContainerSpec(
            image: container.image, command: try arguments(container.command, field: "command"),
            args: try arguments(container.args, field: "args"))
        var env: [String: V1Argument] = [:]
        var envOrder: [String] = []
        for (index, variable) in (container.env ?? []).enumerated() {
            let path = here.appending("env").appending(index: index)
            let value = variable.value ?? ""
            if env[variable.name] != nil {
                throw problems.error("env variable '\(variable.name)' is set twice; v1 env is a mapping", at: path)
            }
            if value.contains(RuntimePlaceholder.opening) {
                throw problems.error(
                    "env variable '\(variable.name)' uses a placeholder ('\(value)'); v1 env values are plain strings",
                    at: path.appending("value"))
            }
            env[variable.name] = .literal(.string(value))
            envOrder.append(variable.name)
        }
        v1Container.env = env.isEmpty ? nil : env

        var v1Name = source.name
        if let name, KFPNames.k8sName(name) == source.name { v1Name = name }
        let component = V1ComponentSpec(
            name: v1Name, description: source.description, inputs: interface.inputs.isEmpty ? nil : interface.inputs,
            outputs: interface.outputs.isEmpty ? nil : interface.outputs,
            implementation: V1Implementation(container: v1Container))
        return (component, envOrder)
    }
}
