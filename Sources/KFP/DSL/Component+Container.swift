public import KFPSpec

/// A declared input or output of a container component.
public struct ComponentIO: Sendable {
    package enum Kind: Sendable {
        case parameter(ParameterType)
        case artifact(ArtifactTypeSchema, isList: Bool)
    }

    package let name: String
    package let kind: Kind
    package let defaultValue: JSONValue?
    package let isOptional: Bool
    package let description: String?

    /// A parameter; one with a default is optional.
    public static func parameter(
        _ name: String, _ type: ParameterType, default defaultValue: JSONValue? = nil, isOptional: Bool = false,
        description: String? = nil
    ) -> ComponentIO {
        ComponentIO(
            name: name, kind: .parameter(type), defaultValue: defaultValue, isOptional: isOptional || defaultValue != nil,
            description: description)
    }

    /// An artifact (a list of artifacts when `isList`).
    public static func artifact(
        _ name: String, _ type: ArtifactTypeSchema, isList: Bool = false, isOptional: Bool = false, description: String? = nil
    ) -> ComponentIO {
        ComponentIO(name: name, kind: .artifact(type, isList: isList), defaultValue: nil, isOptional: isOptional, description: description)
    }
}

extension Component {
    /// A container component (KFP's `@dsl.container_component`): an image run with `command` and
    /// `args` whose placeholders name the declared inputs and outputs.
    ///
    /// - Throws: ``DefinitionError`` when the name is not Kubernetes-safe, an input or output is
    ///   declared twice, or a placeholder names an undeclared input or output or uses a parameter
    ///   placeholder for an artifact (or the other way round).
    public static func container(
        name: String, description: String? = nil, inputs: [ComponentIO] = [], outputs: [ComponentIO] = [], image: String,
        command: [ContainerArgument] = [], args: [ContainerArgument] = [], env: [(name: String, value: String)] = [],
        fileID: String = #fileID, line: Int = #line
    ) throws(DefinitionError) -> Component {
        let site = CallSite(fileID: fileID, line: line)
        let interface = ContainerInterface(inputs: inputs, outputs: outputs)
        var diagnostics = interface.check(name: name, at: site)
        let renderer = PlaceholderRenderer(interface: interface, site: site)
        let renderedCommand = command.map { renderer.render($0) }
        let renderedArgs = args.map { renderer.render($0) }
        diagnostics += renderer.diagnostics
        if !diagnostics.isEmpty { throw DefinitionError(diagnostics) }
        let container = ContainerSpec(
            image: image, command: renderedCommand.isEmpty ? nil : renderedCommand, args: renderedArgs.isEmpty ? nil : renderedArgs,
            env: env.isEmpty ? nil : env.map { EnvironmentVariable(name: $0.name, value: $0.value) })
        let spec = SingleComponentIR.make(
            name: KFPNames.k8sName(name), inputs: interface.inputDefinitions, outputs: interface.outputDefinitions,
            executor: ExecutorSpec(container: container), description: description, sdkVersion: "swift-kfp-0.1.0")
        return Component(spec: spec, name: name)
    }
}
