import KFPSpec

/// The declared inputs and outputs of a container component, as IR definitions.
struct ContainerInterface {
    let inputs: [ComponentIO]
    let outputs: [ComponentIO]

    func input(_ name: String) -> ComponentIO? { inputs.first { $0.name == name } }
    func output(_ name: String) -> ComponentIO? { outputs.first { $0.name == name } }

    func check(name: String, at site: CallSite) -> [DefinitionError.Diagnostic] {
        var diagnostics: [DefinitionError.Diagnostic] = []
        if !KFPNames.isValidPipelineName(KFPNames.k8sName(name)) {
            diagnostics.append(.init(.invalidName, "component name '\(name)' has no letters or digits to name it by", at: site))
        }
        for list in [inputs, outputs] {
            var seen: Set<String> = []
            for item in list where !seen.insert(item.name).inserted {
                diagnostics.append(.init(.invalidName, "'\(item.name)' is declared twice", at: site))
            }
        }
        for item in inputs {
            if case .parameter(let type) = item.kind, let value = item.defaultValue, !type.accepts(value) {
                diagnostics.append(
                    .init(.typeMismatch, "default of input '\(item.name)' must be \(type.rawValue); found \(value.kindName) \(value.compactJSON())", at: site))
            }
        }
        return diagnostics
    }

    var inputDefinitions: ComponentInputs? {
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for item in inputs {
            switch item.kind {
            case .parameter(let type):
                parameters[item.name] = InputParameterDefinition(
                    parameterType: type, defaultValue: item.defaultValue, isOptional: item.isOptional ? true : nil,
                    description: item.description)
            case .artifact(let schema, let isList):
                artifacts[item.name] = InputArtifactDefinition(
                    artifactType: schema, isArtifactList: isList ? true : nil, isOptional: item.isOptional ? true : nil,
                    description: item.description)
            }
        }
        if parameters.isEmpty && artifacts.isEmpty { return nil }
        return ComponentInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    var outputDefinitions: ComponentOutputs? {
        var parameters: [String: OutputParameterDefinition] = [:]
        var artifacts: [String: OutputArtifactDefinition] = [:]
        for item in outputs {
            switch item.kind {
            case .parameter(let type): parameters[item.name] = OutputParameterDefinition(parameterType: type, description: item.description)
            case .artifact(let schema, let isList):
                artifacts[item.name] = OutputArtifactDefinition(
                    artifactType: schema, isArtifactList: isList ? true : nil, description: item.description)
            }
        }
        if parameters.isEmpty && artifacts.isEmpty { return nil }
        return ComponentOutputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }
}

/// Writes container arguments as IR strings: placeholders as `{{$.inputs.parameters['x']}}` and
/// friends, `Concat` and `IfPresent` as the JSON text KFP writes, checking every name.
final class PlaceholderRenderer {
    let interface: ContainerInterface
    let site: CallSite
    private(set) var diagnostics: [DefinitionError.Diagnostic] = []

    init(interface: ContainerInterface, site: CallSite) {
        self.interface = interface
        self.site = site
    }

    func render(_ argument: ContainerArgument) -> String {
        if argument.parts.count == 1, let part = argument.parts.first, let structured = structured(part) {
            return structured.text
        }
        return argument.parts.map(text).joined()
    }

    private func structured(_ part: ContainerArgument.Part) -> OrderedJSON? {
        switch part {
        case .concat(let items):
            return .ordered(["Concat": .array(items.map(element))])
        case .ifPresent(let name, let then, let otherwise):
            if interface.input(name) == nil { report("IfPresent names input '\(name)', which is not declared") }
            var members: [OrderedJSON.Member] = [
                .init(key: "InputName", value: .string(name)), .init(key: "Then", value: .array(then.map(element))),
            ]
            if let otherwise { members.append(.init(key: "Else", value: .array(otherwise.map(element)))) }
            return .ordered(["IfPresent": .object(members)])
        default: return nil
        }
    }

    private func element(_ argument: ContainerArgument) -> OrderedJSON {
        if argument.parts.count == 1, let part = argument.parts.first, let structured = structured(part) { return structured }
        return .string(argument.parts.map(text).joined())
    }

    private func text(_ part: ContainerArgument.Part) -> String {
        switch part {
        case .text(let text): return text
        case .inputValue(let name):
            expect(name, input: true, artifact: false, placeholder: "inputValue")
            return RuntimePlaceholder.inputParameter(name).text
        case .inputPath(let name):
            expect(name, input: true, artifact: true, placeholder: "inputPath")
            return RuntimePlaceholder.artifact(.inputs, name, .path).text
        case .inputURI(let name):
            expect(name, input: true, artifact: true, placeholder: "inputURI")
            return RuntimePlaceholder.artifact(.inputs, name, .uri).text
        case .inputMetadata(let name):
            expect(name, input: true, artifact: true, placeholder: "inputMetadata")
            return RuntimePlaceholder.artifact(.inputs, name, .metadata).text
        case .inputArtifactList(let name):
            expect(name, input: true, artifact: true, placeholder: "inputArtifactList")
            if case .artifact(_, isList: false)? = interface.input(name)?.kind {
                report("inputArtifactList needs a list-of-artifacts input; '\(name)' is a single artifact")
            }
            return RuntimePlaceholder.artifact(.inputs, name, .list).text
        case .outputPath(let name):
            expect(name, input: false, artifact: true, placeholder: "outputPath")
            return RuntimePlaceholder.artifact(.outputs, name, .path).text
        case .outputURI(let name):
            expect(name, input: false, artifact: true, placeholder: "outputURI")
            return RuntimePlaceholder.artifact(.outputs, name, .uri).text
        case .outputMetadata(let name):
            expect(name, input: false, artifact: true, placeholder: "outputMetadata")
            return RuntimePlaceholder.artifact(.outputs, name, .metadata).text
        case .outputParameterFile(let name):
            expect(name, input: false, artifact: false, placeholder: "outputParameterFile")
            return RuntimePlaceholder.outputParameterFile(name).text
        case .executorInput: return RuntimePlaceholder.executorInput.text
        case .concat, .ifPresent: return structured(part)?.text ?? ""
        }
    }

    private func expect(_ name: String, input: Bool, artifact: Bool, placeholder: String) {
        let side = input ? "input" : "output"
        guard let item = input ? interface.input(name) : interface.output(name) else {
            report("\(placeholder) names \(side) '\(name)', which is not declared")
            return
        }
        switch (item.kind, artifact) {
        case (.parameter, true): report("\(placeholder) needs an artifact \(side); '\(name)' is a parameter")
        case (.artifact, false): report("\(placeholder) needs a parameter \(side); '\(name)' is an artifact")
        default: break
        }
    }

    private func report(_ message: String) {
        diagnostics.append(.init(.invalidComponent, message, at: site))
    }
}
