import Foundation
import GRDB
import KFPAPI
import KFPLocal
import KFPSpec

/// The tasks of a run as they progress (from the runner's events), their output artifacts, and
/// the `run_details` built from them.
extension ServerStore {
    /// Records one task event: the task's row is created on its first event and updated on the
    /// next; a task that ends gets its output artifacts numbered (the ids `task_details` lists).
    func recordTask(runID: String, _ event: TaskEvent) throws {
        let now = Millis.now()
        let state = RuntimeState(rawValue: event.state.rawValue) ?? .unspecified
        try pool.write { db in
            let existing = try Row.fetchOne(
                db, sql: "SELECT task_id, state_history, start_time FROM run_tasks WHERE run_id = ? AND path = ?",
                arguments: [runID, event.taskPath])
            let taskID: String = existing?["task_id"] ?? Self.newID()
            var history = Self.json(existing?["state_history"])?.arrayValue ?? []
            let error = state == .failed || state == .canceled ? event.message.map { RPCStatus(code: RPCCode.unknown.rawValue, message: $0) } : nil
            history.append(RuntimeStatus(updateTime: Millis.date(now), state: state, error: error).json())
            var outputs: [String: JSONValue] = [:]
            if state.isTerminal {
                for (name, artifacts) in event.outputs.artifacts.sorted(by: { $0.key < $1.key }) {
                    var ids: [JSONValue] = []
                    for artifact in artifacts {
                        try db.execute(
                            sql: """
                                INSERT INTO artifacts (run_id, task_id, output_name, uri, path, metadata, schema_title, created_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [runID, taskID, name, artifact.uri, Self.localPath(artifact.uri),
                                        Self.text(.object(artifact.metadata ?? [:])), (artifact.type?.schemaTitle).flatMap { $0 } ?? "", now])
                        ids.append(.string(String(db.lastInsertedRowID)))
                    }
                    outputs[name] = .object(["artifact_ids": .array(ids)])
                }
            }
            let parameters = JSONValue.object(event.outputs.parameters)
            let stored = JSONValue.object(["artifacts": .object(outputs), "parameters": parameters])
            if existing == nil {
                try db.execute(
                    sql: """
                        INSERT INTO run_tasks (run_id, task_id, path, display_name, parent_task_id, state, create_time,
                            start_time, end_time, error, cached, outputs, task_root, state_history, node, job_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [runID, taskID, event.taskPath, event.taskPath,
                                try Self.parentTaskID(runID, event.taskPath, in: db), state.rawValue, now,
                                state == .skipped ? 0 : now, state.isTerminal ? now : 0,
                                error.map { Self.text($0.json()) }, event.cached, Self.text(stored),
                                event.taskRoot ?? "", Self.text(.array(history)), event.node ?? "", event.jobID ?? ""])
            } else {
                try db.execute(
                    sql: """
                        UPDATE run_tasks SET state = ?, end_time = ?, error = ?, cached = ?, outputs = ?,
                            task_root = CASE WHEN ? = '' THEN task_root ELSE ? END, state_history = ?,
                            node = CASE WHEN ? = '' THEN node ELSE ? END, job_id = CASE WHEN ? = '' THEN job_id ELSE ? END
                        WHERE run_id = ? AND path = ?
                        """,
                    arguments: [state.rawValue, state.isTerminal ? now : 0, error.map { Self.text($0.json()) },
                                event.cached, Self.text(stored), event.taskRoot ?? "", event.taskRoot ?? "",
                                Self.text(.array(history)), event.node ?? "", event.node ?? "", event.jobID ?? "",
                                event.jobID ?? "", runID, event.taskPath])
            }
        }
    }

    /// The nearest enclosing task that has a row (`for-loop-2/0/train` → `for-loop-2`).
    private static func parentTaskID(_ runID: String, _ path: String, in db: Database) throws -> String {
        var components = path.split(separator: "/").map(String.init)
        while components.count > 1 {
            components.removeLast()
            if let id = try String.fetchOne(
                db, sql: "SELECT task_id FROM run_tasks WHERE run_id = ? AND path = ?",
                arguments: [runID, components.joined(separator: "/")])
            {
                return id
            }
        }
        return ""
    }

    /// The local file path of an artifact URI (`file://` or a plain path); empty for remote URIs.
    static func localPath(_ uri: String) -> String {
        if uri.hasPrefix("file://") { return URL(string: uri)?.path ?? "" }
        return uri.hasPrefix("/") ? uri : ""
    }

    static func runDetails(_ runID: String, in db: Database) throws -> RunDetails? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM run_tasks WHERE run_id = ? ORDER BY create_time, path", arguments: [runID])
        guard !rows.isEmpty else { return nil }
        let tasks = rows.map { row -> PipelineTaskDetail in
            let stored = json(row["outputs"])?.objectValue ?? [:]
            let outputs = (stored["artifacts"]?.objectValue ?? [:]).compactMapValues { try? ArtifactIDList(json: $0, path: "outputs") }
            let error: String? = row["error"]
            let history = (json(row["state_history"])?.arrayValue ?? []).compactMap { try? RuntimeStatus(json: $0, path: "state_history") }
            // With the Slurm launcher: the node stands where KFP names the pod, the job id as the main job.
            let jobID: String = row["job_id"]
            return PipelineTaskDetail(
                runID: runID, taskID: row["task_id"], displayName: row["display_name"],
                createTime: Millis.date(row["create_time"]), startTime: Millis.date(row["start_time"]),
                endTime: Millis.date(row["end_time"]),
                executorDetail: jobID.isEmpty ? nil : ExecutorDetail(mainJob: jobID),
                state: RuntimeState(rawValue: row["state"]) ?? .unspecified,
                error: error.flatMap { json($0) }.flatMap { try? RPCStatus(json: $0, path: "error") },
                outputs: outputs, parentTaskID: row["parent_task_id"], stateHistory: history, podName: row["node"])
        }
        return RunDetails(taskDetails: tasks)
    }

    /// A task of a run by id: its folder and path (for logs), or nil.
    func task(runID: String, taskID: String) throws -> (path: String, taskRoot: String, state: RuntimeState)? {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT path, task_root, state FROM run_tasks WHERE run_id = ? AND (task_id = ? OR path = ?)",
                arguments: [runID, taskID, taskID])
            else { return nil }
            return (row["path"], row["task_root"], RuntimeState(rawValue: row["state"]) ?? .unspecified)
        }
    }
}

extension ServerStore {
    /// Records where a run writes its task folders (`<pipeline root>/<pipeline>/<run id>`).
    func setRunRoot(_ runID: String, _ folder: URL) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET run_root = ? WHERE id = ?", arguments: [folder.path, runID])
        }
    }

    /// The folder of a run's task files.
    ///
    /// - Throws: ``APIError`` not found for an unknown run or one that never started.
    func runRoot(_ runID: String) throws -> URL {
        let path = try pool.read { db in try String.fetchOne(db, sql: "SELECT run_root FROM runs WHERE id = ?", arguments: [runID]) }
        guard let path else { throw Self.notFound("Run", runID) }
        guard !path.isEmpty else { throw APIError.notFound("run \(runID) has not started; it has no files yet") }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
