public import KFPSpec

/// The run-time inputs of a run or recurring run (`v2beta1RuntimeConfig`).
///
/// JSON: `{"parameters": {name: any JSON}, "pipeline_root": "..."}`. Parameter values are
/// `google.protobuf.Value`s kept exactly as sent: `false`, `0`, `""` and `null` survive; only an empty
/// map is left out. Parsing follows ``APIMessage``.
public struct RuntimeConfig: Sendable, Equatable, APIMessage {
    /// Values for the pipeline's root input parameters, by name.
    public var parameters: [String: JSONValue]
    /// Overrides the pipeline's default root for artifacts (`pipeline_root`).
    public var pipelineRoot: String

    /// Creates the message; every field defaults to its proto default (unset).
    public init(parameters: [String: JSONValue] = [:], pipelineRoot: String = "") {
        self.parameters = parameters
        self.pipelineRoot = pipelineRoot
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["parameters", "pipeline_root"])
        parameters = try reader.valueMap("parameters")
        pipelineRoot = try reader.string("pipeline_root")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.valueMap("parameters", parameters)
        writer.string("pipeline_root", pipelineRoot)
        return writer.json
    }
}

/// A reference to a stored pipeline version (`v2beta1PipelineVersionReference`), one of the two
/// pipeline sources of a run.
///
/// JSON: `{"pipeline_id", "pipeline_version_id"}`; an empty version id means the latest version.
/// Parsing follows ``APIMessage``.
public struct PipelineVersionReference: Sendable, Equatable, APIMessage {
    /// JSON `pipeline_id`.
    public var pipelineID: String
    /// JSON `pipeline_version_id`.
    public var pipelineVersionID: String

    /// Creates the message; every field defaults to its proto default (unset).
    public init(pipelineID: String = "", pipelineVersionID: String = "") {
        self.pipelineID = pipelineID
        self.pipelineVersionID = pipelineVersionID
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["pipeline_id", "pipeline_version_id"])
        pipelineID = try reader.string("pipeline_id")
        pipelineVersionID = try reader.string("pipeline_version_id")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("pipeline_id", pipelineID)
        writer.string("pipeline_version_id", pipelineVersionID)
        return writer.json
    }
}
