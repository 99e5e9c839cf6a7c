public import Foundation
public import KFPSpec

/// An experiment (`v2beta1Experiment`): a named group of runs.
///
/// JSON: `{"experiment_id", "display_name", "description", "created_at", "namespace",
/// "storage_state", "last_run_created_at"}`. `created_at` and `last_run_created_at` are always
/// written (`1970-01-01T00:00:00Z` when nil), as the KFP server builds them from a stored 0; the other
/// fields are left out when empty. Parsing follows ``APIMessage``.
public struct Experiment: Sendable, Equatable, APIMessage {
    /// Output: the server-generated UUID.
    public var experimentID: String
    /// Required on create; unique per namespace.
    public var displayName: String
    /// JSON `description`.
    public var description: String
    /// Output: creation time.
    public var createdAt: Date?
    /// Ignored in single-user mode.
    public var namespace: String
    /// Output: `AVAILABLE` or `ARCHIVED`.
    public var storageState: StorageState
    /// Output: creation time of the newest run; the epoch when there is none.
    public var lastRunCreatedAt: Date?

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        experimentID: String = "", displayName: String = "", description: String = "", createdAt: Date? = nil,
        namespace: String = "", storageState: StorageState = .unspecified, lastRunCreatedAt: Date? = nil
    ) {
        self.experimentID = experimentID
        self.displayName = displayName
        self.description = description
        self.createdAt = createdAt
        self.namespace = namespace
        self.storageState = storageState
        self.lastRunCreatedAt = lastRunCreatedAt
    }

    static let fields = [
        "experiment_id", "display_name", "description", "created_at", "namespace", "storage_state",
        "last_run_created_at",
    ]

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: Self.fields)
        experimentID = try reader.string("experiment_id")
        displayName = try reader.string("display_name")
        description = try reader.string("description")
        createdAt = try reader.timestamp("created_at")
        namespace = try reader.string("namespace")
        storageState = try reader.enumeration("storage_state")
        lastRunCreatedAt = try reader.timestamp("last_run_created_at")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("experiment_id", experimentID)
        writer.string("display_name", displayName)
        writer.string("description", description)
        writer.timestamp("created_at", createdAt, always: true)
        writer.string("namespace", namespace)
        writer.enumeration("storage_state", storageState)
        writer.timestamp("last_run_created_at", lastRunCreatedAt, always: true)
        return writer.json
    }
}
