public import Foundation
public import KFPSpec

/// One version of a stored pipeline (`v2beta1PipelineVersion`), holding the compiled spec.
///
/// JSON: `{"pipeline_id", "pipeline_version_id", "name", "display_name", "description", "created_at",
/// "package_url": {"pipeline_url"}, "code_source_url", "pipeline_spec", "error", "tags"}`.
/// `created_at` is always written (`1970-01-01T00:00:00Z` when nil); `pipeline_spec` is the IR (or
/// the `{"pipeline_spec", "platform_spec"}` wrapper) passed through unchanged; `package_url` is
/// written when set (`{}` for an empty URL). Parsing follows ``APIMessage``.
public struct PipelineVersion: Sendable, Equatable, APIMessage {
    /// The parent pipeline.
    public var pipelineID: String
    /// Output: the server-generated UUID.
    public var pipelineVersionID: String
    /// JSON `name`.
    public var name: String
    /// JSON `display_name`.
    public var displayName: String
    /// JSON `description`.
    public var description: String
    /// Output: creation time.
    public var createdAt: Date?
    /// `package_url.pipeline_url`: where the server downloads the spec from on create.
    public var packageURL: String?
    /// JSON `code_source_url`.
    public var codeSourceURL: String
    /// Output: the spec as JSON (`google.protobuf.Struct`).
    public var pipelineSpec: JSONValue?
    /// JSON `tags`.
    public var tags: [String: String]
    /// Set only when a stored version could not be converted.
    public var error: RPCStatus?

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        pipelineID: String = "", pipelineVersionID: String = "", name: String = "", displayName: String = "",
        description: String = "", createdAt: Date? = nil, packageURL: String? = nil, codeSourceURL: String = "",
        pipelineSpec: JSONValue? = nil, tags: [String: String] = [:], error: RPCStatus? = nil
    ) {
        self.pipelineID = pipelineID
        self.pipelineVersionID = pipelineVersionID
        self.name = name
        self.displayName = displayName
        self.description = description
        self.createdAt = createdAt
        self.packageURL = packageURL
        self.codeSourceURL = codeSourceURL
        self.pipelineSpec = pipelineSpec
        self.tags = tags
        self.error = error
    }

    static let fields = [
        "pipeline_id", "pipeline_version_id", "name", "display_name", "description", "created_at", "package_url",
        "code_source_url", "pipeline_spec", "error", "tags",
    ]

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: Self.fields)
        pipelineID = try reader.string("pipeline_id")
        pipelineVersionID = try reader.string("pipeline_version_id")
        name = try reader.string("name")
        displayName = try reader.string("display_name")
        description = try reader.string("description")
        createdAt = try reader.timestamp("created_at")
        packageURL = try reader.raw("package_url").map { value in
            let url = try MessageReader(value, path: reader.path("package_url"), mode: mode, fields: ["pipeline_url"])
            return try url.string("pipeline_url")
        }
        codeSourceURL = try reader.string("code_source_url")
        pipelineSpec = try reader.structValue("pipeline_spec")
        tags = try reader.stringMap("tags")
        error = try reader.message("error")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("pipeline_id", pipelineID)
        writer.string("pipeline_version_id", pipelineVersionID)
        writer.string("name", name)
        writer.string("display_name", displayName)
        writer.string("description", description)
        writer.timestamp("created_at", createdAt, always: true)
        if let packageURL {
            var url = MessageWriter()
            url.string("pipeline_url", packageURL)
            writer.set("package_url", url.json)
        }
        writer.string("code_source_url", codeSourceURL)
        writer.structValue("pipeline_spec", pipelineSpec)
        writer.message("error", error)
        writer.stringMap("tags", tags)
        return writer.json
    }
}

/// The body of `POST /apis/v2beta1/pipelines/create`: a pipeline and its first version
/// (`v2beta1CreatePipelineAndVersionRequest`).
///
/// JSON: `{"pipeline": Pipeline, "pipeline_version": PipelineVersion}`; the server fetches
/// `pipeline_version.package_url.pipeline_url`. A missing member parses as an empty message. Parsing
/// follows ``APIMessage``.
public struct CreatePipelineAndVersionRequest: Sendable, Equatable, APIMessage {
    /// JSON `pipeline`.
    public var pipeline: UploadedPipeline
    /// JSON `pipeline_version`.
    public var pipelineVersion: PipelineVersion

    /// Creates the message; every field defaults to its proto default (unset).
    public init(pipeline: UploadedPipeline = UploadedPipeline(), pipelineVersion: PipelineVersion = PipelineVersion()) {
        self.pipeline = pipeline
        self.pipelineVersion = pipelineVersion
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["pipeline", "pipeline_version"])
        pipeline = try reader.message("pipeline") ?? UploadedPipeline()
        pipelineVersion = try reader.message("pipeline_version") ?? PipelineVersion()
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.message("pipeline", pipeline)
        writer.message("pipeline_version", pipelineVersion)
        return writer.json
    }
}
