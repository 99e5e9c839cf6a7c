import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Writes finished runs straight into a stopped server's database (`<data>/kfp.sqlite`), as the
/// server itself would have recorded them: one shared `pipeline_specs` row, runs in the Default
/// experiment, each with its runtime config, PENDING → RUNNING → SUCCEEDED history and run root.
struct Seeder {
    let dataFolder: URL
    let spec: JSONValue

    /// Inserts `count` SUCCEEDED runs in one transaction; returns the Default experiment's id.
    ///
    /// - Throws: ``BenchmarkError`` when the server did not create the Default experiment; GRDB
    ///   errors from the database.
    func seed(count: Int) throws -> String {
        let path = dataFolder.appendingPathComponent("kfp.sqlite").path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)  // the stopped server may still be closing its connections
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        defer { try? pool.close() }

        let specText = spec.compactJSON()
        let hash = SpecKey.sha256(specText)
        let pipelineName = spec.objectValue?["pipelineInfo"]?.objectValue?["name"]?.stringValue ?? "echo"
        let runRoot = dataFolder.standardizedFileURL.appendingPathComponent("pipeline-root").appendingPathComponent(pipelineName)
        // One run a minute, ending a minute ago; each ran 20-79 s after a 1-3 s wait.
        let end = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        let first = end - Int64(count) * 60_000

        return try pool.write { db in
            guard let experimentID = try String.fetchOne(
                db, sql: "SELECT id FROM experiments WHERE display_name = 'Default'")
            else { throw BenchmarkError("the server did not create the Default experiment in \(path)") }
            try db.execute(
                sql: "INSERT OR IGNORE INTO pipeline_specs (hash, json) VALUES (?, ?)", arguments: [hash, specText])
            let insert = try db.makeStatement(sql: """
                INSERT INTO runs (id, experiment_id, display_name, description, spec_hash, runtime_config,
                    created_at, scheduled_at, finished_at, state, state_history, run_root)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUCCEEDED', ?, ?)
                """)
            var lastCreated: Int64 = 0
            for index in 0..<count {
                let id = UUID().uuidString.lowercased()
                let created = first + Int64(index) * 60_000 + Int64(index % 997)
                let started = created + 1_000 + Int64(index % 2_000)
                let finished = started + 20_000 + Int64(index % 60) * 1_000
                let name = String(format: "echo-nightly-%06d", index + 1)
                let config = RuntimeConfig(parameters: ["text": .string("run \(index + 1) of \(count)")])
                let history = JSONValue.array([
                    RuntimeStatus(updateTime: Self.date(created), state: .pending).json(),
                    RuntimeStatus(updateTime: Self.date(started), state: .running).json(),
                    RuntimeStatus(updateTime: Self.date(finished), state: .succeeded).json(),
                ])
                try insert.execute(arguments: [
                    id, experimentID, name, "seeded run \(index + 1)", hash, config.json().compactJSON(),
                    created, created, finished, history.compactJSON(), runRoot.appendingPathComponent(id).path,
                ])
                lastCreated = created
            }
            try db.execute(
                sql: "UPDATE experiments SET last_run_created_at = ? WHERE id = ?", arguments: [lastCreated, experimentID])
            return experimentID
        }
    }

    /// The number of rows in `table` (for checking the seed).
    func count(_ table: String) throws -> Int {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: dataFolder.appendingPathComponent("kfp.sqlite").path, configuration: configuration)
        defer { try? pool.close() }
        return try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    private static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
