/// What a v1 input or output becomes in the IR.
enum V1IOKind: Sendable, Hashable {
    /// An input or output parameter of this type.
    case parameter(ParameterType)
    /// A `PipelineTaskFinalStatus` input: a `TASK_FINAL_STATUS` parameter, always optional.
    case taskFinalStatus
    /// An artifact with this `schemaTitle` (schema version `0.0.1`).
    case artifact(String)

    /// `true` for parameters and task final status, which KFP's `is_parameter_type` calls parameters.
    var isParameter: Bool {
        if case .artifact = self { return false }
        return true
    }
}

/// Maps v1 type names to IR types as KFP 2.x's `from_v1_component_spec` does (`kfp/dsl/types/type_utils.py`).
enum V1TypeClassifier {
    /// `PARAMETER_TYPES_MAPPING`: lowercased v1 type names that are parameters.
    static let parameterTypes: [String: ParameterType] = [
        "integer": .numberInteger, "int": .numberInteger, "double": .numberDouble, "float": .numberDouble,
        "string": .string, "str": .string, "text": .string, "bool": .boolean, "boolean": .boolean,
        "dict": .struct, "list": .list, "jsonobject": .struct, "jsonarray": .list,
    ]

    /// `ARTIFACT_CLASSES_MAPPING`: lowercased v1 type names of the built-in artifact classes.
    static let artifactClasses: [String: String] = [
        "artifact": "system.Artifact", "model": "system.Model", "dataset": "system.Dataset",
        "metrics": "system.Metrics", "classificationmetrics": "system.ClassificationMetrics",
        "slicedclassificationmetrics": "system.SlicedClassificationMetrics", "html": "system.HTML",
        "markdown": "system.Markdown",
    ]

    /// The IR kind of a v1 input or output type, as `from_v1_component_spec` decides it: the
    /// canonical name (`typing.List[str]` is `List`) looked up case-insensitively among parameter
    /// types, then `google.<Name>` artifact types, then the artifact classes; anything else (no
    /// type, a struct type such as `{GCSPath: {...}}`, `CSV`, `URI`) is a `system.Artifact`.
    /// `PipelineTaskFinalStatus` (exact spelling) is a task-final-status input.
    static func kind(of type: JSONValue?, isInput: Bool) -> V1IOKind {
        guard let name = type?.stringValue else { return .artifact("system.Artifact") }
        let canonical = canonicalName(name)
        if isInput, canonical == "PipelineTaskFinalStatus" { return .taskFinalStatus }
        if let parameter = parameterTypes[canonical.lowercased()] { return .parameter(parameter) }
        if isGoogleType(canonical) { return .artifact(canonical) }
        return .artifact(artifactClasses[canonical.lowercased()] ?? "system.Artifact")
    }

    /// `is_parameter_type` applied to the type as written in the v1 file, which KFP uses to choose
    /// between an output parameter file and an artifact path for `outputPath`: the short name
    /// (`typing.List[int]` is `List`; for a struct type, its first key) is a parameter type,
    /// `PipelineTaskFinalStatus` or `TaskConfig`.
    ///
    /// This can disagree with ``kind(of:isInput:)``: `{String: {...}}` or `String (json)` outputs are
    /// declared as artifacts but written through an output parameter placeholder, as in KFP.
    static func isParameterForPlaceholder(_ type: JSONValue?) -> Bool {
        let name: String
        switch type {
        case .string(let text)?: name = shortTypeName(text)
        case .object(let members)? where members.count == 1: name = members.keys.first ?? ""
        default: return false
        }
        return parameterTypes[name.lowercased()] != nil || name == "PipelineTaskFinalStatus" || name == "TaskConfig"
    }

    /// `get_canonical_name_for_outer_generic`: drops a `typing.` prefix, and the `[...]` of a
    /// name starting with `list` or `dict` (any case).
    static func canonicalName(_ name: String) -> String {
        let bare = name.hasPrefix("typing.") ? String(name.dropFirst("typing.".count)) : name
        let lowered = bare.lowercased()
        guard lowered.hasPrefix("list") || lowered.hasPrefix("dict") else { return bare }
        return String(bare.prefix { $0 != "[" })
    }

    /// `get_short_type_name`: the word after an optional `typing.` prefix
    /// (regex `(typing\.)?(\w+)(\[.+\])?` matched at the start), or the name itself.
    static func shortTypeName(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        func word(from start: Int) -> String {
            var end = start
            while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        if name.hasPrefix("typing."), scalars.count > 7, isWordScalar(scalars[7]) { return word(from: 7) }
        let leading = word(from: 0)
        return leading.isEmpty ? name : leading
    }

    /// `_GOOGLE_TYPES_PATTERN` (`^google.[A-Za-z]+$`): `google.` followed by letters.
    ///
    /// KFP's pattern lets any character stand for the dot, but then refuses the schema title
    /// (`googleXModel` has no namespace); such a name is a `system.Artifact` here.
    static func isGoogleType(_ name: String) -> Bool {
        var scalars = Array(name.unicodeScalars)
        if scalars.last == "\n" { scalars.removeLast() }  // Python's `$` also matches before a final newline.
        guard scalars.count >= 8, String(String.UnicodeScalarView(scalars[0..<7])) == "google." else { return false }
        return scalars[7...].allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
    }

    /// Python's `\w` for text: letters, digits and `_`.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
