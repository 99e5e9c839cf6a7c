/// Rules for a component's input and output definitions: types present, defaults that fit.
enum DefinitionRules {
    static func check(_ component: ComponentSpec, at path: SpecPath, into report: inout ValidationReport) {
        let inputs = path.appending("inputDefinitions")
        for (name, definition) in (component.inputDefinitions?.parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = inputs.appending("parameters", name)
            guard let type = definition.parameterType ?? definition.type.map(parameterType(for:)) else {
                report.add("required field 'parameterType' is missing", at: here)
                continue
            }
            if let value = definition.defaultValue, !type.accepts(value) {
                report.add(
                    "default value does not fit parameterType \(type.rawValue): expected \(expectation(for: type)), found \(value.kindName) \(value.compactJSON())",
                    at: here.appending("defaultValue"))
            }
            for (index, literal) in (definition.literals ?? []).enumerated() where !type.accepts(literal) {
                report.add(
                    "literal does not fit parameterType \(type.rawValue): expected \(expectation(for: type)), found \(literal.kindName)",
                    at: here.appending("literals").appending(index: index))
            }
        }
        let outputs = path.appending("outputDefinitions")
        for (name, definition) in component.outputDefinitions?.parameters ?? [:]
        where definition.parameterType == nil && definition.type == nil {
            report.add("required field 'parameterType' is missing", at: outputs.appending("parameters", name))
        }
        for (name, definition) in component.inputDefinitions?.artifacts ?? [:] where !isComplete(definition.artifactType) {
            report.add("'artifactType' needs 'schemaTitle', 'instanceSchema' or 'schemaUri'", at: inputs.appending("artifacts", name, "artifactType"))
        }
        for (name, definition) in component.outputDefinitions?.artifacts ?? [:] where !isComplete(definition.artifactType) {
            report.add("'artifactType' needs 'schemaTitle', 'instanceSchema' or 'schemaUri'", at: outputs.appending("artifacts", name, "artifactType"))
        }
    }

    static func parameterType(for primitive: PrimitiveType) -> ParameterType {
        switch primitive {
        case .int: return .numberInteger
        case .double: return .numberDouble
        case .string: return .string
        case .unspecified: return .unspecified
        }
    }

    static func expectation(for type: ParameterType) -> String {
        switch type {
        case .numberInteger: return "an integer"
        case .numberDouble: return "a number"
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .list: return "a list"
        case .struct, .taskFinalStatus, .taskConfig: return "a struct"
        case .unspecified: return "any value"
        }
    }

    private static func isComplete(_ type: ArtifactTypeSchema) -> Bool {
        type.schemaTitle != nil || type.instanceSchema != nil || type.schemaUri != nil
    }
}
