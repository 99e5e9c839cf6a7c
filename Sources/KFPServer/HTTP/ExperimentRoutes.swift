import Foundation
import Hummingbird
import KFPAPI
import KFPSpec

/// `/apis/v2beta1/experiments`: KFP's `ExperimentService` (create, get, list, delete, archive, unarchive).
struct ExperimentRoutes {
    let services: ServerServices

    func add(to router: Router<BasicRequestContext>) {
        let store = services.store
        let limit = services.options.maxRequestBytes
        let group = router.group("apis/v2beta1/experiments")
        group.get { request, _ in
            let query = try ListQuery(APIResponder.query(request), resource: .experiments)
            let page = try store.listExperiments(query)
            return APIResponder.list("experiments", page.items.map { $0.json() }, totalSize: page.totalSize, next: page.next, query: query)
        }
        group.post { request, _ in
            let body = try await APIResponder.body(request, limit: limit)
            let experiment = try Experiment(json: body, path: "experiment")
            return APIResponder.message(try store.createExperiment(experiment))
        }
        group.get("{id}") { _, context in
            APIResponder.message(try store.experiment(try APIResponder.parameter(context, "id")))
        }
        group.delete("{id}") { _, context in
            try store.deleteExperiment(try APIResponder.parameter(context, "id"))
            return APIResponder.empty
        }
        group.post("{id}") { _, context in
            let (id, verb) = APIResponder.idAndVerb(try APIResponder.parameter(context, "id"))
            switch verb {
            case "archive": try store.setExperimentArchived(id, true)
            case "unarchive": try store.setExperimentArchived(id, false)
            default: throw APIError.notFound("no endpoint POST /apis/v2beta1/experiments/\(id):\(verb ?? "")")
            }
            return APIResponder.empty
        }
    }
}
