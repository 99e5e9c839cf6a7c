import Foundation
import Hummingbird
import KFPAPI
import KFPSpec
import KFPWebUI
import NIOCore

extension WebUIPages {
    func runList(_ parameters: QueryParameters) throws -> String {
        let request = ListRequest(parameters)
        let heading = request.archived ? "Archived runs" : "Runs"
        return renderer.document(try runListPage(parameters, heading: heading, path: "/runs", experimentID: nil))
    }

    /// One page of `ListRuns` (optionally of one experiment) as the runs list.
    func runListPage(_ parameters: QueryParameters, heading: String, path: String, experimentID: String?) throws -> RunListPage {
        let request = ListRequest(parameters)
        let query = try request.query(.runs)
        let page = try store.listRuns(query, experimentID: experimentID)
        let runs = page.items.map(\.run)
        let labels = runLabels(runs)
        var metrics: [String: [String: JSONValue]] = [:]
        for run in runs {
            let scalars = RunMetrics.scalars((try? runArtifacts(run.runID, fileTypes: [])) ?? [])
            if !scalars.isEmpty { metrics[run.runID] = scalars }
        }
        return RunListPage(
            heading: heading, path: path, request: request, runs: runs, totalSize: page.totalSize,
            nextPageToken: page.next.map { query.nextPageToken(after: $0) }, experimentNames: labels.experiments,
            pipelineLabels: labels.pipelines, experimentID: experimentID, runMetrics: metrics)
    }

    /// The run's page: `layer` picks the DAG shown, `task` (a task path) opens a task's panel.
    func runDetails(_ id: String, _ parameters: QueryParameters) async throws -> String {
        let run = try store.run(id)
        let cached = try specs.value(hash: try store.runSpecHash(id)) { ParsedSpec(try store.runInputs(id).package.spec) }
        let spec = cached.spec
        let experimentName = (try? store.experiment(run.experimentID).displayName) ?? run.experimentID
        let reference = run.pipelineVersionReference.flatMap { $0.pipelineVersionID.isEmpty ? nil : $0 }
        let layer = parameters["layer"] ?? ""
        let panel = try parameters["task"].map { path in
            TaskPanel(
                try taskFacts(run: run, path: path, spec: spec), runID: id,
                closeURL: PageLink.url("/runs/\(PageLink.escape(id))", ["layer": layer]), previewer: previewer)
        }
        return try graphPage {
            renderer.document(try RunDetailsPage(
                run: run, spec: spec, specYAML: cached.yaml, layerPath: layer, panel: panel, experimentName: experimentName,
                pipelineLabel: reference.map { pipelineLabel($0) } ?? "(inline spec)",
                pipelineURL: reference.map {
                    PageLink.url("/pipelines/\(PageLink.escape($0.pipelineID))", ["version": $0.pipelineVersionID])
                },
                renderer: renderer))
        }
    }

    /// The "Create run" form; `clone` fills it from an existing run. With `recurring`, the
    /// "Create recurring run" form (`/recurringruns/new`).
    func newRun(_ parameters: QueryParameters, recurring: Bool = false) throws -> String {
        let all = ListQuery(resource: .pipelines, pageSize: ListQuery.maximumPageSize, sort: SortOrder(field: "display_name"))
        let pipelines = try store.listPipelines(all).items
        let experiments = try store.listExperiments(ListQuery(
            resource: .experiments, pageSize: ListQuery.maximumPageSize, sort: SortOrder(field: "display_name"),
            filter: [FilterPredicate(key: "storage_state", operation: .notEquals, value: .string("ARCHIVED"))])).items
        let clone = try parameters["clone"].map { try store.run($0) }
        let reference = clone?.pipelineVersionReference
        let pipelineID = parameters["pipeline_id"] ?? reference?.pipelineID ?? ""
        var versions: [PipelineVersion] = []
        var version: PipelineVersion?
        if !pipelineID.isEmpty {
            versions = try store.listPipelineVersions(
                pipelineID,
                ListQuery(resource: .pipelineVersions, pageSize: ListQuery.maximumPageSize, sort: SortOrder(field: "created_at", descending: true))
            ).items
            let versionID = parameters["version_id"] ?? reference?.pipelineVersionID
            version = try versionID.map { try store.pipelineVersion(pipelineID, $0) } ?? versions.first
        }
        // A run made from an inline spec (kfp.Client's create_run_from_pipeline_package) is cloned
        // with its own spec, which the form sends inline again.
        let inlineClone = clone.flatMap { $0.pipelineVersionReference == nil && pipelineID.isEmpty ? $0.runID : nil }
        let spec = try inlineClone.map { try store.runInputs($0).package.spec } ?? version.map { try Self.spec(of: $0) }
        let requestedExperiment = parameters["experiment_id"] ?? clone?.experimentID ?? services.defaultExperimentID
        let experimentID = experiments.contains { $0.experimentID == requestedExperiment } ? requestedExperiment : services.defaultExperimentID
        let pipelineName = pipelines.first { $0.pipelineID == pipelineID }.map { $0.displayName.isEmpty ? $0.name : $0.displayName }
        let runName = clone.map { "Clone of \($0.displayName)" }
            ?? pipelineName.map { "Run of \($0) (\(String(UUID().uuidString.prefix(5)).lowercased()))" } ?? ""
        var page = NewRunPage(
            pipelines: pipelines, pipelineID: pipelineID, versions: versions, versionID: version?.pipelineVersionID ?? "",
            experiments: experiments, experimentID: experimentID, spec: spec, inlineSpecRunID: inlineClone, runName: runName, description: clone?.description ?? "",
            pipelineRoot: clone?.runtimeConfig?.pipelineRoot ?? "", values: clone?.runtimeConfig?.parameters ?? [:])
        page.recurring = recurring
        return renderer.document(page)
    }

    /// An artifact file as a download (`application/octet-stream`, never rendered by the browser);
    /// a folder artifact as a gzip-compressed tar of it.
    ///
    /// - Throws: ``APIError`` not found for an unknown artifact or a file that is gone; permission
    ///   denied for a file outside the run's folder (or, reused from the cache, its producer's).
    func artifactDownload(runID: String, artifactID: String) async throws -> Response {
        guard let artifact = try store.artifact(runID: runID, id: artifactID) else {
            throw APIError.notFound("artifact \(artifactID) of run \(runID) not found")
        }
        let file = try store.servedFile(of: artifact)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else {
            throw APIError.notFound("artifact \(artifactID) of run \(runID): \(file.path) is gone")
        }
        var name = file.lastPathComponent.replacingOccurrences(of: "\"", with: "_")
        let body: ArtifactBody
        if isFolder.boolValue {
            body = try await ArtifactBody.tarball(of: file)
            name += ".tar.gz"
        } else {
            body = try ArtifactBody.file(file, what: "artifact \(artifactID) of run \(runID)")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/octet-stream", .contentDisposition: "attachment; filename=\"\(name)\"",
                      .xContentTypeOptions: "nosniff"],
            body: body.raw)
    }
}
