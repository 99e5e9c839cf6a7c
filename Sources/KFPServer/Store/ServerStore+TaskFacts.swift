import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// What the UI's task panel shows beside a task's `task_details` entry: whether its outputs came
/// from the cache, its output parameter values, its output artifacts (URI, file, metadata) and
/// its folder (executor input and log).
struct StoredTaskFacts: Sendable {
    struct Artifact: Sendable {
        let id: String
        let name: String
        let uri: String
        /// The local file or folder; empty for remote URIs.
        let path: String
        let metadata: [String: JSONValue]
    }

    let cached: Bool
    let state: RuntimeState
    let outputParameters: [String: JSONValue]
    let artifacts: [Artifact]
    /// The task's folder (`executor_input.json`, `log.txt`); empty when it did not run.
    let taskRoot: String
}

extension ServerStore {
    /// The facts of the task at `path` in run `runID`, or nil when the task has no row yet.
    func taskFacts(runID: String, path: String) throws -> StoredTaskFacts? {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT task_id, state, cached, outputs, task_root FROM run_tasks WHERE run_id = ? AND path = ?",
                arguments: [runID, path])
            else { return nil }
            let taskID: String = row["task_id"]
            let artifacts = try Row.fetchAll(
                db, sql: "SELECT id, output_name, uri, path, metadata FROM artifacts WHERE run_id = ? AND task_id = ? ORDER BY output_name, id",
                arguments: [runID, taskID]
            ).map { artifact in
                StoredTaskFacts.Artifact(
                    id: String(artifact["id"] as Int64), name: artifact["output_name"], uri: artifact["uri"], path: artifact["path"],
                    metadata: Self.json(artifact["metadata"])?.objectValue ?? [:])
            }
            let outputs = Self.json(row["outputs"])?.objectValue ?? [:]
            return StoredTaskFacts(
                cached: (row["cached"] as Int64) != 0, state: RuntimeState(rawValue: row["state"]) ?? .unspecified,
                outputParameters: outputs["parameters"]?.objectValue ?? [:], artifacts: artifacts, taskRoot: row["task_root"])
        }
    }
}
