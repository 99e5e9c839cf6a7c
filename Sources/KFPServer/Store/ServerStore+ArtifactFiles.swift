import Foundation
import GRDB
import KFPAPI

/// Where an artifact's bytes may be served from: its own run's folder or, for an artifact a task
/// got from the cache, the folder of the earlier run that produced it (the cache hands the
/// producer's URI on, as KFP's launcher does; the bytes were never copied).
extension ServerStore {
    /// Output artifact `name` (an output name or an artifact id) of the task `task` (an id or a
    /// path) in run `runID`, the newest if it was recorded twice; nil when there is none.
    func artifact(runID: String, task: String, name: String) throws -> StoredArtifact? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT \(Self.artifactColumns) \(Self.artifactJoin)
                    WHERE artifacts.run_id = ? AND (run_tasks.task_id = ? OR run_tasks.path = ?)
                        AND (artifacts.output_name = ? OR CAST(artifacts.id AS TEXT) = ?)
                    ORDER BY artifacts.id DESC LIMIT 1
                    """,
                arguments: [runID, task, task, name, name]
            ).map(Self.storedArtifact)
        }
    }

    /// Artifact `id` of run `runID`, or nil when the run has no such artifact.
    func artifact(runID: String, id: String) throws -> StoredArtifact? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.artifactColumns) \(Self.artifactJoin) WHERE artifacts.run_id = ? AND CAST(artifacts.id AS TEXT) = ?",
                arguments: [runID, id]
            ).map(Self.storedArtifact)
        }
    }

    /// The artifact's local file (symbolic links resolved), which need not exist.
    ///
    /// - Throws: ``APIError`` not found when the artifact has no local file (a remote URI);
    ///   permission denied when the file lies outside its run's folder and, for a cached artifact,
    ///   outside the folder of every run that produced it.
    func servedFile(of artifact: StoredArtifact) throws -> URL {
        guard !artifact.path.isEmpty else {
            throw APIError.notFound("artifact \(artifact.outputName) of run \(artifact.runID) has no local file (\(artifact.uri))")
        }
        let file = URL(fileURLWithPath: artifact.path)
        let ownRoot = try runRoot(artifact.runID)
        do {
            return try FileRoutes.contained(file, in: ownRoot)
        } catch let refusal {
            guard artifact.cached else { throw refusal }
            for producer in try artifactCopies(uri: artifact.uri, except: artifact.id) where !producer.cached && producer.path == artifact.path {
                if let root = try? runRoot(producer.runID), let contained = try? FileRoutes.contained(file, in: root) { return contained }
            }
            throw refusal
        }
    }
}
