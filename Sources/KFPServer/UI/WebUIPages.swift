import Foundation
import Hummingbird
import KFPAPI
import KFPSpec
import KFPWebUI
import NIOCore

/// Builds the UI's pages from the store, with the same calls (and so the same messages) the
/// v2beta1 endpoints answer with: `ListRuns`, `GetRun`, `ListPipelines`, ….
struct WebUIPages: Sendable {
    let services: ServerServices
    let renderer: PageRenderer
    let previewer = ArtifactPreviewer()
    let specs = ContentCache<ParsedSpec>()

    var store: ServerStore { services.store }

    /// The error page for an API error (its message is escaped by the template).
    static func errorDocument(_ error: APIError) -> String {
        let page = ErrorPage(heading: "Error \(error.httpStatus)", message: error.message, backURL: "/", section: .runs)
        return (try? PageRenderer().document(page)) ?? error.message
    }

    // MARK: Pipelines

    func pipelineList(_ parameters: QueryParameters) throws -> String {
        let request = ListRequest(parameters)
        let query = try request.query(.pipelines)
        let page = try store.listPipelines(query)
        return renderer.document(PipelineListPage(
            request: request, pipelines: page.items, totalSize: page.totalSize,
            nextPageToken: page.next.map { query.nextPageToken(after: $0) }))
    }

    func pipelineDetails(_ id: String, _ parameters: QueryParameters) throws -> String {
        let pipeline = try store.pipeline(id)
        let versions = try store.listPipelineVersions(
            id, ListQuery(resource: .pipelineVersions, pageSize: ListQuery.maximumPageSize, sort: SortOrder(field: "created_at", descending: true)))
        // The requested version, else the newest; none when every version was deleted.
        let version = try parameters["version"].map { try store.pipelineVersion(id, $0) } ?? versions.items.first
        let selection = try version.map { version in
            let spec = try Self.spec(of: version)
            return PipelineDetailsPage.Selection(version: version, spec: spec, specYAML: Self.yaml(spec))
        }
        return try graphPage {
            renderer.document(try PipelineDetailsPage(
                pipeline: pipeline, versions: versions.items, selection: selection, layerPath: parameters["layer"] ?? "",
                node: parameters["node"], renderer: renderer))
        }
    }

    // MARK: Experiments

    func experimentList(_ parameters: QueryParameters) throws -> String {
        let request = ListRequest(parameters)
        let query = try request.query(.experiments)
        let page = try store.listExperiments(query)
        var lastRuns: [String: [Run]] = [:]
        let newest = ListQuery(
            resource: .runs, pageSize: 5, sort: SortOrder(field: "created_at", descending: true),
            filter: [FilterPredicate(key: "storage_state", operation: .notEquals, value: .string("ARCHIVED"))])
        for experiment in page.items {
            lastRuns[experiment.experimentID] = try store.listRuns(newest, experimentID: experiment.experimentID).items.map(\.run)
        }
        return renderer.document(ExperimentListPage(
            request: request, experiments: page.items, totalSize: page.totalSize,
            nextPageToken: page.next.map { query.nextPageToken(after: $0) }, lastRuns: lastRuns))
    }

    func experimentDetails(_ id: String, _ parameters: QueryParameters) throws -> String {
        let experiment = try store.experiment(id)
        let runs = try runListPage(parameters, heading: "Runs", path: "/experiments/\(PageLink.escape(id))", experimentID: id)
        return renderer.document(ExperimentDetailsPage(experiment: experiment, runs: runs, renderer: renderer))
    }

    // MARK: Shared

    /// A version's spec, decoded from its stored `pipeline_spec`.
    ///
    /// - Throws: ``APIError`` internal when the stored spec no longer decodes.
    static func spec(of version: PipelineVersion) throws -> PipelineSpec {
        guard let json = version.pipelineSpec else {
            throw APIError.notFound("pipeline version \(version.pipelineVersionID) has no pipeline spec")
        }
        return try PipelinePackage.inline(json, field: "pipeline_version.pipeline_spec").spec
    }

    /// The spec as KFP's YAML (the page shows it; a failure shows the reason instead).
    static func yaml(_ spec: PipelineSpec) -> String {
        do {
            return try SpecWriter().write(spec)
        } catch {
            return "the spec cannot be written as YAML: \(error)"
        }
    }

    /// Runs `build`, turning an unknown `layer` into a 404 that names it.
    func graphPage(_ build: () throws -> String) throws -> String {
        do {
            return try build()
        } catch let error as GraphPathError {
            throw APIError.notFound(error.message)
        }
    }

    /// The experiment names and `pipeline / version` labels a runs list shows.
    func runLabels(_ runs: [Run]) -> (experiments: [String: String], pipelines: [String: String]) {
        var experiments: [String: String] = [:]
        var pipelines: [String: String] = [:]
        for run in runs {
            if experiments[run.experimentID] == nil {
                experiments[run.experimentID] = (try? store.experiment(run.experimentID).displayName) ?? run.experimentID
            }
            if let reference = run.pipelineVersionReference, !reference.pipelineVersionID.isEmpty,
               pipelines[reference.pipelineVersionID] == nil
            {
                pipelines[reference.pipelineVersionID] = pipelineLabel(reference)
            }
        }
        return (experiments, pipelines)
    }

    /// `pipeline / version` for a version reference (the ids when either is gone).
    func pipelineLabel(_ reference: PipelineVersionReference) -> String {
        let pipeline = (try? store.pipeline(reference.pipelineID)).map { $0.displayName.isEmpty ? $0.name : $0.displayName }
        let version = (try? store.pipelineVersion(reference.pipelineID, reference.pipelineVersionID))
            .map { $0.displayName.isEmpty ? $0.name : $0.displayName }
        return "\(pipeline ?? reference.pipelineID) / \(version ?? reference.pipelineVersionID)"
    }
}
