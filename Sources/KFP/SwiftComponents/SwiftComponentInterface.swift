import KFPSpec

/// A Swift component's inputs and outputs, read from a fresh value's `@Input` and `@Output`
/// properties in declaration order.
struct SwiftComponentInterface {
    struct Field {
        /// The KFP name: `name:` if given, else the property's name.
        let name: String
        let field: any ComponentField
        let type: FieldType
    }

    let inputs: [Field]
    let outputs: [Field]

    /// The interface of `instance`.
    ///
    /// - Throws: ``DefinitionError`` (one diagnostic per mistake, at the property's line): a name
    ///   declared twice, an optional output, a list of output artifacts, a default on an artifact
    ///   input, a default that cannot be written as JSON, a name KFP cannot use.
    init(of instance: some SwiftComponent) throws(DefinitionError) {
        var inputs: [Field] = []
        var outputs: [Field] = []
        var diagnostics: [DefinitionError.Diagnostic] = []
        for child in Mirror(reflecting: instance).children {
            guard let label = child.label, let field = child.value as? any ComponentField else { continue }
            let declaration = field.declaration
            let property = label.hasPrefix("_") ? String(label.dropFirst()) : label
            let name = declaration.name ?? property
            let type = FieldType(of: field.valueType)
            func report(_ message: String) {
                diagnostics.append(.init(.invalidComponent, message, at: declaration.site))
            }
            if !Self.isUsableName(name) {
                report("'\(name)' cannot name an input or output: use letters, digits, '_' and '-'")
            }
            switch declaration.direction {
            case .input:
                if inputs.contains(where: { $0.name == name }) { report("input '\(name)' is declared twice") }
                if case .artifact = type.kind, declaration.defaultValue != nil || declaration.defaultProblem != nil {
                    report("artifact input '\(name)' cannot have a default value; make it optional ('\(field.valueType)?')")
                }
                if case .parameter = type.kind, let problem = declaration.defaultProblem {
                    report("the default value of input '\(name)' cannot be written as JSON: \(problem)")
                }
                inputs.append(Field(name: name, field: field, type: type))
            case .output:
                if outputs.contains(where: { $0.name == name }) { report("output '\(name)' is declared twice") }
                if type.isOptional { report("output '\(name)' cannot be optional: run() sets every output") }
                if case .artifact(_, isList: true) = type.kind {
                    report("output '\(name)' cannot be a list of artifacts: KFP components output one artifact per output")
                }
                outputs.append(Field(name: name, field: field, type: type))
            }
        }
        if !diagnostics.isEmpty { throw DefinitionError(diagnostics) }
        self.inputs = inputs
        self.outputs = outputs
    }

    private static func isUsableName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    var inputDefinitions: ComponentInputs? {
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for input in inputs {
            let declaration = input.field.declaration
            switch input.type.kind {
            case .parameter(let type):
                var definition = InputParameterDefinition(parameterType: type)
                definition.defaultValue = declaration.defaultValue
                definition.isOptional = input.type.isOptional || declaration.defaultValue != nil ? true : nil
                definition.description = declaration.description
                parameters[input.name] = definition
            case .artifact(let schema, let isList):
                var definition = InputArtifactDefinition(artifactType: schema)
                definition.isArtifactList = isList ? true : nil
                definition.isOptional = input.type.isOptional ? true : nil
                definition.description = declaration.description
                artifacts[input.name] = definition
            }
        }
        guard !parameters.isEmpty || !artifacts.isEmpty else { return nil }
        return ComponentInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    var outputDefinitions: ComponentOutputs? {
        var parameters: [String: OutputParameterDefinition] = [:]
        var artifacts: [String: OutputArtifactDefinition] = [:]
        for output in outputs {
            switch output.type.kind {
            case .parameter(let type):
                var definition = OutputParameterDefinition(parameterType: type)
                definition.description = output.field.declaration.description
                parameters[output.name] = definition
            case .artifact(let schema, _):
                var definition = OutputArtifactDefinition(artifactType: schema)
                definition.description = output.field.declaration.description
                artifacts[output.name] = definition
            }
        }
        guard !parameters.isEmpty || !artifacts.isEmpty else { return nil }
        return ComponentOutputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }
}
