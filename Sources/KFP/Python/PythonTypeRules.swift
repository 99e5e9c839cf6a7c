import KFPSpec

/// An input or output as KFP's `structures.InputSpec`/`OutputSpec` hold it: a type string (an
/// in-memory parameter type such as `String`, `typing.List[int]`, `PipelineTaskFinalStatus`, or a
/// bundled artifact type `system.Dataset@0.0.1`) and whether it is a list of artifacts.
struct KFPTypeSpec: Sendable, Hashable {
    var type: String
    var isArtifactList: Bool

    /// `true` when the type is a parameter type (`type_utils.is_parameter_type`).
    var isParameter: Bool { PythonTypeRules.isParameterType(type) }
}

/// KFP 2.17.3's rules that turn annotations into I/O types (`component_factory`,
/// `type_annotations`, `type_utils`), reimplemented on ``PythonAnnotation``s.
enum PythonTypeRules {
    /// `PARAMETER_TYPES_MAPPING`: lowercased type names to IR parameter types.
    static let parameterTypes: [String: ParameterType] = [
        "integer": .numberInteger, "int": .numberInteger, "double": .numberDouble, "float": .numberDouble,
        "string": .string, "str": .string, "text": .string, "bool": .boolean, "boolean": .boolean, "dict": .struct,
        "list": .list, "jsonobject": .struct, "jsonarray": .list,
    ]

    /// `ARTIFACT_CLASSES_MAPPING`: lowercased v1 type names that name an artifact class.
    static let artifactTypeNames: [String: String] = Dictionary(
        uniqueKeysWithValues: PythonAnnotation.artifactClasses.map { ($0.lowercased(), $0) })

    /// The in-memory parameter type names (`IN_MEMORY_SPEC_TYPE_TO_IR_TYPE`).
    private static let inMemoryTypes: Set<String> = [
        "String", "Integer", "Float", "List", "Dict", "Boolean", "PipelineTaskFinalStatus", "TaskConfig",
    ]

    /// `Optional[X]` and `Union[X, None, ...]` give `X` (`maybe_strip_optional_from_annotation`).
    static func strippingOptional(_ annotation: PythonAnnotation) -> PythonAnnotation {
        switch annotation {
        case .typing("Optional", let arguments?) where arguments.count == 1: return arguments[0]
        case .typing("Union", let arguments?) where arguments.count >= 2 && arguments[1] == .pythonNone: return arguments[0]
        default: return annotation
        }
    }

    /// `is_list_of_artifacts`: `List[<artifact>]` or `list[<artifact>]`.
    static func listedArtifact(_ annotation: PythonAnnotation) -> String? {
        switch annotation {
        case .typing("List", let arguments?) where arguments.count == 1:
            if case .artifact(let name) = arguments[0] { return name }
        case .builtinGeneric("list", let arguments) where arguments.count == 1:
            if case .artifact(let name) = arguments[0] { return name }
        default: break
        }
        return nil
    }

    /// `canonicalize_annotation`: strips `Input`/`Output`, and replaces `InputPath`/`OutputPath` by
    /// the type they were given (`construct_type_for_inputpath_or_outputpath`).
    static func canonicalized(_ annotation: PythonAnnotation) -> PythonAnnotation {
        var result = annotation
        if case .marker(.input, let inner) = result { result = inner }
        if case .marker(.output, let inner) = result { result = inner }
        if case .path(_, let type) = result { result = pathType(type) }
        return result
    }

    /// `construct_type_for_inputpath_or_outputpath`: an artifact class or v1 artifact name gives its
    /// bundled type, a parameter type stays, anything else is `system.Artifact@0.0.1`.
    private static func pathType(_ type: PythonAnnotation) -> PythonAnnotation {
        if case .artifact(let name) = type { return .string(bundled(name)) }
        if case .string(let text) = type, let name = artifactTypeNames[text.lowercased()] { return .string(bundled(name)) }
        if shortTypeName(of: type).flatMap({ parameterTypes[$0.lowercased()] }) != nil { return type }
        return .string(bundled("Artifact"))
    }

    /// `make_input_output_spec_args`: the type string and the list flag of a canonical annotation;
    /// `nil` type when KFP's `_annotation_to_type_struct` gives `None`.
    static func specArguments(_ annotation: PythonAnnotation) -> (type: String?, isArtifactList: Bool) {
        if let name = listedArtifact(annotation) { return (bundled(name), true) }
        if case .artifact(let name) = annotation { return (bundled(name), false) }
        return (typeStruct(annotation), false)
    }

    /// `_annotation_to_type_struct`: the type string of an annotation (`String` for `str`,
    /// `typing.List[int]` for `List[int]`, `List[Integer]` for `list[int]`, the class name otherwise).
    static func typeStruct(_ annotation: PythonAnnotation) -> String? {
        switch annotation {
        case .pythonNone: return nil
        case .string(let text): return text.isEmpty ? nil : text
        case .builtin(let name): return canonicalName(ofBuiltin: name) ?? name
        case .builtinGeneric(let name, let arguments) where name == "list" || name == "dict":
            let inner = arguments.map { typeStruct($0) ?? pythonText($0) }
            return "\(name == "list" ? "List" : "Dict")[\(inner.joined(separator: ", "))]"
        case .artifact(let name): return "system.\(name)"
        case .kfpClass(let name): return name
        default: return pythonText(annotation)
        }
    }

    /// `spec_type_is_parameter`: the in-memory type names, after `typing.` and a generic's
    /// arguments (for `List`/`Dict`) and `Optional[...]` are stripped.
    static func specTypeIsParameter(_ type: String) -> Bool {
        var name = Substring(type)
        if name.hasPrefix("typing.") { name = name.dropFirst("typing.".count) }
        let lowered = name.lowercased()
        if lowered.hasPrefix("list") || lowered.hasPrefix("dict") { name = name.prefix { $0 != "[" } }
        if name.hasPrefix("Optional["), name.hasSuffix("]") { name = name.dropFirst("Optional[".count).dropLast() }
        return inMemoryTypes.contains(String(name))
    }

    /// `is_parameter_type` on a type string.
    static func isParameterType(_ type: String) -> Bool {
        let short = shortName(type)
        return parameterTypes[short.lowercased()] != nil || short == "PipelineTaskFinalStatus" || short == "TaskConfig"
    }

    /// `get_parameter_type` on a type string: the IR type of its short name.
    static func parameterType(of type: String) -> ParameterType? {
        if type == "PipelineTaskFinalStatus" || type == "TaskConfig" { return .struct }
        return parameterTypes[shortName(type).lowercased()]
    }

    /// `validate_bundled_artifact_type`: `namespace.Name@x.y.z` with namespace `system` or `google`;
    /// `nil` when the type is not one.
    static func artifactType(_ type: String) -> ArtifactTypeSchema? {
        let parts = type.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        let title = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard title.count == 2, title[0] == "system" || title[0] == "google",
            parts[1].split(separator: ".", omittingEmptySubsequences: false).count == 3
        else { return nil }
        return ArtifactTypeSchema(schemaTitle: String(parts[0]), schemaVersion: String(parts[1]))
    }

    /// `create_bundled_artifact_type` for a KFP artifact class.
    static func bundled(_ className: String) -> String { "system.\(className)@0.0.1" }

    /// `get_short_type_name`: the leading word after an optional `typing.` (`typing.List[int]` is `List`).
    private static func shortName(_ type: String) -> String {
        var rest = Substring(type)
        if rest.hasPrefix("typing.") { rest = rest.dropFirst("typing.".count) }
        let word = rest.prefix { $0 == "_" || $0.isLetter || $0.isNumber }
        return word.isEmpty ? type : String(word)
    }

    /// The name `get_parameter_type` looks up for a Python object: a class's `__name__`, else the
    /// short name of its `str()`.
    private static func shortTypeName(of annotation: PythonAnnotation) -> String? {
        switch annotation {
        case .builtin(let name), .kfpClass(let name), .artifact(let name): return name
        case .string(let text): return shortName(text)
        case .pythonNone: return "None"
        case .builtinGeneric(let name, _): return name
        default: return shortName(pythonText(annotation))
        }
    }

    /// `get_canonical_type_name_for_type` for builtin classes.
    private static func canonicalName(ofBuiltin name: String) -> String? {
        ["str": "String", "int": "Integer", "float": "Float", "bool": "Boolean", "list": "List", "dict": "Dict"][name]
    }

    /// Python's `str()` of an annotation object, as far as the rules depend on it.
    static func pythonText(_ annotation: PythonAnnotation) -> String {
        switch annotation {
        case .builtin(let name): return name
        case .builtinGeneric(let name, let arguments): return "\(name)[\(arguments.map(pythonText).joined(separator: ", "))]"
        case .typing(let name, nil): return "typing.\(name)"
        case .typing(let name, let arguments?): return "typing.\(name)[\(arguments.map(pythonText).joined(separator: ", "))]"
        case .artifact(let name): return "kfp.dsl.types.artifact_types.\(name)"
        case .kfpClass(let name): return name
        case .marker(_, let inner): return "typing.Annotated[\(pythonText(inner)), ...]"
        case .path(let marker, _): return marker == .input ? "InputPath(...)" : "OutputPath(...)"
        case .string(let text): return text
        case .pythonNone: return "None"
        case .namedTuple: return "NamedTuple(...)"
        }
    }
}
