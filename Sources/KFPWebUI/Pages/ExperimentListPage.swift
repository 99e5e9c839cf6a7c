import Foundation
import KFPAPI

/// The experiments list (`/experiments`, `?archived=1`): KFP's ExperimentList (name, description,
/// the states of the last 5 runs) with a name filter, paging, the create form (sent to
/// `POST /apis/v2beta1/experiments`) and archive / restore.
public struct ExperimentListPage: WebPage {
    public struct Row: Sendable, Equatable {
        public let id: String
        public let name: String
        public let description: String
        public let createdAt: String
        public let lastRuns: [RecentRun]
    }

    public struct RecentRun: Sendable, Equatable {
        public let id: String
        public let name: String
        public let state: String
        public let stateClass: String
    }

    public let rows: [Row]
    public let searchText: String
    public let archived: Bool
    public let pager: Pager
    public var template: String { "experiment-list" }
    public var title: String { archived ? "Archived experiments" : "Experiments" }
    public var section: WebSection { .experiments }

    /// - Parameters:
    ///   - experiments: one page of the API's `ListExperiments` answer.
    ///   - lastRuns: experiment id → its newest runs (at most 5 are shown), from `ListRuns`.
    public init(request: ListRequest, experiments: [Experiment], totalSize: Int, nextPageToken: String?, lastRuns: [String: [Run]]) {
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
public struct ExperimentDetailsPage: WebPage {
    public let id: String
    public let name: String
    public let description: String
    public let createdAt: String
    public let archived: Bool
    /// The runs list of the experiment, rendered by its template.
    public let runsHTML: String
    public var template: String { "experiment-details" }
    public var title: String { name }
    public var section: WebSection { .experiments }

    public init(experiment: Experiment, runs: RunListPage, renderer: PageRenderer) {
        id = experiment.experimentID
        name = experiment.displayName
        description = experiment.description
        createdAt = DisplayFormat.date(experiment.createdAt)
        archived = experiment.storageState == .archived
        runsHTML = renderer.fragment(runs)
    }
}
