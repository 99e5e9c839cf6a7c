import Foundation
import KFPAPI
import KFPSpec
import KFPWebUI

extension WebUIPages {
    /// How many runs the compare page takes (KFP's compare page takes 2 to 10).
    static let comparedRuns = 2...10

    /// `/compare?runlist=ID,ID,...`: 2 to 10 distinct runs, in the order given.
    ///
    /// - Throws: ``APIError`` invalid argument when `runlist` names fewer than 2 or more than 10
    ///   runs; not found for an unknown run.
    func compareRuns(_ parameters: QueryParameters) throws -> String {
        var ids: [String] = []
        for id in (parameters["runlist"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !id.isEmpty && !ids.contains(id) {
            ids.append(id)
        }
        guard Self.comparedRuns.contains(ids.count) else {
            throw APIError.invalidArgument(
                "runlist: expected 2 to 10 distinct run ids separated by commas, found \(ids.count)")
        }
        let runs = try ids.map { try store.run($0) }
        let labels = runLabels(runs)
        let compared = try runs.map { run in
            let reference = run.pipelineVersionReference.flatMap { $0.pipelineVersionID.isEmpty ? nil : $0 }
            return CompareRunsPage.ComparedRun(
                run: run, experimentName: labels.experiments[run.experimentID] ?? run.experimentID,
                pipelineLabel: reference.map { labels.pipelines[$0.pipelineVersionID] ?? pipelineLabel($0) } ?? "(inline spec)",
                pipelineURL: reference.map { PageLink.url("/pipelines/\(PageLink.escape($0.pipelineID))", ["version": $0.pipelineVersionID]) },
                artifacts: try runArtifacts(run.runID, fileTypes: ["system.HTML", "system.Markdown"]))
        }
        return renderer.document(CompareRunsPage(runs: compared, previewer: previewer))
    }

    /// A run's output artifacts with their KFP types (from the run's spec for artifacts recorded
    /// without one) and the local files of those whose type is in `fileTypes` (nil: every type).
    func runArtifacts(_ runID: String, fileTypes: Set<String>? = nil) throws -> [RunArtifact] {
        let stored = try store.runArtifacts(runID)
        let spec = stored.contains { $0.schemaTitle.isEmpty }
            ? try? specs.value(hash: try store.runSpecHash(runID)) { ParsedSpec(try store.runInputs(runID).package.spec) }.spec : nil
        return stored.map { artifact in
            let type = artifact.schemaTitle.isEmpty
                ? spec.map { TaskComponentLookup.outputArtifactType(artifact.outputName, of: artifact.taskPath, in: $0) } ?? "system.Artifact"
                : artifact.schemaTitle
            return RunArtifact(
                id: artifact.id, taskPath: artifact.taskPath, name: artifact.outputName, uri: artifact.uri, schemaTitle: type,
                metadata: artifact.metadata, file: (fileTypes.map { $0.contains(type) } ?? true) ? localFile(of: artifact) : nil)
        }
    }

    /// The artifact's file when it lies in its run's folder, or (reused from the cache) in the
    /// folder of the run that produced it; nil otherwise.
    func localFile(of artifact: StoredArtifact) -> URL? {
        try? store.servedFile(of: artifact)
    }
}
