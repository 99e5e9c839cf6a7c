import Crypto
import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Runs: creation, reads with task details, state changes with their history, archive and delete.
extension ServerStore {
    static let runColumns: [String: ListStatement.Column] = [
        "run_id": .text("id"), "display_name": .text("display_name"), "created_at": .time("created_at"),
        "finished_at": .time("finished_at"), "scheduled_at": .time("scheduled_at"), "description": .text("description"),
        "storage_state": .text("storage_state"), "status": .text("state"), "state": .text("state"),
        "namespace": .text("namespace"), "experiment_id": .text("experiment_id"),
        "state_history": .text("state_history"), "runtime_details": .text("state"),
        "recurring_run_id": .text("recurring_run_id"),
    ]

    /// What a new run record holds besides the request's own fields.
    struct NewRun {
        var run: Run
        var experimentID: String
        var package: PipelinePackage
        var pipelineID = ""
        var pipelineVersionID = ""
        var recurringRunID = ""
    }

    /// Stores a spec once by content (runs of one pipeline share it); returns its key.
    static func storeSpec(_ json: JSONValue, in db: Database) throws -> String {
        let text = Self.text(json)
        let hash = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        try db.execute(sql: "INSERT OR IGNORE INTO pipeline_specs (hash, json) VALUES (?, ?)", arguments: [hash, text])
        return hash
    }

    /// Creates a run in state PENDING.
    ///
    /// - Throws: ``APIError`` not found for an unknown experiment, failed precondition for an archived one.
    func createRun(_ new: NewRun) throws -> Run {
        let id = Self.newID()
        let now = Millis.now()
        try pool.write { db in
            guard let storage = try String.fetchOne(
                db, sql: "SELECT storage_state FROM experiments WHERE id = ?", arguments: [new.experimentID])
            else { throw Self.notFound("Experiment", new.experimentID) }
            if storage == StorageState.archived.rawValue {
                throw APIError.failedPrecondition("Experiment \(new.experimentID) is archived: unarchive it to add runs")
            }
            let hash = try Self.storeSpec(new.package.json, in: db)
            try Self.insertPendingRun(
                PendingRun(
                    id: id, experimentID: new.experimentID, displayName: new.run.displayName, description: new.run.description,
                    pipelineID: new.pipelineID, pipelineVersionID: new.pipelineVersionID, specHash: hash,
                    runtimeConfig: Self.text((new.run.runtimeConfig ?? RuntimeConfig()).json()),
                    serviceAccount: new.run.serviceAccount, scheduledAt: now, recurringRunID: new.recurringRunID),
                now: now, in: db)
        }
        return try run(id)
    }

    /// The columns of a new run row (state PENDING), from a request or a recurring run's firing.
    struct PendingRun {
        var id: String
        var experimentID: String
        var displayName: String
        var description: String
        var pipelineID: String
        var pipelineVersionID: String
        var specHash: String?
        /// `RuntimeConfig` as compact JSON.
        var runtimeConfig: String
        var serviceAccount: String
        /// Milliseconds since 1970.
        var scheduledAt: Int64
        var recurringRunID: String
    }

    /// Inserts a PENDING run with its first state-history entry and moves its experiment's
    /// `last_run_created_at`; call inside a write transaction.
    static func insertPendingRun(_ run: PendingRun, now: Int64, in db: Database) throws {
        let history = JSONValue.array([RuntimeStatus(updateTime: Millis.date(now), state: .pending).json()])
        try db.execute(
            sql: """
                INSERT INTO runs (id, experiment_id, display_name, description, pipeline_id, pipeline_version_id,
                    spec_hash, runtime_config, service_account, created_at, scheduled_at, state, recurring_run_id, state_history)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [run.id, run.experimentID, run.displayName, run.description, run.pipelineID, run.pipelineVersionID,
                        run.specHash, run.runtimeConfig, run.serviceAccount, now, run.scheduledAt, RuntimeState.pending.rawValue,
                        run.recurringRunID, Self.text(history)])
        try db.execute(sql: "UPDATE experiments SET last_run_created_at = ? WHERE id = ?", arguments: [now, run.experimentID])
    }

    /// A run with its task details (each task's state, times, error and output artifact ids).
    func run(_ id: String) throws -> Run {
        try runWithSpecText(id).run
    }

    /// A run with its task details, and its spec (when the run carries one rather than a pipeline
    /// version) also as the compact JSON text a response holds, from ``specJSON``.
    func runWithSpecText(_ id: String) throws -> (run: Run, specText: String?) {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else {
                throw Self.notFound("Run", id)
            }
            var run = Self.run(row)
            let spec = run.pipelineVersionReference == nil ? try storedSpec(row["spec_hash"], in: db) : nil
            run.pipelineSpec = spec?.value
            run.runDetails = try Self.runDetails(id, in: db)
            return (run, spec?.text)
        }
    }

    /// The spec stored under `hash`, parsed once and kept in ``specJSON``; nil for no hash or no row.
    func storedSpec(_ hash: String?, in db: Database) throws -> StoredSpecJSON? {
        guard let hash, !hash.isEmpty else { return nil }
        return try specJSON.value(hash: hash) {
            let text = try String.fetchOne(db, sql: "SELECT json FROM pipeline_specs WHERE hash = ?", arguments: [hash])
            guard let value = Self.json(text) else { throw APIError.internalError("the stored spec \(hash) is missing or not JSON") }
            return StoredSpecJSON(value: value)
        }
    }

    /// A page of runs, each with its spec's compact JSON text when it carries a spec (see ``runWithSpecText(_:)``).
    func listRuns(_ query: ListQuery, experimentID: String?) throws -> (items: [(run: Run, specText: String?)], totalSize: Int, next: PageCursor?) {
        try pool.read { db in
            var statement = ListStatement(table: "runs", columns: Self.runColumns)
            if let experimentID { statement.scope = [("experiment_id = ?", [experimentID])] }
            let page = try statement.fetch(query, in: db)
            let runs = try page.rows.map { row -> (run: Run, specText: String?) in
                var run = Self.run(row)
                let spec = run.pipelineVersionReference == nil ? try? storedSpec(row["spec_hash"], in: db) : nil
                run.pipelineSpec = spec?.value
                return (run, spec?.text)
            }
            return (runs, page.totalSize, page.next)
        }
    }

    /// The content hash of a run's stored spec (its key in `pipeline_specs`).
    ///
    /// - Throws: ``APIError`` not found for an unknown run.
    func runSpecHash(_ id: String) throws -> String {
        let hash = try pool.read { db in try String.fetchOne(db, sql: "SELECT spec_hash FROM runs WHERE id = ?", arguments: [id]) }
        guard let hash else { throw Self.notFound("Run", id) }
        return hash
    }

    /// The stored spec and runtime config of a run (to execute or retry it).
    func runInputs(_ id: String) throws -> (package: PipelinePackage, config: RuntimeConfig, state: RuntimeState) {
        let (row, spec) = try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT runs.*, pipeline_specs.json AS spec FROM runs LEFT JOIN pipeline_specs ON hash = spec_hash WHERE id = ?",
                arguments: [id])
            else { throw Self.notFound("Run", id) }
            return (row, Self.json(row["spec"]))
        }
        guard let spec else { throw APIError.internalError("run \(id) has no stored pipeline spec") }
        let run = Self.run(row)
        return (try PipelinePackage.stored(spec), run.runtimeConfig ?? RuntimeConfig(), run.state)
    }

    /// Moves a run to `state` (appending to its history). Returns false when the run is gone or
    /// `allowedFrom` does not hold its current state.
    @discardableResult
    func setRunState(
        _ id: String, _ state: RuntimeState, error: String? = nil, allowedFrom: Set<RuntimeState>? = nil
    ) throws -> Bool {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, state_history FROM runs WHERE id = ?", arguments: [id]) else {
                return false
            }
            let current = RuntimeState(rawValue: row["state"]) ?? .unspecified
            if let allowedFrom, !allowedFrom.contains(current) { return false }
            let now = Millis.now()
            let status = error.map { RPCStatus(code: RPCCode.unknown.rawValue, message: $0) }
            var history = Self.json(row["state_history"])?.arrayValue ?? []
            history.append(RuntimeStatus(updateTime: Millis.date(now), state: state, error: status).json())
            try db.execute(
                sql: "UPDATE runs SET state = ?, error = ?, state_history = ?, finished_at = ? WHERE id = ?",
                arguments: [state.rawValue, status.map { Self.text($0.json()) }, Self.text(.array(history)),
                            state.isTerminal ? now : 0, id])
            return true
        }
    }

    func setRunArchived(_ id: String, _ archived: Bool) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE runs SET storage_state = ? WHERE id = ?",
                arguments: [archived ? StorageState.archived.rawValue : StorageState.available.rawValue, id])
            if db.changesCount == 0 { throw Self.notFound("Run", id) }
        }
    }

    func deleteRun(_ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw Self.notFound("Run", id) }
        }
    }

    /// Ends every run a previous server process left unfinished (PENDING, RUNNING, CANCELING) as
    /// FAILED, saying why; their unfinished tasks too. Returns the ids.
    func failInterruptedRuns(reason: String) throws -> [String] {
        let ids = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM runs WHERE state IN ('PENDING', 'RUNNING', 'CANCELING')")
        }
        for id in ids {
            try setRunState(id, .failed, error: reason)
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE run_tasks SET state = 'FAILED', error = ?, end_time = ? WHERE run_id = ? AND state IN ('PENDING', 'RUNNING')",
                    arguments: [Self.text(RPCStatus(code: RPCCode.unknown.rawValue, message: reason).json()), Millis.now(), id])
            }
        }
        return ids
    }

    static func run(_ row: Row) -> Run {
        let error: String? = row["error"]
        let config = json(row["runtime_config"]).flatMap { try? RuntimeConfig(json: $0, path: "runtime_config") }
        let history = (json(row["state_history"])?.arrayValue ?? []).compactMap { try? RuntimeStatus(json: $0, path: "state_history") }
        let pipelineID: String = row["pipeline_id"]
        let versionID: String = row["pipeline_version_id"]
        return Run(
            experimentID: row["experiment_id"], runID: row["id"], displayName: row["display_name"],
            storageState: StorageState(rawValue: row["storage_state"]) ?? .available, description: row["description"],
            pipelineVersionID: "",
            pipelineSpec: nil,
            pipelineVersionReference: pipelineID.isEmpty ? nil
                : PipelineVersionReference(pipelineID: pipelineID, pipelineVersionID: versionID),
            runtimeConfig: config, serviceAccount: row["service_account"], createdAt: Millis.date(row["created_at"]),
            scheduledAt: Millis.date(row["scheduled_at"]), finishedAt: Millis.date(row["finished_at"]),
            state: RuntimeState(rawValue: row["state"]) ?? .unspecified,
            error: error.flatMap { json($0) }.flatMap { try? RPCStatus(json: $0, path: "error") },
            recurringRunID: row["recurring_run_id"], stateHistory: history)
    }
}
