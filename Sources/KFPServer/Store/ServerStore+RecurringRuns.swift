import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Recurring runs: KFP's `RecurringRunService` records, and the bookkeeping the scheduler needs
/// (the last fire time, the runs still going).
extension ServerStore {
    static let recurringRunColumns: [String: ListStatement.Column] = [
        "recurring_run_id": .text("id"), "display_name": .text("display_name"), "created_at": .time("created_at"),
        "updated_at": .time("updated_at"), "description": .text("description"), "experiment_id": .text("experiment_id"),
        "namespace": .text("namespace"),
    ]

    /// Stores a recurring run made from `template` (its spec and runtime config) and `recurringRun`'s
    /// trigger, concurrency and mode.
    func createRecurringRun(_ recurringRun: RecurringRun, template: NewRun) throws -> RecurringRun {
        let id = Self.newID()
        let now = Millis.now()
        guard let trigger = recurringRun.trigger else {
            throw APIError.invalidArgument("Invalid recurring run: it needs a trigger (cron_schedule or periodic_schedule)")
        }
        try pool.write { db in
            let hash = try Self.storeSpec(template.package.json, in: db)
            try db.execute(
                sql: """
                    INSERT INTO recurring_runs (id, display_name, description, experiment_id, pipeline_id, pipeline_version_id,
                        spec_hash, runtime_config, service_account, max_concurrency, trigger, enabled, no_catchup, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, recurringRun.displayName, recurringRun.description, template.experimentID, template.pipelineID,
                            template.pipelineVersionID, hash, Self.text((recurringRun.runtimeConfig ?? RuntimeConfig()).json()),
                            recurringRun.serviceAccount, recurringRun.maxConcurrency,
                            Self.text(trigger.json()),
                            recurringRun.mode != .disable, recurringRun.noCatchup, now, now])
        }
        return try self.recurringRun(id)
    }

    func recurringRun(_ id: String) throws -> RecurringRun {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT recurring_runs.*, pipeline_specs.json AS spec FROM recurring_runs LEFT JOIN pipeline_specs ON hash = spec_hash WHERE id = ?",
                arguments: [id])
            else { throw Self.notFound("RecurringRun", id) }
            return Self.recurringRun(row)
        }
    }

    func listRecurringRuns(_ query: ListQuery, experimentID: String?) throws -> (items: [RecurringRun], totalSize: Int, next: PageCursor?) {
        try pool.read { db in
            var statement = ListStatement(table: "recurring_runs", columns: Self.recurringRunColumns)
            if let experimentID { statement.scope = [("experiment_id = ?", [experimentID])] }
            let page = try statement.fetch(query, in: db)
            var items: [RecurringRun] = []
            for row in page.rows {
                var item = Self.recurringRun(row)
                if item.pipelineVersionReference == nil, let hash: String = row["spec_hash"] {
                    item.pipelineSpec = Self.json(try String.fetchOne(db, sql: "SELECT json FROM pipeline_specs WHERE hash = ?", arguments: [hash]))
                }
                items.append(item)
            }
            return (items, page.totalSize, page.next)
        }
    }

    func setRecurringRunEnabled(_ id: String, _ enabled: Bool) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE recurring_runs SET enabled = ?, updated_at = ? WHERE id = ?", arguments: [enabled, Millis.now(), id])
            if db.changesCount == 0 { throw Self.notFound("RecurringRun", id) }
        }
    }

    func deleteRecurringRun(_ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM recurring_runs WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw Self.notFound("RecurringRun", id) }
        }
    }

    /// What the scheduler needs of each enabled recurring run.
    struct ScheduleEntry {
        var id: String
        var displayName: String
        var trigger: Trigger
        var maxConcurrency: Int
        var noCatchup: Bool
        var createdAt: Date
        var lastFireAt: Date?
        /// Runs it started that have not finished.
        var activeRuns: Int
    }

    func enabledSchedules() throws -> [ScheduleEntry] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*, (SELECT COUNT(*) FROM runs WHERE recurring_run_id = r.id
                    AND state IN ('PENDING', 'RUNNING', 'CANCELING')) AS active
                FROM recurring_runs r WHERE enabled = 1
                """)
            return rows.compactMap { row -> ScheduleEntry? in
                guard let trigger = Self.recurringRun(row).trigger else { return nil }
                let maxConcurrency: Int64 = row["max_concurrency"]
                return ScheduleEntry(
                    id: row["id"], displayName: row["display_name"], trigger: trigger,
                    maxConcurrency: Int(max(1, maxConcurrency)), noCatchup: row["no_catchup"],
                    createdAt: Millis.date(row["created_at"]) ?? Date(), lastFireAt: Millis.date(row["last_fire_at"]),
                    activeRuns: row["active"])
            }
        }
    }

    /// Creates the run a recurring run fires for `scheduledAt`, and moves its last fire time there,
    /// in one transaction.
    func fire(_ entry: ScheduleEntry, scheduledAt: Date) throws -> String? {
        let runID = Self.newID()
        let now = Millis.now()
        let inserted = try pool.write { db -> Bool in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM recurring_runs WHERE id = ? AND enabled = 1", arguments: [entry.id]) else {
                return false
            }
            try Self.insertPendingRun(
                PendingRun(
                    id: runID, experimentID: row["experiment_id"], displayName: "\(entry.displayName) \(APITimestamp.format(scheduledAt))",
                    description: row["description"], pipelineID: row["pipeline_id"], pipelineVersionID: row["pipeline_version_id"],
                    specHash: row["spec_hash"], runtimeConfig: row["runtime_config"], serviceAccount: row["service_account"],
                    scheduledAt: Millis.from(scheduledAt), recurringRunID: entry.id),
                now: now, in: db)
            try db.execute(sql: "UPDATE recurring_runs SET last_fire_at = ? WHERE id = ?", arguments: [Millis.from(scheduledAt), entry.id])
            return true
        }
        return inserted ? runID : nil
    }

    /// Moves a recurring run's last fire time without firing (skipped times when `no_catchup`).
    func skipTo(_ id: String, _ date: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE recurring_runs SET last_fire_at = ? WHERE id = ?", arguments: [Millis.from(date), id])
        }
    }

    static func recurringRun(_ row: Row) -> RecurringRun {
        let pipelineID: String = row["pipeline_id"]
        let versionID: String = row["pipeline_version_id"]
        let config = json(row["runtime_config"]).flatMap { try? RuntimeConfig(json: $0, path: "runtime_config") }
        let trigger = json(row["trigger"]).flatMap { try? Trigger(json: $0, path: "trigger") }
        let enabled: Bool = row["enabled"]
        let maxConcurrency: Int64 = row["max_concurrency"]
        let noCatchup: Bool = row["no_catchup"]
        let spec = pipelineID.isEmpty ? json(row["spec"]) : nil
        let reference = pipelineID.isEmpty ? nil : PipelineVersionReference(pipelineID: pipelineID, pipelineVersionID: versionID)
        return RecurringRun(
            recurringRunID: row["id"], displayName: row["display_name"], description: row["description"],
            pipelineSpec: spec, pipelineVersionReference: reference, runtimeConfig: config, serviceAccount: row["service_account"], maxConcurrency: maxConcurrency, trigger: trigger,
            mode: enabled ? .enable : .disable, createdAt: Millis.date(row["created_at"]), updatedAt: Millis.date(row["updated_at"]),
            status: enabled ? .enabled : .disabled, noCatchup: noCatchup, namespace: row["namespace"],
            experimentID: row["experiment_id"])
    }
}
