import Foundation
import GRDB
import KFPAPI

/// One task execution of a run, for the executions list.
struct StoredExecution: Sendable {
    let taskID: String
    let taskPath: String
    let runID: String
    let runName: String
    let state: RuntimeState
    let cached: Bool
    let createTime: Int64
    let startTime: Date?
    let endTime: Date?
}

/// The task executions across runs (`/executions`), newest first, paged by `(create_time, task_id)`.
extension ServerStore {
    /// One page of executions.
    ///
    /// - Parameters:
    ///   - taskText: only tasks whose path contains this text.
    ///   - state: only tasks in this state.
    ///   - cached: only cache hits (true) or only tasks that ran (false).
    ///   - before: the page token, `<create time ms>:<task id>` of the last execution of the previous page.
    /// - Throws: ``APIError`` invalid argument for a page token of another shape.
    func listExecutions(taskText: String, state: String?, cached: Bool?, before: String?, pageSize: Int) throws
        -> (items: [StoredExecution], totalSize: Int, nextPageToken: String?)
    {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !taskText.isEmpty {
            conditions.append("instr(lower(run_tasks.path), lower(?)) > 0")
            arguments.append(taskText)
        }
        if let state {
            conditions.append("run_tasks.state = ?")
            arguments.append(state)
        }
        if let cached {
            conditions.append("run_tasks.cached = ?")
            arguments.append(cached ? 1 : 0)
        }
        let counted = arguments
        let filter = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        if let before {
            let parts = before.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let time = Int64(parts[0]) else {
                throw APIError.invalidArgument("invalid page token \"\(before)\": expected <create time>:<task id>")
            }
            conditions.append("(run_tasks.create_time < ? OR (run_tasks.create_time = ? AND run_tasks.task_id < ?))")
            arguments += [time, time, parts[1]]
        }
        let paged = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        let from = "FROM run_tasks JOIN runs ON runs.id = run_tasks.run_id"
        return try pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from) WHERE \(filter)", arguments: StatementArguments(counted)) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run_tasks.task_id, run_tasks.path, run_tasks.run_id, runs.display_name, run_tasks.state, run_tasks.cached,
                        run_tasks.create_time, run_tasks.start_time, run_tasks.end_time
                    \(from) WHERE \(paged) ORDER BY run_tasks.create_time DESC, run_tasks.task_id DESC LIMIT ?
                    """,
                arguments: StatementArguments(arguments + [pageSize + 1])
            ).map { row in
                StoredExecution(
                    taskID: row["task_id"], taskPath: row["path"], runID: row["run_id"], runName: row["display_name"],
                    state: RuntimeState(rawValue: row["state"]) ?? .unspecified, cached: (row["cached"] as Int64) != 0,
                    createTime: row["create_time"], startTime: Millis.date(row["start_time"]), endTime: Millis.date(row["end_time"]))
            }
            let last = rows.count > pageSize ? rows[pageSize - 1] : nil
            return (Array(rows.prefix(pageSize)), total, last.map { "\($0.createTime):\($0.taskID)" })
        }
    }

    /// The run and path of the task with id `taskID`.
    ///
    /// - Throws: ``APIError`` not found for an unknown id.
    func execution(_ taskID: String) throws -> (runID: String, path: String) {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT run_id, path FROM run_tasks WHERE task_id = ?", arguments: [taskID])
        }
        guard let row else { throw Self.notFound("Execution", taskID) }
        return (row["run_id"], row["path"])
    }
}
