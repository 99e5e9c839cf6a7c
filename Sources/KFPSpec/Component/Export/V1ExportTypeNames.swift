/// The v1 type names that KFP 2.x's `from_v1_component_spec` (and ``V1ComponentConverter``)
/// maps back to each IR parameter type and artifact schema.
///
/// Parameters: `NUMBER_INTEGER` → `Integer`, `NUMBER_DOUBLE` → `Float`, `STRING` → `String`,
/// `BOOLEAN` → `Boolean`, `LIST` → `JsonArray`, `STRUCT` → `JsonObject`, and for inputs
/// `TASK_FINAL_STATUS` → `PipelineTaskFinalStatus` (KFP's `PARAMETER_TYPES_MAPPING` and
/// task-final-status rule). Artifacts: the built-in `system.*` classes by their class name
/// (`system.Model` → `Model`, KFP's `ARTIFACT_CLASSES_MAPPING`) and `google.<Letters>` as written;
/// the schema version must be `0.0.1` (or absent), the only one the v1 loader writes.
enum V1ExportTypeNames {
    /// The v1 names of the built-in artifact classes, by schema title.
    static let artifactClasses: [String: String] = [
        "system.Artifact": "Artifact", "system.Model": "Model", "system.Dataset": "Dataset",
        "system.Metrics": "Metrics", "system.ClassificationMetrics": "ClassificationMetrics",
        "system.SlicedClassificationMetrics": "SlicedClassificationMetrics", "system.HTML": "HTML",
        "system.Markdown": "Markdown",
    ]

    /// The v1 name of a parameter type; throws for types v1 has no name for.
    ///
    /// - Parameter isInput: `TASK_FINAL_STATUS` has a v1 name only for inputs.
    static func name(of type: ParameterType, isInput: Bool) throws(V1ExportDetail) -> String {
        switch type {
        case .numberInteger: return "Integer"
        case .numberDouble: return "Float"
        case .string: return "String"
        case .boolean: return "Boolean"
        case .list: return "JsonArray"
        case .struct: return "JsonObject"
        case .taskFinalStatus where isInput: return "PipelineTaskFinalStatus"
        case .taskFinalStatus:
            throw V1ExportDetail("TASK_FINAL_STATUS outputs have no v1 type")
        case .taskConfig, .unspecified:
            throw V1ExportDetail("parameter type \(type.rawValue) has no v1 type")
        }
    }

    /// The IR parameter type of a definition: `parameterType`, or the deprecated `type`
    /// (`INT`, `DOUBLE`, `STRING`) of older IR.
    static func parameterType(_ parameterType: ParameterType?, primitive: PrimitiveType?) throws(V1ExportDetail) -> ParameterType {
        if let parameterType { return parameterType }
        switch primitive {
        case .int?: return .numberInteger
        case .double?: return .numberDouble
        case .string?: return .string
        case .unspecified?, nil: throw V1ExportDetail("the parameter has no type")
        }
    }

    /// The v1 name of an artifact type; throws for schemas v1 has no name for.
    static func name(of schema: ArtifactTypeSchema) throws(V1ExportDetail) -> String {
        guard let title = schema.schemaTitle, schema.instanceSchema == nil, schema.schemaUri == nil else {
            throw V1ExportDetail("artifact types given by an instance schema or schema URI have no v1 type")
        }
        if let version = schema.schemaVersion, version != "0.0.1" {
            throw V1ExportDetail("artifact type '\(title)' has schema version \(version); v1 types load as version 0.0.1")
        }
        if let name = artifactClasses[title] { return name }
        if V1TypeClassifier.isGoogleType(title), !title.hasSuffix("\n") { return title }
        throw V1ExportDetail(
            "artifact type '\(title)' has no v1 type; v1 types load as system.* classes or google.* types only")
    }
}

/// The reason an input, output or placeholder cannot be exported, before it is placed in a
/// ``SpecError`` with the component and the path.
struct V1ExportDetail: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
