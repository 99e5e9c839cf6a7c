public import KFPSpec

/// The body of `GET /apis/v2beta1/healthz`.
///
/// The KFP server writes it from a plain Go struct, not protojson:
/// `{"commit_sha": "...", "tag_name": "...", "multi_user": false, "pipeline_store": "database"}`.
/// `multi_user` is always written; the string fields are left out when empty. The Python client reads
/// only `multi_user`; the UI shows commit and tag in its footer. Parsing follows ``APIMessage``.
public struct Healthz: Sendable, Equatable, APIMessage {
    /// JSON `commit_sha`.
    public var commitSHA: String
    /// JSON `tag_name`.
    public var tagName: String
    /// `true` makes the Python client look for an in-cluster namespace.
    public var multiUser: Bool
    /// JSON `pipeline_store`.
    public var pipelineStore: String

    /// Creates the message; every field defaults to its proto default (unset).
    public init(commitSHA: String = "", tagName: String = "", multiUser: Bool = false, pipelineStore: String = "") {
        self.commitSHA = commitSHA
        self.tagName = tagName
        self.multiUser = multiUser
        self.pipelineStore = pipelineStore
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(
            json, path: path, mode: mode, fields: ["commit_sha", "tag_name", "multi_user", "pipeline_store"])
        commitSHA = try reader.string("commit_sha")
        tagName = try reader.string("tag_name")
        multiUser = try reader.bool("multi_user")
        pipelineStore = try reader.string("pipeline_store")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("commit_sha", commitSHA)
        writer.string("tag_name", tagName)
        writer.set("multi_user", .bool(multiUser))
        writer.string("pipeline_store", pipelineStore)
        return writer.json
    }
}
