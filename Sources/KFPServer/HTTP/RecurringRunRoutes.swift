import Foundation
import Hummingbird
import KFPAPI
import KFPSpec

/// `/apis/v2beta1/recurringruns`: KFP's `RecurringRunService` (create, get, list, enable, disable, delete).
struct RecurringRunRoutes {
    let services: ServerServices

    func add(to router: Router<BasicRequestContext>) {
        let services = self.services
        let store = services.store
        let group = router.group("apis/v2beta1/recurringruns")
        group.get { request, _ in
            let parameters = APIResponder.query(request)
            let query = try ListQuery(parameters, resource: .recurringRuns)
            let page = try store.listRecurringRuns(query, experimentID: parameters["experiment_id"])
            return APIResponder.list(
                "recurringRuns", page.items.map { $0.json() }, totalSize: page.totalSize, next: page.next, query: query)
        }
        group.post { request, _ in
            let body = try await APIResponder.body(request, limit: services.options.maxRequestBytes)
            let recurringRun = try RecurringRun(json: body, path: "recurring_run")
            try Self.check(recurringRun)
            let template = Run(
                experimentID: recurringRun.experimentID, displayName: recurringRun.displayName,
                description: recurringRun.description, pipelineSpec: recurringRun.pipelineSpec,
                pipelineVersionReference: recurringRun.pipelineVersionReference, runtimeConfig: recurringRun.runtimeConfig,
                serviceAccount: recurringRun.serviceAccount)
            let new = try RunRoutes.newRun(template, services: services, field: "recurring_run")
            return APIResponder.message(try store.createRecurringRun(recurringRun, template: new))
        }
        group.get("{id}") { _, context in
            APIResponder.message(try store.recurringRun(try APIResponder.parameter(context, "id")))
        }
        group.delete("{id}") { _, context in
            try store.deleteRecurringRun(try APIResponder.parameter(context, "id"))
            return APIResponder.empty
        }
        group.post("{id}") { _, context in
            let (id, verb) = APIResponder.idAndVerb(try APIResponder.parameter(context, "id"))
            switch verb {
            case "enable": try store.setRecurringRunEnabled(id, true)
            case "disable": try store.setRecurringRunEnabled(id, false)
            default: throw APIError.notFound("no endpoint POST /apis/v2beta1/recurringruns/\(id):\(verb ?? "")")
            }
            return APIResponder.empty
        }
    }

    /// KFP's checks: a trigger with a valid cron or a positive interval, concurrency 1-10.
    static func check(_ recurringRun: RecurringRun) throws {
        switch recurringRun.trigger {
        case .cron(let schedule)?:
            do {
                _ = try CronExpression(schedule.cron)
            } catch {
                throw APIError.invalidArgument("Invalid recurring_run.trigger.cron_schedule: \(error.description)")
            }
        case .periodic(let schedule)?:
            guard schedule.intervalSecond > 0 else {
                throw APIError.invalidArgument(
                    "Invalid recurring_run.trigger.periodic_schedule: interval_second must be positive, found \(schedule.intervalSecond)")
            }
        case nil:
            throw APIError.invalidArgument("Invalid recurring_run: it needs a trigger (cron_schedule or periodic_schedule)")
        }
        guard (1...10).contains(recurringRun.maxConcurrency) else {
            throw APIError.invalidArgument(
                "Invalid recurring_run: max_concurrency must be between 1 and 10, found \(recurringRun.maxConcurrency)")
        }
    }
}
