/// `ExecutorInput`: what a task's program receives as `{{$}}` (the executor protocol).
///
/// JSON shape (proto JSON names):
/// `{"inputs": {"parameterValues": {...}, "artifacts": {NAME: {"artifacts": [...]}}},
///   "outputs": {"parameters": {NAME: {"outputFile": PATH}}, "artifacts": {...}, "outputFile": PATH}}`.
public struct ExecutorInput: Codable, Sendable, Hashable {
    public var inputs: Inputs
    public var outputs: Outputs

    public init(inputs: Inputs = Inputs(), outputs: Outputs = Outputs()) {
        self.inputs = inputs
        self.outputs = outputs
    }

    /// `ExecutorInput.Inputs`.
    public struct Inputs: Codable, Sendable, Hashable {
        /// `parameterValues`: resolved input parameter values (native JSON).
        public var parameterValues: [String: JSONValue]?
        /// `artifacts`: input artifacts by name.
        public var artifacts: [String: ArtifactList]?

        public init(parameterValues: [String: JSONValue]? = nil, artifacts: [String: ArtifactList]? = nil) {
            self.parameterValues = parameterValues
            self.artifacts = artifacts
        }
    }

    /// `ExecutorInput.Outputs`.
    public struct Outputs: Codable, Sendable, Hashable {
        /// `parameters`: where to write each output parameter.
        public var parameters: [String: OutputParameter]?
        /// `artifacts`: the pre-provisioned output artifacts.
        public var artifacts: [String: ArtifactList]?
        /// `outputFile`: where the program writes its `ExecutorOutput` JSON.
        public var outputFile: String?

        public init(
            parameters: [String: OutputParameter]? = nil, artifacts: [String: ArtifactList]? = nil,
            outputFile: String? = nil
        ) {
            self.parameters = parameters
            self.artifacts = artifacts
            self.outputFile = outputFile
        }
    }

    /// `ExecutorInput.OutputParameter`.
    public struct OutputParameter: Codable, Sendable, Hashable {
        /// `outputFile`: the file the program writes the value to.
        public var outputFile: String

        public init(outputFile: String) {
            self.outputFile = outputFile
        }
    }
}

/// `ArtifactList`: `{"artifacts": [RuntimeArtifact]}`.
public struct ArtifactList: Codable, Sendable, Hashable {
    public var artifacts: [RuntimeArtifact]

    public init(artifacts: [RuntimeArtifact]) {
        self.artifacts = artifacts
    }
}

/// `RuntimeArtifact`: one artifact as a program sees it.
public struct RuntimeArtifact: Codable, Sendable, Hashable {
    /// `name`: the producer's output key locally (an MLMD id on a cluster).
    public var name: String?
    /// `type`: `{schemaTitle, schemaVersion}`.
    public var type: ArtifactTypeSchema?
    /// `uri`: for local runs an absolute path.
    public var uri: String
    /// `metadata`: a Struct.
    public var metadata: [String: JSONValue]?
    /// `customPath`: a path the artifact was written to instead of its URI's path.
    public var customPath: String?

    public init(
        name: String? = nil, type: ArtifactTypeSchema? = nil, uri: String, metadata: [String: JSONValue]? = nil,
        customPath: String? = nil
    ) {
        self.name = name
        self.type = type
        self.uri = uri
        self.metadata = metadata
        self.customPath = customPath
    }

    enum CodingKeys: String, CodingKey {
        case name, type, uri, metadata, customPath
        case customPathSnake = "custom_path"
    }

    /// Decodes both `customPath` and the `custom_path` spelling KFP's Python executor writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        type = try container.decodeIfPresent(ArtifactTypeSchema.self, forKey: .type)
        uri = try container.decodeIfPresent(String.self, forKey: .uri) ?? ""
        metadata = try container.decodeIfPresent([String: JSONValue].self, forKey: .metadata)
        customPath = try container.decodeIfPresent(String.self, forKey: .customPath)
            ?? container.decodeIfPresent(String.self, forKey: .customPathSnake)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encode(uri, forKey: .uri)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(customPath, forKey: .customPath)
    }
}

/// `ExecutorOutput`: what a program writes to `outputs.outputFile`.
public struct ExecutorOutput: Codable, Sendable, Hashable {
    /// `parameterValues`: output parameter values (native JSON).
    public var parameterValues: [String: JSONValue]?
    /// `artifacts`: output artifacts with their final URI and metadata.
    public var artifacts: [String: ArtifactList]?

    public init(parameterValues: [String: JSONValue]? = nil, artifacts: [String: ArtifactList]? = nil) {
        self.parameterValues = parameterValues
        self.artifacts = artifacts
    }
}
