import Foundation
import KFPAPI
import KFPSpec

/// The runs list (`/runs`, `/runs?archived=1`, and the runs of one experiment): KFP's
/// AllRunsList columns (run name, status, duration, experiment, pipeline version, recurring run,
/// start time) with search, a state filter, sorting, paging and the run actions (terminate, retry,
/// archive or restore, delete) that the page script sends to the v2beta1 API.
package struct RunListPage: WebPage {
    package struct Row: Sendable, Equatable {
        package let id: String
        package let name: String
        package let state: String
        package let stateClass: String
        package let duration: String
        package let experimentID: String
        package let experimentName: String
        package let pipelineLabel: String
        package let pipelineURL: String?
        package let recurringRunID: String
        package let createdAt: String
        /// The chosen metric columns' values (`-` where the run has none).
        package internal(set) var metrics: [String] = []
    }

    package struct Option: Sendable, Equatable {
        package let value: String
        package let label: String
        package let selected: Bool
    }

    /// A column header that sorts by `field`: clicking the current column flips the order.
    package struct SortLink: Sendable, Equatable {
        package let url: String
        /// `▲`, `▼` or empty.
        package let mark: String

        init(request: ListRequest, path: String, field: String) {
            let current = request.sortField == field
            let descending = current ? !request.descending : field != "display_name"
            url = request.url(path, ["sort": field, "desc": descending ? "1" : nil, "msort": nil, "mdesc": nil])
            mark = current ? (request.descending ? "▼" : "▲") : ""
        }
    }

    package let heading: String
    package let rows: [Row]
    package let searchText: String
    package let stateOptions: [Option]
    package let nameSort: SortLink
    package let startSort: SortLink
    package let archived: Bool
    package let activeURL: String
    package let archivedURL: String
    package let path: String
    package let pager: Pager
    /// Set on an experiment's page (the "Create run" link carries it).
    package let experimentID: String?
    /// The metric names of the runs shown, each a link that adds or removes its column.
    package let metricChoices: [MetricChoice]
    /// The chosen metric columns' headers, each a link that sorts the page's runs by it.
    package let metricHeaders: [MetricHeader]
    /// `metrics=...` for the filter form (empty when none is chosen).
    package let metricsParameter: String
    package var template: String { "run-list" }
    package var title: String { heading }
    package var section: WebSection { experimentID == nil ? .runs : .experiments }

    /// - Parameters:
    ///   - runs: one page of the API's `ListRuns` answer.
    ///   - experimentNames: experiment id → display name (ids without a name are shown as ids).
    ///   - pipelineLabels: pipeline version id → `pipeline / version` label.
    ///   - runMetrics: run id → its scalar metrics (``RunMetrics/scalars(_:)``), for the metric columns.
    ///   - now: the time running runs' durations are measured to.
    package init(
        heading: String, path: String, request: ListRequest, runs: [Run], totalSize: Int, nextPageToken: String?,
        experimentNames: [String: String], pipelineLabels: [String: String], experimentID: String? = nil,
        runMetrics: [String: [String: JSONValue]] = [:], now: Date = Date()
    ) {
        self.heading = heading
        self.path = path
        self.experimentID = experimentID
        searchText = request.searchText
        archived = request.archived
        activeURL = PageLink.url(path, [:])
        archivedURL = PageLink.url(path, ["archived": "1"])
        pager = Pager(request: request, path: path, totalSize: totalSize, nextPageToken: nextPageToken)
        var rows = runs.map { run in
            let versionID = run.pipelineVersionReference?.pipelineVersionID ?? run.pipelineVersionID
            let pipelineID = run.pipelineVersionReference?.pipelineID ?? ""
            return Row(
                id: run.runID, name: run.displayName, state: DisplayFormat.stateLabel(run.state),
                stateClass: DisplayFormat.stateClass(run.state),
                duration: DisplayFormat.duration(from: run.createdAt, to: run.finishedAt, now: run.state.isTerminal ? nil : now),
                experimentID: run.experimentID, experimentName: experimentNames[run.experimentID] ?? run.experimentID,
                pipelineLabel: versionID.isEmpty ? "(inline spec)" : pipelineLabels[versionID] ?? versionID,
                pipelineURL: pipelineID.isEmpty ? nil : PageLink.url("/pipelines/\(PageLink.escape(pipelineID))", ["version": versionID]),
                recurringRunID: run.recurringRunID, createdAt: DisplayFormat.date(run.createdAt))
        }
        Self.addMetricColumns(to: &rows, runMetrics: runMetrics, request: request)
        self.rows = rows
        metricChoices = Self.metricChoices(runMetrics, request: request, path: path)
        metricHeaders = request.metricColumns.map { MetricHeader(name: $0, request: request, path: path) }
        metricsParameter = request.metricColumns.joined(separator: ",")
        let states: [RuntimeState] = [.pending, .running, .succeeded, .failed, .skipped, .canceling, .canceled]
        stateOptions = [Option(value: "", label: "All states", selected: request.state == nil)]
            + states.map { Option(value: $0.rawValue, label: $0.rawValue, selected: request.state == $0.rawValue) }
        nameSort = SortLink(request: request, path: path, field: "display_name")
        startSort = SortLink(request: request, path: path, field: "created_at")
    }
}
