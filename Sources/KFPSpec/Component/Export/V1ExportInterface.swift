/// The v1 inputs and outputs of a component's IR definitions, the inverse of ``V1Interface``.
///
/// Inputs and outputs are sorted by name (the IR holds them in maps). Each keeps its IR name,
/// which must already be what KFP's `sanitize_input_name` makes of it (`[a-z0-9_]`, no `_` at
/// either end), else KFP 2.x would rename it on loading. Types come from ``V1ExportTypeNames``;
/// a parameter's default from ``V1ExportDefault``; `isOptional` becomes `optional: true`; the
/// description is kept (KFP's loader drops it, so the IR it loads has none).
///
/// Refused: enum inputs (`literals`), lists of artifacts, output artifact metadata or properties,
/// an input declared both as a parameter and as an artifact, and types v1 has no name for.
struct V1ExportInterface {
    var inputs: [V1InputSpec] = []
    var outputs: [V1OutputSpec] = []
    /// Declared names by kind, for the placeholders (``V1PlaceholderReader``).
    var inputParameters: Set<String> = []
    var inputArtifacts: Set<String> = []
    var outputParameters: Set<String> = []
    var outputArtifacts: Set<String> = []

    init(_ component: ComponentSpec, at path: SpecPath, problems: V1ExportProblems) throws(SpecError) {
        let inputPath = path.appending("inputDefinitions")
        for (name, definition) in (component.inputDefinitions?.parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = inputPath.appending("parameters", name)
            let input: V1InputSpec
            do {
                input = try Self.input(name, definition)
            } catch {
                throw problems.error("input '\(name)': \(error.message)", at: here)
            }
            try Self.check(name, field: "input", at: here, problems: problems)
            inputs.append(input)
            inputParameters.insert(name)
        }
        for (name, definition) in (component.inputDefinitions?.artifacts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = inputPath.appending("artifacts", name)
            if inputParameters.contains(name) {
                throw problems.error("input '\(name)' is declared both as a parameter and as an artifact", at: here)
            }
            if definition.isArtifactList == true {
                throw problems.error("input '\(name)' is a list of artifacts, which v1 components cannot declare", at: here)
            }
            try Self.check(name, field: "input", at: here, problems: problems)
            var input = V1InputSpec(name: name, type: .string(try Self.typeName(definition.artifactType, name, "input", here, problems)))
            input.optional = definition.isOptional == true ? true : nil
            input.description = definition.description
            inputs.append(input)
            inputArtifacts.insert(name)
        }
        let outputPath = path.appending("outputDefinitions")
        for (name, definition) in (component.outputDefinitions?.parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = outputPath.appending("parameters", name)
            try Self.check(name, field: "output", at: here, problems: problems)
            let typeName: String
            do {
                typeName = try V1ExportTypeNames.name(
                    of: try V1ExportTypeNames.parameterType(definition.parameterType, primitive: definition.type), isInput: false)
            } catch {
                throw problems.error("output '\(name)': \(error.message)", at: here)
            }
            var output = V1OutputSpec(name: name, type: .string(typeName))
            output.description = definition.description
            outputs.append(output)
            outputParameters.insert(name)
        }
        for (name, definition) in (component.outputDefinitions?.artifacts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = outputPath.appending("artifacts", name)
            if outputParameters.contains(name) {
                throw problems.error("output '\(name)' is declared both as a parameter and as an artifact", at: here)
            }
            if definition.isArtifactList == true {
                throw problems.error("output '\(name)' is a list of artifacts, which v1 components cannot declare", at: here)
            }
            if definition.metadata != nil || definition.properties != nil || definition.customProperties != nil {
                throw problems.error("output '\(name)' sets artifact metadata or properties, which v1 components cannot declare", at: here)
            }
            try Self.check(name, field: "output", at: here, problems: problems)
            var output = V1OutputSpec(name: name, type: .string(try Self.typeName(definition.artifactType, name, "output", here, problems)))
            output.description = definition.description
            outputs.append(output)
            outputArtifacts.insert(name)
        }
        inputs.sort { $0.name < $1.name }
        outputs.sort { $0.name < $1.name }
    }

    private static func input(_ name: String, _ definition: InputParameterDefinition) throws(V1ExportDetail) -> V1InputSpec {
        if definition.literals != nil {
            throw V1ExportDetail("enum values (literals) have no v1 form")
        }
        let type = try V1ExportTypeNames.parameterType(definition.parameterType, primitive: definition.type)
        var input = V1InputSpec(name: name, type: .string(try V1ExportTypeNames.name(of: type, isInput: true)))
        if type != .taskFinalStatus {
            input.default = try definition.defaultValue.flatMap { (value) throws(V1ExportDetail) in
                try V1ExportDefault.text(of: value, as: type)
            }.map(JSONValue.string)
            input.optional = definition.isOptional == true ? true : nil
        } else if definition.defaultValue.map({ $0 != .null }) == true {
            throw V1ExportDetail("a TASK_FINAL_STATUS input cannot have a default")
        }
        input.description = definition.description
        return input
    }

    private static func typeName(
        _ schema: ArtifactTypeSchema, _ name: String, _ field: String, _ path: SpecPath, _ problems: V1ExportProblems
    ) throws(SpecError) -> String {
        do {
            return try V1ExportTypeNames.name(of: schema)
        } catch {
            throw problems.error("\(field) '\(name)': \(error.message)", at: path.appending("artifactType"))
        }
    }

    /// Refuses names KFP 2.x would rename when it loads the v1 component (`sanitize_input_name`).
    private static func check(_ name: String, field: String, at path: SpecPath, problems: V1ExportProblems) throws(SpecError) {
        let sanitized = KFPNames.ioName(name)
        guard sanitized == name else {
            let renamed = sanitized.isEmpty ? "would have no name" : "would be renamed '\(sanitized)'"
            throw problems.error(
                "\(field) '\(name)' \(renamed) when KFP 2.x loads the v1 component (names are [a-z0-9_])", at: path)
        }
    }
}
