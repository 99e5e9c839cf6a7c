import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Pipelines and pipeline versions: KFP's `PipelineService` and upload semantics (unique names,
/// an upload creates the pipeline and its first version, delete needs `cascade` when versions exist).
extension ServerStore {
    static let pipelineColumns: [String: ListStatement.Column] = [
        "pipeline_id": .text("id"), "display_name": .text("display_name"), "name": .text("name"),
        "created_at": .time("created_at"), "description": .text("description"), "namespace": .text("namespace"),
    ]
    static let versionColumns: [String: ListStatement.Column] = [
        "pipeline_version_id": .text("id"), "display_name": .text("display_name"), "name": .text("name"),
        "created_at": .time("created_at"), "status": .text("status"), "description": .text("description"),
        "pipeline_spec": .text("pipeline_spec"),
    ]

    /// Creates a pipeline, and its first version when `package` is given (an upload).
    ///
    /// - Throws: ``APIError`` invalid argument for an empty name, already exists for a taken one.
    func createPipeline(_ pipeline: UploadedPipeline, package: PipelinePackage?) throws -> (UploadedPipeline, PipelineVersion?) {
        let name = pipeline.name.isEmpty ? pipeline.displayName : pipeline.name
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalidArgument("Pipeline name is empty. Please specify a valid pipeline name.")
        }
        let id = Self.newID()
        let versionID = Self.newID()
        let now = Millis.now()
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM pipelines WHERE name = ?", arguments: [name]) == true {
                throw APIError.alreadyExists("Failed to create a pipeline: the name \(name) already exists. Please specify a new name.")
            }
            try db.execute(
                sql: """
                    INSERT INTO pipelines (id, name, display_name, description, created_at, tags)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, name, pipeline.displayName.isEmpty ? name : pipeline.displayName,
                            pipeline.description, now, Self.text(pipeline.tags)])
            if let package {
                try db.execute(
                    sql: """
                        INSERT INTO pipeline_versions (id, pipeline_id, name, display_name, description, created_at, pipeline_spec, tags)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [versionID, id, name, pipeline.displayName.isEmpty ? name : pipeline.displayName,
                                pipeline.description, now, Self.text(package.json), Self.text(pipeline.tags)])
            }
        }
        return (try self.pipeline(id), package == nil ? nil : try pipelineVersion(id, versionID))
    }

    /// Adds a version to a pipeline.
    ///
    /// - Throws: ``APIError`` not found for an unknown pipeline; already exists for a taken version name.
    func createPipelineVersion(_ version: PipelineVersion, package: PipelinePackage) throws -> PipelineVersion {
        let id = Self.newID()
        try pool.write { db in
            guard let pipelineName = try String.fetchOne(
                db, sql: "SELECT name FROM pipelines WHERE id = ?", arguments: [version.pipelineID])
            else { throw Self.notFound("Pipeline", version.pipelineID) }
            let name = version.name.isEmpty ? (version.displayName.isEmpty ? pipelineName : version.displayName) : version.name
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM pipeline_versions WHERE pipeline_id = ? AND name = ?", arguments: [version.pipelineID, name]) == true
            {
                throw APIError.alreadyExists(
                    "Failed to create a pipeline version: the name \(name) already exists in pipeline \(version.pipelineID)")
            }
            try db.execute(
                sql: """
                    INSERT INTO pipeline_versions
                        (id, pipeline_id, name, display_name, description, created_at, package_url, code_source_url, pipeline_spec, tags)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, version.pipelineID, name, version.displayName.isEmpty ? name : version.displayName,
                            version.description, Millis.now(), version.packageURL ?? "", version.codeSourceURL,
                            Self.text(package.json), Self.text(version.tags)])
        }
        return try pipelineVersion(version.pipelineID, id)
    }

    func pipeline(_ id: String) throws -> UploadedPipeline {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pipelines WHERE id = ?", arguments: [id]) else {
                throw Self.notFound("Pipeline", id)
            }
            return Self.pipeline(row)
        }
    }

    func pipeline(named name: String) throws -> UploadedPipeline {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pipelines WHERE name = ?", arguments: [name]) else {
                throw APIError.notFound("Pipeline with name \(name) not found")
            }
            return Self.pipeline(row)
        }
    }

    func listPipelines(_ query: ListQuery) throws -> (items: [UploadedPipeline], totalSize: Int, next: PageCursor?) {
        try pool.read { db in
            let page = try ListStatement(table: "pipelines", columns: Self.pipelineColumns).fetch(query, in: db)
            return (page.rows.map(Self.pipeline), page.totalSize, page.next)
        }
    }

    /// Deletes a pipeline; with versions it needs `cascade` (KFP answers 400 otherwise).
    func deletePipeline(_ id: String, cascade: Bool) throws {
        try pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM pipelines WHERE id = ?", arguments: [id]) == true else {
                throw Self.notFound("Pipeline", id)
            }
            let versions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pipeline_versions WHERE pipeline_id = ?", arguments: [id]) ?? 0
            if versions > 0 && !cascade {
                throw APIError.failedPrecondition(
                    "Failed to delete pipeline \(id): it has \(versions) version(s); delete them first or pass cascade=true")
            }
            try db.execute(sql: "DELETE FROM pipelines WHERE id = ?", arguments: [id])
        }
    }

    func pipelineVersion(_ pipelineID: String, _ id: String) throws -> PipelineVersion {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM pipeline_versions WHERE id = ? AND pipeline_id = ?", arguments: [id, pipelineID])
            else { throw Self.notFound("Pipeline version", id) }
            return Self.pipelineVersion(row)
        }
    }

    /// The newest version of a pipeline (what a version reference without a version id means).
    func latestPipelineVersion(_ pipelineID: String) throws -> PipelineVersion {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM pipeline_versions WHERE pipeline_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
                arguments: [pipelineID])
            else { throw APIError.notFound("Pipeline \(pipelineID) not found or has no versions") }
            return Self.pipelineVersion(row)
        }
    }

    func listPipelineVersions(_ pipelineID: String, _ query: ListQuery) throws -> (items: [PipelineVersion], totalSize: Int, next: PageCursor?) {
        try pool.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM pipelines WHERE id = ?", arguments: [pipelineID]) == true else {
                throw Self.notFound("Pipeline", pipelineID)
            }
            var statement = ListStatement(table: "pipeline_versions", columns: Self.versionColumns)
            statement.scope = [("pipeline_id = ?", [pipelineID])]
            let page = try statement.fetch(query, in: db)
            return (page.rows.map(Self.pipelineVersion), page.totalSize, page.next)
        }
    }

    func deletePipelineVersion(_ pipelineID: String, _ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM pipeline_versions WHERE id = ? AND pipeline_id = ?", arguments: [id, pipelineID])
            if db.changesCount == 0 { throw Self.notFound("Pipeline version", id) }
        }
    }

    static func pipeline(_ row: Row) -> UploadedPipeline {
        UploadedPipeline(
            pipelineID: row["id"], name: row["name"], displayName: row["display_name"], description: row["description"],
            createdAt: Millis.date(row["created_at"]), namespace: row["namespace"], tags: stringMap(row["tags"]))
    }

    static func pipelineVersion(_ row: Row) -> PipelineVersion {
        let packageURL: String = row["package_url"]
        return PipelineVersion(
            pipelineID: row["pipeline_id"], pipelineVersionID: row["id"], name: row["name"],
            displayName: row["display_name"], description: row["description"], createdAt: Millis.date(row["created_at"]),
            packageURL: packageURL.isEmpty ? nil : packageURL, codeSourceURL: row["code_source_url"],
            pipelineSpec: json(row["pipeline_spec"]), tags: stringMap(row["tags"]))
    }
}
