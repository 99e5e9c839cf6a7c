import Foundation
import KFPAPI
import KFPSpec
import KFPWebUI

extension WebUIPages {
    /// `/recurringruns`: `ListRecurringRuns` with the list page's name filter, sorting and paging.
    func recurringRunList(_ parameters: QueryParameters) throws -> String {
        let request = ListRequest(parameters)
        let query = try request.query(.recurringRuns)
        let page = try store.listRecurringRuns(query, experimentID: nil)
        var experiments: [String: String] = [:]
        for recurring in page.items where experiments[recurring.experimentID] == nil {
            experiments[recurring.experimentID] = (try? store.experiment(recurring.experimentID).displayName) ?? recurring.experimentID
        }
        return renderer.document(RecurringRunListPage(
            request: request, recurringRuns: page.items, totalSize: page.totalSize,
            nextPageToken: page.next.map { query.nextPageToken(after: $0) }, experimentNames: experiments))
    }

    /// `/recurringruns/ID`: the recurring run and the newest 50 runs it made.
    func recurringRunDetails(_ id: String) throws -> String {
        let recurring = try store.recurringRun(id)
        let made = try store.listRuns(
            ListQuery(
                resource: .runs, pageSize: 50, sort: SortOrder(field: "created_at", descending: true),
                filter: [FilterPredicate(key: "recurring_run_id", operation: .equals, value: .string(id))]),
            experimentID: nil)
        let reference = recurring.pipelineVersionReference.flatMap { $0.pipelineVersionID.isEmpty ? nil : $0 }
        return renderer.document(RecurringRunDetailsPage(
            recurringRun: recurring,
            experimentName: (try? store.experiment(recurring.experimentID).displayName) ?? recurring.experimentID,
            pipelineLabel: reference.map { pipelineLabel($0) } ?? "(inline spec)", runs: made.items.map(\.run), runCount: made.totalSize))
    }
}
