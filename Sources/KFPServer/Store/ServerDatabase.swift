import Foundation
import GRDB

/// The server's SQLite database (`<data>/kfp.sqlite`, WAL): the schema and the connection pool.
///
/// Times are stored as integer milliseconds since 1970 (UTC), JSON documents (pipeline specs,
/// runtime configs, state histories, task outputs) as compact JSON text. Every list order has an
/// index on `(sort column, id)` so keyset paging stays fast at 100,000 rows.
struct ServerDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating when missing) the database at `path` and migrates it to the current schema.
    ///
    /// - Throws: GRDB's `DatabaseError` when the file cannot be opened, migrated or written.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        // Takes the write lock once, so a database another process holds locked, or one this
        // process cannot write, is an error at start-up rather than at the first request.
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) { .commit }
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE experiments (
                    id TEXT PRIMARY KEY, display_name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                    namespace TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,
                    storage_state TEXT NOT NULL DEFAULT 'AVAILABLE', last_run_created_at INTEGER NOT NULL DEFAULT 0);
                CREATE UNIQUE INDEX experiments_by_name ON experiments(display_name);
                CREATE INDEX experiments_by_created ON experiments(created_at, id);

                CREATE TABLE pipelines (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '', namespace TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL, tags TEXT NOT NULL DEFAULT '{}');
                CREATE UNIQUE INDEX pipelines_by_name ON pipelines(name);
                CREATE INDEX pipelines_by_display_name ON pipelines(display_name, id);
                CREATE INDEX pipelines_by_created ON pipelines(created_at, id);

                CREATE TABLE pipeline_versions (
                    id TEXT PRIMARY KEY, pipeline_id TEXT NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
                    name TEXT NOT NULL, display_name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL, package_url TEXT NOT NULL DEFAULT '',
                    code_source_url TEXT NOT NULL DEFAULT '', pipeline_spec TEXT NOT NULL,
                    tags TEXT NOT NULL DEFAULT '{}', status TEXT NOT NULL DEFAULT 'READY');
                CREATE UNIQUE INDEX versions_by_name ON pipeline_versions(pipeline_id, name);
                CREATE INDEX versions_by_created ON pipeline_versions(pipeline_id, created_at, id);

                CREATE TABLE pipeline_specs (hash TEXT PRIMARY KEY, json TEXT NOT NULL);

                CREATE TABLE runs (
                    id TEXT PRIMARY KEY, experiment_id TEXT NOT NULL, display_name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '', namespace TEXT NOT NULL DEFAULT '',
                    storage_state TEXT NOT NULL DEFAULT 'AVAILABLE',
                    pipeline_id TEXT NOT NULL DEFAULT '', pipeline_version_id TEXT NOT NULL DEFAULT '',
                    spec_hash TEXT REFERENCES pipeline_specs(hash), runtime_config TEXT NOT NULL DEFAULT '{}',
                    service_account TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,
                    scheduled_at INTEGER NOT NULL DEFAULT 0, finished_at INTEGER NOT NULL DEFAULT 0,
                    state TEXT NOT NULL, error TEXT, recurring_run_id TEXT NOT NULL DEFAULT '',
                    state_history TEXT NOT NULL DEFAULT '[]', run_root TEXT NOT NULL DEFAULT '');
                CREATE INDEX runs_by_created ON runs(created_at, id);
                CREATE INDEX runs_by_experiment ON runs(experiment_id, created_at, id);
                CREATE INDEX runs_by_name ON runs(display_name, id);
                CREATE INDEX runs_by_state ON runs(state, created_at, id);
                CREATE INDEX runs_by_finished ON runs(finished_at, id);
                CREATE INDEX runs_by_recurring_run ON runs(recurring_run_id, state);

                CREATE TABLE run_tasks (
                    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, task_id TEXT NOT NULL,
                    path TEXT NOT NULL, display_name TEXT NOT NULL, parent_task_id TEXT NOT NULL DEFAULT '',
                    state TEXT NOT NULL, create_time INTEGER NOT NULL, start_time INTEGER NOT NULL DEFAULT 0,
                    end_time INTEGER NOT NULL DEFAULT 0, error TEXT, cached INTEGER NOT NULL DEFAULT 0,
                    outputs TEXT NOT NULL DEFAULT '{}', task_root TEXT NOT NULL DEFAULT '',
                    state_history TEXT NOT NULL DEFAULT '[]',
                    PRIMARY KEY (run_id, path));
                CREATE UNIQUE INDEX run_tasks_by_id ON run_tasks(task_id);

                CREATE TABLE artifacts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    task_id TEXT NOT NULL, output_name TEXT NOT NULL, uri TEXT NOT NULL, path TEXT NOT NULL,
                    metadata TEXT NOT NULL DEFAULT '{}');
                CREATE INDEX artifacts_by_task ON artifacts(task_id, output_name);

                CREATE TABLE recurring_runs (
                    id TEXT PRIMARY KEY, display_name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                    namespace TEXT NOT NULL DEFAULT '', experiment_id TEXT NOT NULL,
                    pipeline_id TEXT NOT NULL DEFAULT '', pipeline_version_id TEXT NOT NULL DEFAULT '',
                    spec_hash TEXT REFERENCES pipeline_specs(hash), runtime_config TEXT NOT NULL DEFAULT '{}',
                    service_account TEXT NOT NULL DEFAULT '', max_concurrency INTEGER NOT NULL DEFAULT 1,
                    trigger TEXT NOT NULL, enabled INTEGER NOT NULL, no_catchup INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    last_fire_at INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX recurring_runs_by_created ON recurring_runs(created_at, id);
                CREATE INDEX recurring_runs_by_name ON recurring_runs(display_name, id);
                """)
        }
        migrator.registerMigration("v2-task-placement") { db in
            // Where a task ran with a remote launcher (Slurm): its node and job id.
            try db.execute(sql: """
                ALTER TABLE run_tasks ADD COLUMN node TEXT NOT NULL DEFAULT '';
                ALTER TABLE run_tasks ADD COLUMN job_id TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v3-artifact-types") { db in
            // The artifact's KFP type and when it was recorded (the artifacts pages list and filter by them).
            try db.execute(sql: """
                ALTER TABLE artifacts ADD COLUMN schema_title TEXT NOT NULL DEFAULT '';
                ALTER TABLE artifacts ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX artifacts_by_uri ON artifacts(uri);
                CREATE INDEX run_tasks_by_created ON run_tasks(create_time, task_id);
                """)
        }
        return migrator
    }
}

/// Milliseconds since 1970 for the database's time columns (0 = not set).
enum Millis {
    static func now() -> Int64 { from(Date()) }
    static func from(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ millis: Int64) -> Date? { millis == 0 ? nil : Date(timeIntervalSince1970: Double(millis) / 1000) }
}
