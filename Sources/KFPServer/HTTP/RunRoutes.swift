import Foundation
import Hummingbird
import KFPAPI
import KFPSpec

/// `/apis/v2beta1/runs`: KFP's `RunService` (create, get, list, delete, archive, unarchive,
/// terminate, retry).
struct RunRoutes {
    let services: ServerServices

    func add(to router: Router<BasicRequestContext>) {
        let services = self.services
        let store = services.store
        let executor = services.executor
        let group = router.group("apis/v2beta1/runs")
        group.get { request, _ in
            let parameters = APIResponder.query(request)
            let query = try ListQuery(parameters, resource: .runs)
            let page = try store.listRuns(query, experimentID: parameters["experiment_id"])
            return APIResponder.runList(page.items, totalSize: page.totalSize, next: page.next, query: query)
        }
        group.post { request, _ in
            var run = try Run(json: try await APIResponder.body(request, limit: services.options.maxRequestBytes), path: "run")
            if run.experimentID.isEmpty, let experimentID = APIResponder.query(request)["experiment_id"] {
                run.experimentID = experimentID
            }
            let new = try RunRoutes.newRun(run, services: services, field: "run")
            let created = try store.createRun(new)
            await executor.submit(created.runID)
            return APIResponder.message(created)
        }
        group.get("{id}") { _, context in
            let (run, specText) = try store.runWithSpecText(try APIResponder.parameter(context, "id"))
            return APIResponder.jsonText(APIResponder.runText(run, specText: specText))
        }
        group.delete("{id}") { _, context in
            let id = try APIResponder.parameter(context, "id")
            if try store.run(id).state.isTerminal == false { try? await executor.terminate(id) }
            try store.deleteRun(id)
            return APIResponder.empty
        }
        group.post("{id}") { _, context in
            let (id, verb) = APIResponder.idAndVerb(try APIResponder.parameter(context, "id"))
            switch verb {
            case "archive": try store.setRunArchived(id, true)
            case "unarchive": try store.setRunArchived(id, false)
            case "terminate": try await executor.terminate(id)
            case "retry": try await executor.retry(id)
            default: throw APIError.notFound("no endpoint POST /apis/v2beta1/runs/\(id):\(verb ?? "")")
            }
            return APIResponder.empty
        }
    }

    /// Checks a run (or a recurring run's template) and resolves its experiment and pipeline.
    ///
    /// - Throws: ``APIError`` invalid argument for an empty name, no or two pipeline sources, an
    ///   invalid spec, or a parameter over the size limit; not found for an unknown experiment,
    ///   pipeline or version.
    static func newRun(_ run: Run, services: ServerServices, field: String) throws -> ServerStore.NewRun {
        guard !run.displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalidArgument("Invalid \(field): display_name is empty; a run needs a name")
        }
        for (name, value) in run.runtimeConfig?.parameters ?? [:] {
            let size = value.compactJSON().utf8.count
            if size > services.options.maxParameterBytes {
                throw APIError.invalidArgument(
                    "Invalid \(field): parameter \(name) is \(size) bytes, over this server's limit of \(services.options.maxParameterBytes) bytes")
            }
        }
        let experimentID = run.experimentID.isEmpty ? services.defaultExperimentID : run.experimentID
        _ = try services.store.experiment(experimentID)
        switch (run.pipelineSpec, run.pipelineVersionReference) {
        case (let spec?, nil):
            return ServerStore.NewRun(run: run, experimentID: experimentID, package: try PipelinePackage.inline(spec, field: "\(field).pipeline_spec"))
        case (nil, let reference?):
            guard !reference.pipelineID.isEmpty else {
                throw APIError.invalidArgument("Invalid \(field): pipeline_version_reference.pipeline_id is empty")
            }
            let version = reference.pipelineVersionID.isEmpty
                ? try services.store.latestPipelineVersion(reference.pipelineID)
                : try services.store.pipelineVersion(reference.pipelineID, reference.pipelineVersionID)
            guard let spec = version.pipelineSpec else {
                throw APIError.internalError("pipeline version \(version.pipelineVersionID) has no stored spec")
            }
            return ServerStore.NewRun(
                run: run, experimentID: experimentID, package: try PipelinePackage.stored(spec),
                pipelineID: version.pipelineID, pipelineVersionID: version.pipelineVersionID)
        case (nil, nil):
            throw APIError.invalidArgument("Invalid \(field): it needs a pipeline_spec or a pipeline_version_reference")
        case (.some, .some):
            throw APIError.invalidArgument("Invalid \(field): give either pipeline_spec or pipeline_version_reference, not both")
        }
    }
}
