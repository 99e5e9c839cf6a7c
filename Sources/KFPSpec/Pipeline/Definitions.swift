/// `ComponentInputsSpec.ParameterSpec`: a declared input parameter.
public struct InputParameterDefinition: Codable, Sendable, Hashable {
    /// `parameterType`.
    public var parameterType: ParameterType?
    /// `type`: the deprecated primitive type.
    public var type: PrimitiveType?
    /// `defaultValue`. Integer defaults are often written as floats (`2.0`); convert by ``parameterType``.
    public var defaultValue: JSONValue?
    /// `isOptional`.
    public var isOptional: Bool?
    /// `description`.
    public var description: String?
    /// `literals`: the allowed values, when the parameter is an enum.
    public var literals: [JSONValue]?

    public init(
        parameterType: ParameterType, defaultValue: JSONValue? = nil, isOptional: Bool? = nil,
        description: String? = nil
    ) {
        self.parameterType = parameterType
        self.defaultValue = defaultValue
        self.isOptional = isOptional
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case parameterType, type, defaultValue, isOptional, description, literals
    }

    /// Decodes the definition; a `STRING` default written as a plain scalar (`007`, `1e3`, `n`)
    /// keeps its text, as the declared type says it is a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameterType = try container.decodeIfPresent(ParameterType.self, forKey: .parameterType)
        type = try container.decodeIfPresent(PrimitiveType.self, forKey: .type)
        isOptional = try container.decodeIfPresent(Bool.self, forKey: .isOptional)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        literals = try container.decodeIfPresent([JSONValue].self, forKey: .literals)
        defaultValue = try container.decodeIfPresent(JSONValue.self, forKey: .defaultValue)
        if parameterType == .string || (parameterType == nil && type == .string),
            let value = defaultValue, value != .null, value.stringValue == nil, value.arrayValue == nil,
            value.objectValue == nil, decoder.userInfo[.kfpRawScalars] != nil,
            let text = try? container.decode(String.self, forKey: .defaultValue)
        {
            defaultValue = .string(text)
        }
    }

    /// `true` when a task may leave this input unset (optional, or it has a default).
    public var mayBeOmitted: Bool {
        isOptional == true || defaultValue != nil
    }
}

/// `ComponentInputsSpec.ArtifactSpec`: a declared input artifact.
public struct InputArtifactDefinition: Codable, Sendable, Hashable {
    public var artifactType: ArtifactTypeSchema
    public var isArtifactList: Bool?
    public var isOptional: Bool?
    public var description: String?

    public init(
        artifactType: ArtifactTypeSchema, isArtifactList: Bool? = nil, isOptional: Bool? = nil,
        description: String? = nil
    ) {
        self.artifactType = artifactType
        self.isArtifactList = isArtifactList
        self.isOptional = isOptional
        self.description = description
    }
}

/// `ComponentOutputsSpec.ParameterSpec`: a declared output parameter.
public struct OutputParameterDefinition: Codable, Sendable, Hashable {
    public var parameterType: ParameterType?
    public var type: PrimitiveType?
    public var description: String?

    public init(parameterType: ParameterType, description: String? = nil) {
        self.parameterType = parameterType
        self.description = description
    }
}

/// `ComponentOutputsSpec.ArtifactSpec`: a declared output artifact.
public struct OutputArtifactDefinition: Codable, Sendable, Hashable {
    public var artifactType: ArtifactTypeSchema
    public var properties: [String: ValueOrRuntimeParameter]?
    public var customProperties: [String: ValueOrRuntimeParameter]?
    /// `metadata`: a Struct merged into the artifact's metadata.
    public var metadata: JSONValue?
    public var isArtifactList: Bool?
    public var description: String?

    public init(
        artifactType: ArtifactTypeSchema, metadata: JSONValue? = nil, isArtifactList: Bool? = nil,
        description: String? = nil
    ) {
        self.artifactType = artifactType
        self.metadata = metadata
        self.isArtifactList = isArtifactList
        self.description = description
    }
}

/// `ArtifactTypeSchema`: the artifact type, usually a `schemaTitle` such as `system.Dataset`.
public struct ArtifactTypeSchema: Codable, Sendable, Hashable {
    /// `schemaTitle`, e.g. `system.Model` or `google.VertexDataset`.
    public var schemaTitle: String?
    /// `schemaUri` (deprecated).
    public var schemaUri: String?
    /// `instanceSchema`: an inline schema.
    public var instanceSchema: String?
    /// `schemaVersion`, e.g. `0.0.1`.
    public var schemaVersion: String?

    public init(schemaTitle: String, schemaVersion: String? = "0.0.1") {
        self.schemaTitle = schemaTitle
        self.schemaVersion = schemaVersion
    }
}

/// `ValueOrRuntimeParameter`: a constant (`constant`, or the deprecated `constantValue`) or a runtime parameter name.
public struct ValueOrRuntimeParameter: Codable, Sendable, Hashable {
    /// `constant`: any JSON value.
    public var constant: JSONValue?
    /// `runtimeParameter`: the name of an input parameter that holds the value.
    public var runtimeParameter: String?
    /// `constantValue` (deprecated): `{intValue|doubleValue|stringValue: ...}`.
    public var constantValue: JSONValue?

    public init(constant: JSONValue) {
        self.constant = constant
    }

    public init(runtimeParameter: String) {
        self.runtimeParameter = runtimeParameter
    }
}
