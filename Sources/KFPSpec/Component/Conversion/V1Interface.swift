/// The inputs and outputs of a converted v1 component: IR definitions and the entries placeholders use.
///
/// Follows `from_v1_component_spec` and `_build_component_spec_from_component_spec_structure`:
/// names are sanitized (`Input data` → `input_data`); types are mapped by ``V1TypeClassifier``;
/// an input is optional when it says `optional: true` or has a non-null `default`; a parameter
/// input's default is computed by ``V1DefaultValue``; an optional artifact gets `isOptional` and no
/// default; a `PipelineTaskFinalStatus` input is an optional `TASK_FINAL_STATUS` parameter.
/// Descriptions are not carried over, as KFP does not carry them.
///
/// Beyond KFP: an input that is not of a parameter type but is used with `inputValue` becomes a
/// `STRING` parameter (KFP refuses the component). Two inputs (or two outputs) whose sanitized names
/// collide, and an input used both as a value and as a file, throw a ``SpecError``.
struct V1Interface {
    var inputDefinitions = ComponentInputs()
    var outputDefinitions = ComponentOutputs()
    /// Inputs by name as written.
    var inputs: [String: V1InterfaceEntry] = [:]
    /// Outputs by name as written.
    var outputs: [String: V1InterfaceEntry] = [:]

    init(component: V1ComponentSpec, usage: V1InputUsage) throws(SpecError) {
        var inputNames: [String: String] = [:]
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for (index, input) in (component.inputs ?? []).enumerated() {
            let path = SpecPath("inputs").appending(index: index)
            let name = try Self.irName(input.name, field: "input", at: path, seen: &inputNames)
            var kind = V1TypeClassifier.kind(of: input.type, isInput: true)
            if !kind.isParameter, usage.valueInputs.contains(input.name) {
                if usage.artifactInputs.contains(input.name) {
                    throw SpecError(
                        .validation, file: nil,
                        message: "input '\(input.name)' is used both as a value (inputValue) and as a file (inputPath, inputUri or inputMetadata)",
                        path: path)
                }
                kind = .parameter(usage.valueTypes[input.name] ?? .string)
            }
            let optional = input.optional == true || (input.default != nil && input.default != .null)
            switch kind {
            case .parameter(let type):
                var definition = InputParameterDefinition(parameterType: type)
                if optional {
                    definition.isOptional = true
                    definition.defaultValue = try V1DefaultValue(input: input, path: path.appending("default"))
                        .irDefault(as: type)
                }
                parameters[name] = definition
            case .taskFinalStatus:
                parameters[name] = InputParameterDefinition(parameterType: .taskFinalStatus, isOptional: true)
            case .artifact(let title):
                artifacts[name] = InputArtifactDefinition(
                    artifactType: ArtifactTypeSchema(schemaTitle: title), isOptional: optional ? true : nil)
            }
            inputs[input.name] = V1InterfaceEntry(irName: name, kind: kind, type: input.type)
        }
        inputDefinitions = ComponentInputs(
            parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)

        var outputNames: [String: String] = [:]
        var outputParameters: [String: OutputParameterDefinition] = [:]
        var outputArtifacts: [String: OutputArtifactDefinition] = [:]
        for (index, output) in (component.outputs ?? []).enumerated() {
            let path = SpecPath("outputs").appending(index: index)
            let name = try Self.irName(output.name, field: "output", at: path, seen: &outputNames)
            let kind = V1TypeClassifier.kind(of: output.type, isInput: false)
            switch kind {
            case .parameter(let type):
                outputParameters[name] = OutputParameterDefinition(parameterType: type)
            case .taskFinalStatus, .artifact:
                let title = if case .artifact(let title) = kind { title } else { "system.Artifact" }
                outputArtifacts[name] = OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: title))
            }
            outputs[output.name] = V1InterfaceEntry(irName: name, kind: kind, type: output.type)
        }
        outputDefinitions = ComponentOutputs(
            parameters: outputParameters.isEmpty ? nil : outputParameters,
            artifacts: outputArtifacts.isEmpty ? nil : outputArtifacts)
    }

    /// The IR inputs, or `nil` when there are none (KFP leaves the field out).
    var inputDefinitionsIfAny: ComponentInputs? {
        inputDefinitions.parameters == nil && inputDefinitions.artifacts == nil ? nil : inputDefinitions
    }

    /// The IR outputs, or `nil` when there are none.
    var outputDefinitionsIfAny: ComponentOutputs? {
        outputDefinitions.parameters == nil && outputDefinitions.artifacts == nil ? nil : outputDefinitions
    }

    private static func irName(
        _ name: String, field: String, at path: SpecPath, seen: inout [String: String]
    ) throws(SpecError) -> String {
        let sanitized = KFPNames.ioName(name)
        guard !sanitized.isEmpty else {
            throw SpecError(
                .validation, file: nil,
                message: "\(field) name '\(name)' has no letters or digits; KFP names \(field)s by [a-z0-9_]",
                path: path.appending("name"))
        }
        if let other = seen[sanitized] {
            throw SpecError(
                .validation, file: nil,
                message: "\(field)s '\(other)' and '\(name)' both become '\(sanitized)' in KFP 2.x", path: path.appending("name"))
        }
        seen[sanitized] = name
        return sanitized
    }
}

/// An input or output of the converted component: its IR name and kind, and its v1 type as written.
struct V1InterfaceEntry: Sendable, Hashable {
    var irName: String
    var kind: V1IOKind
    var type: JSONValue?
}

/// How the command line of a v1 container uses each input: as a value (`inputValue`), or as an
/// artifact (`inputPath`, `inputUri`, `inputMetadata`).
///
/// KFP 2.x refuses a component whose `inputValue` names an input that is not of a parameter type
/// ("cannot be paired with InputValuePlaceholder"); the converter instead makes such an input a
/// `STRING` parameter, which needs to know every use, including those inside `concat`, `if`,
/// `ifPresent` and env values.
struct V1InputUsage: Sendable, Hashable {
    /// Input names (as written) used with `inputValue`.
    var valueInputs: Set<String> = []
    /// Input names (as written) used with `inputPath`, `inputUri` or `inputMetadata`.
    var artifactInputs: Set<String> = []
    /// The parameter type a non-parameter input in ``valueInputs`` becomes; `STRING` when absent.
    /// A graph input passed only to `NUMBER_INTEGER` inputs becomes a `NUMBER_INTEGER` parameter.
    var valueTypes: [String: ParameterType] = [:]

    /// No uses: every input keeps the kind its type gives it.
    init() {}

    /// The uses in the command, args and env of `container`.
    init(container: V1ContainerSpec) {
        for argument in (container.command ?? []) + (container.args ?? []) + (container.env ?? [:]).values.map({ $0 }) {
            record(argument)
        }
    }

    private mutating func record(_ argument: V1Argument) {
        switch argument {
        case .inputValue(let name):
            valueInputs.insert(name)
        case .inputPath(let name), .inputUri(let name), .inputMetadata(let name):
            artifactInputs.insert(name)
        case .concat(let items):
            items.forEach { record($0) }
        case .ifPlaceholder(let condition, let then, let otherwise):
            if case .inputValue(let name) = condition { valueInputs.insert(name) }
            (then.elements + (otherwise?.elements ?? [])).forEach { record($0) }
        case .ifPresent(_, let then, let otherwise):
            (then + (otherwise ?? [])).forEach { record($0) }
        case .literal, .outputPath, .outputUri, .outputMetadata, .inputOutputPortName, .executorInput:
            break
        }
    }
}
