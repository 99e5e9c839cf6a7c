public import Foundation
public import KFPSpec

/// A pipeline stored on the server (`v2beta1Pipeline`; named so it does not clash with the DSL's
/// `Pipeline`).
///
/// JSON: `{"pipeline_id", "name", "display_name", "description", "created_at", "namespace", "error",
/// "tags"}`. `created_at` is always written (`1970-01-01T00:00:00Z` when nil); the rest is left out
/// when empty. Parsing follows ``APIMessage``.
public struct UploadedPipeline: Sendable, Equatable, APIMessage {
    /// Output: the server-generated UUID.
    public var pipelineID: String
    /// The unique name (per namespace).
    public var name: String
    /// The name shown in the UI; defaults to `name`.
    public var displayName: String
    /// JSON `description`.
    public var description: String
    /// Output: creation time.
    public var createdAt: Date?
    /// JSON `namespace`.
    public var namespace: String
    /// Free-form labels (at most 20; keys and values at most 63 characters).
    public var tags: [String: String]
    /// Set only when a stored pipeline could not be converted.
    public var error: RPCStatus?

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        pipelineID: String = "", name: String = "", displayName: String = "", description: String = "",
        createdAt: Date? = nil, namespace: String = "", tags: [String: String] = [:], error: RPCStatus? = nil
    ) {
        self.pipelineID = pipelineID
        self.name = name
        self.displayName = displayName
        self.description = description
        self.createdAt = createdAt
        self.namespace = namespace
        self.tags = tags
        self.error = error
    }

    static let fields = [
        "pipeline_id", "name", "display_name", "description", "created_at", "namespace", "error", "tags",
    ]

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: Self.fields)
        pipelineID = try reader.string("pipeline_id")
        name = try reader.string("name")
        displayName = try reader.string("display_name")
        description = try reader.string("description")
        createdAt = try reader.timestamp("created_at")
        namespace = try reader.string("namespace")
        tags = try reader.stringMap("tags")
        error = try reader.message("error")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("pipeline_id", pipelineID)
        writer.string("name", name)
        writer.string("display_name", displayName)
        writer.string("description", description)
        writer.timestamp("created_at", createdAt, always: true)
        writer.string("namespace", namespace)
        writer.message("error", error)
        writer.stringMap("tags", tags)
        return writer.json
    }
}
