import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// One row of the artifacts table with the task that recorded it.
struct StoredArtifact: Sendable {
    let id: String
    let runID: String
    let taskID: String
    let taskPath: String
    let outputName: String
    let uri: String
    /// The local file or folder; empty for remote URIs.
    let path: String
    let metadata: [String: JSONValue]
    /// The KFP type recorded with it; empty for artifacts recorded before types were stored.
    let schemaTitle: String
    /// When it was recorded (nil for artifacts recorded before times were stored).
    let createdAt: Date?
    /// The task's outputs came from the cache: the artifact is an earlier run's, reused.
    let cached: Bool
}

/// The artifacts across runs (`/artifacts`), a run's artifacts (compare page, metric columns) and
/// the runs that reused an artifact from the cache (lineage).
extension ServerStore {
    static let artifactColumns = """
        artifacts.id, artifacts.run_id, artifacts.task_id, run_tasks.path, artifacts.output_name, artifacts.uri,
        artifacts.path AS file, artifacts.metadata, artifacts.schema_title, artifacts.created_at, run_tasks.cached
        """
    static let artifactJoin = "FROM artifacts JOIN run_tasks ON run_tasks.task_id = artifacts.task_id"

    /// Every output artifact of a run (cached ones included), by task path and output name.
    func runArtifacts(_ runID: String) throws -> [StoredArtifact] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.artifactColumns) \(Self.artifactJoin) WHERE artifacts.run_id = ? ORDER BY run_tasks.path, artifacts.output_name, artifacts.id",
                arguments: [runID]
            ).map(Self.storedArtifact)
        }
    }

    /// One page of the artifacts tasks produced (not the cache's reuses), newest first.
    ///
    /// - Parameters:
    ///   - schemaTitle: only artifacts of this type (`system.Metrics`); nil for all.
    ///   - nameContains: only artifacts whose output name contains this text.
    ///   - before: the page token: the id of the last artifact of the previous page.
    /// - Throws: ``APIError`` invalid argument for a page token that is not an artifact id.
    func listArtifacts(schemaTitle: String?, nameContains: String, before: String?, pageSize: Int) throws
        -> (items: [StoredArtifact], totalSize: Int, nextPageToken: String?)
    {
        var conditions = ["run_tasks.cached = 0"]
        var arguments: [any DatabaseValueConvertible] = []
        if let schemaTitle {
            conditions.append("artifacts.schema_title = ?")
            arguments.append(schemaTitle)
        }
        if !nameContains.isEmpty {
            conditions.append("instr(lower(artifacts.output_name), lower(?)) > 0")
            arguments.append(nameContains)
        }
        let filter = conditions.joined(separator: " AND ")
        let counted = arguments
        if let before {
            guard let id = Int64(before) else { throw APIError.invalidArgument("invalid page token \"\(before)\": expected an artifact id") }
            conditions.append("artifacts.id < ?")
            arguments.append(id)
        }
        let paged = conditions.joined(separator: " AND ")
        return try pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Self.artifactJoin) WHERE \(filter)", arguments: StatementArguments(counted)) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.artifactColumns) \(Self.artifactJoin) WHERE \(paged) ORDER BY artifacts.id DESC LIMIT ?",
                arguments: StatementArguments(arguments + [pageSize + 1])
            ).map(Self.storedArtifact)
            let next = rows.count > pageSize ? rows[pageSize - 1].id : nil
            return (Array(rows.prefix(pageSize)), total, next)
        }
    }

    /// The distinct artifact types recorded, sorted (the type filter's choices).
    func artifactTypes() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT schema_title FROM artifacts WHERE schema_title != '' ORDER BY schema_title")
        }
    }

    /// An artifact by id.
    ///
    /// - Throws: ``APIError`` not found for an unknown id.
    func artifact(_ id: String) throws -> StoredArtifact {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.artifactColumns) \(Self.artifactJoin) WHERE CAST(artifacts.id AS TEXT) = ?", arguments: [id])
        }
        guard let row else { throw Self.notFound("Artifact", id) }
        return Self.storedArtifact(row)
    }

    /// The other rows with the same URI: the same artifact reused from the cache by later runs
    /// (or recorded by the run that produced it, when `id` is a reuse), oldest first.
    func artifactCopies(uri: String, except id: String) throws -> [StoredArtifact] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.artifactColumns) \(Self.artifactJoin) WHERE artifacts.uri = ? AND CAST(artifacts.id AS TEXT) != ? ORDER BY artifacts.id",
                arguments: [uri, id]
            ).map(Self.storedArtifact)
        }
    }

    static func storedArtifact(_ row: Row) -> StoredArtifact {
        StoredArtifact(
            id: String(row["id"] as Int64), runID: row["run_id"], taskID: row["task_id"], taskPath: row["path"],
            outputName: row["output_name"], uri: row["uri"], path: row["file"],
            metadata: json(row["metadata"])?.objectValue ?? [:], schemaTitle: row["schema_title"],
            createdAt: Millis.date(row["created_at"]), cached: (row["cached"] as Int64) != 0)
    }
}
