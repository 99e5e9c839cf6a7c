import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Experiments: KFP's `ExperimentService` semantics (unique display names, a "Default" experiment
/// that cannot be deleted, archiving that carries over to runs and recurring runs).
extension ServerStore {
    static let experimentColumns: [String: ListStatement.Column] = [
        "experiment_id": .text("id"), "display_name": .text("display_name"), "created_at": .time("created_at"),
        "last_run_created_at": .time("last_run_created_at"), "description": .text("description"),
        "namespace": .text("namespace"), "storage_state": .text("storage_state"),
    ]

    /// The id of the experiment named "Default", created when missing.
    func defaultExperimentID() throws -> String {
        try pool.write { db in
            if let id = try String.fetchOne(
                db, sql: "SELECT id FROM experiments WHERE display_name = ?", arguments: [Self.defaultExperimentName])
            {
                return id
            }
            let id = Self.newID()
            try db.execute(
                sql: "INSERT INTO experiments (id, display_name, description, created_at) VALUES (?, ?, ?, ?)",
                arguments: [id, Self.defaultExperimentName, Self.defaultExperimentDescription, Millis.now()])
            return id
        }
    }

    /// Creates an experiment. Throws invalid argument for an empty name, already exists for a taken one.
    func createExperiment(_ experiment: Experiment) throws -> Experiment {
        guard !experiment.displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalidArgument("Experiment name is empty. Please specify a valid experiment name.")
        }
        let id = Self.newID()
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE display_name = ?", arguments: [experiment.displayName]) == true {
                throw APIError.alreadyExists(
                    "Failed to create a new experiment. The name \(experiment.displayName) already exists. Please specify a new name.")
            }
            try db.execute(
                sql: "INSERT INTO experiments (id, display_name, description, created_at) VALUES (?, ?, ?, ?)",
                arguments: [id, experiment.displayName, experiment.description, Millis.now()])
        }
        return try self.experiment(id)
    }

    func experiment(_ id: String) throws -> Experiment {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM experiments WHERE id = ?", arguments: [id]) else {
                throw Self.notFound("Experiment", id)
            }
            return Self.experiment(row)
        }
    }

    func listExperiments(_ query: ListQuery) throws -> (items: [Experiment], totalSize: Int, next: PageCursor?) {
        try pool.read { db in
            let page = try ListStatement(table: "experiments", columns: Self.experimentColumns).fetch(query, in: db)
            return (page.rows.map(Self.experiment), page.totalSize, page.next)
        }
    }

    /// Deletes an experiment (its runs stay). The Default experiment is refused (ABORTED, as KFP).
    func deleteExperiment(_ id: String) throws {
        try pool.write { db in
            guard let name = try String.fetchOne(db, sql: "SELECT display_name FROM experiments WHERE id = ?", arguments: [id]) else {
                throw Self.notFound("Experiment", id)
            }
            if name == Self.defaultExperimentName {
                throw APIError.aborted("Failed to delete experiment \(id): the default experiment cannot be deleted")
            }
            try db.execute(sql: "DELETE FROM experiments WHERE id = ?", arguments: [id])
        }
    }

    /// Archives an experiment with its runs, and disables its recurring runs; or unarchives the
    /// experiment alone (its runs stay archived), as KFP does.
    func setExperimentArchived(_ id: String, _ archived: Bool) throws {
        try pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE id = ?", arguments: [id]) == true else {
                throw Self.notFound("Experiment", id)
            }
            let state = archived ? StorageState.archived.rawValue : StorageState.available.rawValue
            try db.execute(sql: "UPDATE experiments SET storage_state = ? WHERE id = ?", arguments: [state, id])
            if archived {
                try db.execute(sql: "UPDATE runs SET storage_state = ? WHERE experiment_id = ?", arguments: [state, id])
                try db.execute(
                    sql: "UPDATE recurring_runs SET enabled = 0, updated_at = ? WHERE experiment_id = ?",
                    arguments: [Millis.now(), id])
            }
        }
    }

    static func experiment(_ row: Row) -> Experiment {
        Experiment(
            experimentID: row["id"], displayName: row["display_name"], description: row["description"],
            createdAt: Millis.date(row["created_at"]), namespace: row["namespace"],
            storageState: StorageState(rawValue: row["storage_state"]) ?? .available,
            lastRunCreatedAt: Millis.date(row["last_run_created_at"]))
    }
}
