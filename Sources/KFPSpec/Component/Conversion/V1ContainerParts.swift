/// The parts of a converted v1 container component: its IR interface and its container executor.
///
/// Shared by ``V1ComponentConverter`` (one component, one task) and ``V1GraphConverter`` (one
/// component and executor per graph task). The container runs the image with the converted
/// `command`, `args` and `env` (``V1PlaceholderConverter``); empty lists and empty env values are
/// left out, and ``SpecWriter`` leaves out an empty image, as KFP's proto3 output does.
struct V1ContainerParts {
    /// The inputs and outputs, as IR definitions and as the entries placeholders and arguments use.
    var interface: V1Interface
    /// The executor's container.
    var container: ContainerSpec

    /// Converts `container`, the implementation of `component`.
    ///
    /// - Parameter envOrder: env variable names in the order of the file; others follow, sorted.
    /// - Throws: ``SpecError`` of kind `.validation`, with a path relative to the component, when
    ///   an input or output name or a placeholder cannot be converted.
    init(component: V1ComponentSpec, container: V1ContainerSpec, envOrder: [String]?) throws(SpecError) {
        interface = try V1Interface(component: component, usage: V1InputUsage(container: container))
        self.container = try Self.executorSpec(container, interface: interface, envOrder: envOrder)
    }

    private static func executorSpec(
        _ container: V1ContainerSpec, interface: V1Interface, envOrder: [String]?
    ) throws(SpecError) -> ContainerSpec {
        let placeholders = V1PlaceholderConverter(inputs: interface.inputs, outputs: interface.outputs)
        let here = SpecPath("implementation", "container")
        func strings(_ arguments: [V1Argument]?, field: String) throws(SpecError) -> [String]? {
            var result: [String] = []
            for (index, argument) in (arguments ?? []).enumerated() {
                result += try placeholders.convert(argument, at: here.appending(field).appending(index: index))
                    .map(\.commandLineText)
            }
            return result.isEmpty ? nil : result
        }
        let env = container.env ?? [:]
        let written = (envOrder ?? []).filter { env[$0] != nil }
        let names = written + env.keys.filter { !written.contains($0) }.sorted()
        var variables: [EnvironmentVariable] = []
        for name in names {
            guard let value = env[name] else { continue }
            let parts = try placeholders.convert(value, at: here.appending("env", name))
            guard parts.count == 1, let part = parts.first else {
                throw SpecError(
                    .validation, file: nil, message: "env variable '\(name)' must have exactly one value",
                    path: here.appending("env", name))
            }
            // An empty value is proto3's default, which KFP leaves out (`{name: X}`).
            let text = part.commandLineText
            variables.append(EnvironmentVariable(name: name, value: text.isEmpty ? nil : text))
        }
        return ContainerSpec(
            image: container.image, command: try strings(container.command, field: "command"),
            args: try strings(container.args, field: "args"), env: variables.isEmpty ? nil : variables)
    }
}
