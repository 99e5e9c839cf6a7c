import KFPPythonSource
import KFPSpec

/// A component interface read from a signature, and the imports KFP adds to the program for it.
struct PythonInterface: Sendable, Hashable {
    var inputs: ComponentInputs?
    var outputs: ComponentOutputs?
    /// Import lines after KFP's header (`from builtins import str` for `Output[str]`).
    var imports: [String]
}

/// A mistake in a Python function that keeps it from being a component; the message names the
/// function, the parameter and the annotation as written.
struct PythonComponentProblem: Error, Sendable, Hashable {
    var message: String
}

/// Builds a component's input and output definitions from a Python signature, as KFP's
/// `extract_component_interface` and `_build_component_spec_from_component_spec_structure` do.
///
/// - Parameters become inputs: parameters (`str`, `int`, `List[int]`, ...), `Input[...]`,
///   `InputPath(...)` and bare artifact classes (`Dataset`, `List[Dataset]`); `Output[...]` and
///   `OutputPath(...)` parameters become outputs; `EmbeddedInput[...]` is left out.
/// - A default makes the input optional (`isOptional`); a non-`None` default of a parameter is its
///   `defaultValue`, converted as protobuf does (numbers become doubles).
/// - The return annotation gives the output `Output`, or one output per `NamedTuple` field.
struct PythonInterfaceBuilder {
    let signature: PythonSignature
    /// The source text of tokens, for messages.
    let text: ([PythonToken]) -> String

    private struct Input {
        var name: String
        var spec: KFPTypeSpec
        var isOptional: Bool
        var defaultValue: JSONValue?
    }

    /// The definitions and extra program imports; descriptions come from the docstring.
    func build(docstring: PythonDocstring?) throws(PythonComponentProblem) -> PythonInterface {
        var imports: [String] = []
        var inputs: [Input] = []
        var outputs: [(name: String, spec: KFPTypeSpec)] = []
        let function = signature.name
        for parameter in signature.parameters {
            let name = parameter.name
            guard name != "Output" else {
                throw problem("'Output' is not allowed as a parameter name of '\(function)': KFP names the return value 'Output'", parameter.line)
            }
            guard parameter.kind == .regular else {
                let star = parameter.kind == .variadic ? "*" : "**"
                throw problem("parameter '\(star)\(name)' of '\(function)' is variadic; components take named parameters only", parameter.line)
            }
            guard let annotationTokens = parameter.annotation else {
                throw problem("parameter '\(name)' of '\(function)' has no type annotation", parameter.line)
            }
            let written = text(annotationTokens)
            let unsupported = problem("parameter '\(name)' of '\(function)' has unsupported annotation '\(written)'", parameter.line)
            let expression = try parsed(annotationTokens, orThrow: unsupported)
            let original = try annotation(expression, orThrow: unsupported)
            if let line = try customImport(expression, original, orThrow: unsupported), !imports.contains(line) {
                imports.append(line)
            }
            let stripped = PythonTypeRules.strippingOptional(original)
            switch stripped {
            case .marker(.embeddedInput, _):
                continue
            case .marker(.output, _), .path(.output, _):
                let spec = try outputSpec(stripped, orThrow: unsupported)
                outputs.append((unique(name, outputs.map(\.name)), spec))
                continue
            case .marker(.input, _), .path(.input, _), .artifact, .string:
                break
            default:
                guard PythonTypeRules.listedArtifact(stripped) != nil else {
                    guard let type = PythonTypeRules.typeStruct(stripped) else { throw unsupported }
                    inputs.append(try input(parameter, .string(type), original: original, orThrow: unsupported))
                    continue
                }
            }
            inputs.append(try input(parameter, stripped, original: original, orThrow: unsupported))
        }

        if let returnTokens = signature.returnAnnotation {
            let written = text(returnTokens)
            let unsupported = problem("return annotation '\(written)' of '\(function)' is not supported", returnTokens[0].line)
            switch try annotation(try parsed(returnTokens, orThrow: unsupported), orThrow: unsupported) {
            case .pythonNone:
                break
            case .namedTuple(let fields):
                for field in fields {
                    var type = field.type
                    if PythonTypeRules.listedArtifact(type) == nil, !type.isArtifactClass {
                        guard let typeString = PythonTypeRules.typeStruct(type) else { throw unsupported }
                        type = .string(typeString)
                    }
                    outputs.append((unique(field.name, outputs.map(\.name)), try outputSpec(type, orThrow: unsupported)))
                }
            case .marker(.input, _), .marker(.output, _), .marker(.embeddedInput, _):
                throw unsupported
            case let type:
                outputs.append((unique("Output", outputs.map(\.name)), try outputSpec(type, orThrow: unsupported)))
            }
        }
        for output in outputs where output.spec.isArtifactList {
            throw problem(
                "output '\(output.name)' of '\(function)' is a list of artifacts; KFP allows lists of artifacts as outputs of pipelines only",
                signature.line)
        }
        return PythonInterface(
            inputs: definitions(inputs, docstring?.inputDescriptions ?? [:]),
            outputs: definitions(outputs, docstring?.outputDescriptions ?? [:]), imports: imports)
    }

    /// The expression the tokens hold.
    private func parsed(_ tokens: [PythonToken], orThrow unsupported: PythonComponentProblem) throws(PythonComponentProblem) -> PythonExpression {
        do {
            return try PythonExpressionParser.parse(tokens)
        } catch {
            throw unsupported
        }
    }

    /// The annotation an expression evaluates to.
    private func annotation(_ expression: PythonExpression, orThrow unsupported: PythonComponentProblem) throws(PythonComponentProblem) -> PythonAnnotation {
        do {
            return try PythonAnnotation.resolve(expression)
        } catch {
            throw unsupported
        }
    }

    /// `get_custom_artifact_type_import_statements`: `Input[T]`/`Output[T]` of a class that is not a
    /// KFP artifact makes KFP import it into the program; for a builtin (`Output[str]`) that is
    /// `from builtins import str`. Other classes (and generics) KFP cannot import: unsupported.
    private func customImport(
        _ expression: PythonExpression, _ annotation: PythonAnnotation, orThrow unsupported: PythonComponentProblem
    ) throws(PythonComponentProblem) -> String? {
        guard case .marker(let marker, let inner) = annotation, marker != .embeddedInput else { return nil }
        if inner.isArtifactClass || PythonTypeRules.listedArtifact(inner) != nil { return nil }
        guard case .builtin(let name) = inner, case .subscripted(_, let arguments) = expression, arguments == [.name(name)]
        else { throw unsupported }
        return "from builtins import \(name)"
    }

    /// `make_input_spec`: the spec, optionality and default of an input.
    private func input(
        _ parameter: PythonParameter, _ annotation: PythonAnnotation, original: PythonAnnotation,
        orThrow unsupported: PythonComponentProblem
    ) throws(PythonComponentProblem) -> Input {
        let canonical = PythonTypeRules.canonicalized(annotation)
        let spec = try validated(PythonTypeRules.specArguments(canonical), orThrow: unsupported)
        var value = PythonValue.none
        if let tokens = parameter.defaultValue {
            do {
                value = try PythonLiteral.evaluate(try PythonExpressionParser.parse(tokens))
            } catch {
                throw problem(
                    "default value '\(text(tokens))' of parameter '\(parameter.name)' of '\(signature.name)' is not a Python literal",
                    parameter.line)
            }
        }
        if canonical.isArtifactClass || spec.isArtifactList, value != .none {
            throw problem(
                "input artifact '\(parameter.name)' of '\(signature.name)' may only default to 'None'", parameter.line)
        }
        var isOptional = parameter.defaultValue != nil
        if case .kfpClass = original { isOptional = true }
        var defaultValue: JSONValue?
        if isOptional, spec.isParameter, value != .none, let type = PythonTypeRules.parameterType(of: spec.type),
            spec.type != "PipelineTaskFinalStatus", spec.type != "TaskConfig"
        {
            guard let converted = Self.protobufValue(value, as: type) else {
                let written = parameter.defaultValue.map(text) ?? ""
                let annotation = parameter.annotation.map(text) ?? ""
                throw problem(
                    "default value '\(written)' of parameter '\(parameter.name)' of '\(signature.name)' does not fit its type '\(annotation)'",
                    parameter.line)
            }
            defaultValue = converted
        }
        return Input(name: parameter.name, spec: spec, isOptional: isOptional, defaultValue: defaultValue)
    }

    /// `make_output_spec`.
    private func outputSpec(_ annotation: PythonAnnotation, orThrow unsupported: PythonComponentProblem) throws(PythonComponentProblem) -> KFPTypeSpec {
        try validated(PythonTypeRules.specArguments(PythonTypeRules.canonicalized(annotation)), orThrow: unsupported)
    }

    /// `InputSpec`/`OutputSpec` validation: a parameter type, or a bundled artifact type.
    private func validated(_ arguments: (type: String?, isArtifactList: Bool), orThrow unsupported: PythonComponentProblem) throws(PythonComponentProblem) -> KFPTypeSpec {
        guard let type = arguments.type,
            PythonTypeRules.specTypeIsParameter(type) || PythonTypeRules.artifactType(type) != nil
        else { throw unsupported }
        return KFPTypeSpec(type: type, isArtifactList: arguments.isArtifactList)
    }

    /// The IR input definitions (`nil` when there are none).
    private func definitions(_ inputs: [Input], _ descriptions: [String: String]) -> ComponentInputs? {
        var parameters: [String: InputParameterDefinition] = [:]
        var artifacts: [String: InputArtifactDefinition] = [:]
        for input in inputs {
            let description = descriptions[input.name].flatMap { $0.isEmpty ? nil : $0 }
            if input.spec.type == "PipelineTaskFinalStatus" || input.spec.type == "TaskConfig" {
                let type: ParameterType = input.spec.type == "TaskConfig" ? .taskConfig : .taskFinalStatus
                parameters[input.name] = InputParameterDefinition(parameterType: type, isOptional: true, description: description)
            } else if input.spec.isParameter, let type = PythonTypeRules.parameterType(of: input.spec.type) {
                parameters[input.name] = InputParameterDefinition(
                    parameterType: type, defaultValue: input.defaultValue, isOptional: input.isOptional ? true : nil,
                    description: description)
            } else if let artifactType = PythonTypeRules.artifactType(input.spec.type) {
                artifacts[input.name] = InputArtifactDefinition(
                    artifactType: artifactType, isArtifactList: input.spec.isArtifactList ? true : nil,
                    isOptional: input.isOptional ? true : nil, description: description)
            }
        }
        guard !parameters.isEmpty || !artifacts.isEmpty else { return nil }
        return ComponentInputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    /// The IR output definitions (`nil` when there are none).
    private func definitions(_ outputs: [(name: String, spec: KFPTypeSpec)], _ descriptions: [String: String]) -> ComponentOutputs? {
        var parameters: [String: OutputParameterDefinition] = [:]
        var artifacts: [String: OutputArtifactDefinition] = [:]
        for output in outputs {
            let description = descriptions[output.name].flatMap { $0.isEmpty ? nil : $0 }
            if output.spec.isParameter, let type = PythonTypeRules.parameterType(of: output.spec.type) {
                parameters[output.name] = OutputParameterDefinition(parameterType: type, description: description)
            } else if let artifactType = PythonTypeRules.artifactType(output.spec.type) {
                artifacts[output.name] = OutputArtifactDefinition(artifactType: artifactType, description: description)
            }
        }
        guard !parameters.isEmpty || !artifacts.isEmpty else { return nil }
        return ComponentOutputs(parameters: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
    }

    /// `maybe_make_unique`: `name`, else the first free `name_2` ... `name_99`.
    private func unique(_ name: String, _ taken: [String]) -> String {
        guard taken.contains(name) else { return name }
        return (2..<100).lazy.map { "\(name)_\($0)" }.first { !taken.contains($0) } ?? name
    }

    /// `_fill_in_component_input_default_value` and `to_protobuf_value`: numbers become doubles,
    /// `True`/`False` count as numbers for number types, ints as booleans for `BOOLEAN`; lists and
    /// dicts (string keys) convert recursively; `nil` when the value does not fit.
    static func protobufValue(_ value: PythonValue, as type: ParameterType) -> JSONValue? {
        switch (type, value) {
        case (.numberInteger, .int(let number)), (.numberInteger, .float(let number)),
            (.numberDouble, .int(let number)), (.numberDouble, .float(let number)):
            return .double(number)
        case (.numberInteger, .bool(let flag)), (.numberDouble, .bool(let flag)): return .double(flag ? 1 : 0)
        case (.string, .string(let text)): return .string(text)
        case (.boolean, .bool(let flag)): return .bool(flag)
        case (.boolean, .int(let number)): return .bool(number != 0)
        case (.struct, _), (.list, _): return protobufValue(value)
        default: return nil
        }
    }

    /// `to_protobuf_value` for any value.
    private static func protobufValue(_ value: PythonValue) -> JSONValue? {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .int(let number), .float(let number): return .double(number)
        case .list(let items):
            var result: [JSONValue] = []
            for item in items {
                guard let converted = protobufValue(item) else { return nil }
                result.append(converted)
            }
            return .array(result)
        case .dict(let items):
            var result: [String: JSONValue] = [:]
            for item in items {
                guard case .string(let key) = item.key, let converted = protobufValue(item.value) else { return nil }
                result[key] = converted
            }
            return .object(result)
        case .none, .tuple:
            return nil
        }
    }

    private func problem(_ message: String, _ line: Int) -> PythonComponentProblem {
        PythonComponentProblem(message: "\(message) (source line \(line))")
    }
}

extension PythonAnnotation {
    /// `issubclass_of_artifact`: a KFP artifact class.
    var isArtifactClass: Bool {
        if case .artifact = self { return true }
        return false
    }
}
