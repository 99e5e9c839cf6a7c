import Foundation
import KFPAPI

/// The experiments list (`/experiments`, `?archived=1`): KFP's ExperimentList (name, description,
/// the states of the last 5 runs) with a name filter, paging, the create form (sent to
/// `POST /apis/v2beta1/experiments`) and archive / restore.
package struct ExperimentListPage: WebPage {
    package struct Row: Sendable, Equatable {
        package let id: String
        package let name: String
        package let description: String
        package let createdAt: String
        package let lastRuns: [RecentRun]
    }

    package struct RecentRun: Sendable, Equatable {
        package let id: String
        package let name: String
        package let state: String
        package let stateClass: String
    }

    package let rows: [Row]
    package let searchText: String
    package let archived: Bool
    package let pager: Pager
    package var template: String { "experiment-list" }
    package var title: String { archived ? "Archived experiments" : "Experiments" }
    package var section: WebSection { .experiments }

    /// - Parameters:
    ///   - experiments: one page of the API's `ListExperiments` answer.
    ///   - lastRuns: experiment id → its newest runs (at most 5 are shown), from `ListRuns`.
    package init(request: ListRequest, experiments: [Experiment], totalSize: Int, nextPageToken: String?, lastRuns: [String: [Run]]) {
        rows = experiments.map { experiment in
            Row(
                id: experiment.experimentID, name: experiment.displayName, description: experiment.description,
                createdAt: DisplayFormat.date(experiment.createdAt),
                lastRuns: (lastRuns[experiment.experimentID] ?? []).prefix(5).map {
                    RecentRun(id: $0.runID, name: $0.displayName, state: DisplayFormat.stateLabel($0.state),
                              stateClass: DisplayFormat.stateClass($0.state))
                })
        }
        searchText = request.searchText
        archived = request.archived
        pager = Pager(request: request, path: "/experiments", totalSize: totalSize, nextPageToken: nextPageToken)
    }
}

/// An experiment's page (`/experiments/{id}`): its description and archive / restore, above the
/// list of its runs.
package struct ExperimentDetailsPage: WebPage {
    package let id: String
    package let name: String
    package let description: String
    package let createdAt: String
    package let archived: Bool
    /// The runs list of the experiment, rendered by its template.
    package let runsHTML: String
    package var template: String { "experiment-details" }
    package var title: String { name }
    package var section: WebSection { .experiments }

    package init(experiment: Experiment, runs: RunListPage, renderer: PageRenderer) {
        id = experiment.experimentID
        name = experiment.displayName
        description = experiment.description
        createdAt = DisplayFormat.date(experiment.createdAt)
        archived = experiment.storageState == .archived
        runsHTML = renderer.fragment(runs)
    }
}
