import Foundation
import KFPAPI

/// The executions list (`/executions`, KFP's route): every task execution across runs, newest
/// first: task, run, state, whether its outputs came from the cache, start and duration;
/// filtered by task name, state and cache, paged.
package struct ExecutionListPage: WebPage {
    /// What the page needs of one execution (a task of a run).
    package struct Entry: Sendable {
        /// The task id (`task_details[].task_id`).
        package var id: String
        package var taskPath: String
        package var runID: String
        package var runName: String
        package var state: RuntimeState
        package var cached: Bool
        package var startTime: Date?
        package var endTime: Date?

        package init(
            id: String, taskPath: String, runID: String, runName: String, state: RuntimeState, cached: Bool, startTime: Date?,
            endTime: Date?
        ) {
            self.id = id
            self.taskPath = taskPath
            self.runID = runID
            self.runName = runName
            self.state = state
            self.cached = cached
            self.startTime = startTime
            self.endTime = endTime
        }
    }

    package struct Row: Sendable, Equatable {
        package let id: String
        package let taskPath: String
        package let runID: String
        package let runName: String
        package let state: String
        package let stateClass: String
        /// `cached`, `ran` or `-` (not finished).
        package let cache: String
        package let startedAt: String
        package let duration: String
    }

    /// The filters of the list as the URL gives them.
    package struct Filter: Sendable, Equatable {
        /// A task path substring (`q`).
        package var taskText: String
        /// A state name (`state`).
        package var state: String?
        /// `cached=1` only cache hits, `cached=0` only tasks that ran.
        package var cached: Bool?

        package init(taskText: String = "", state: String? = nil, cached: Bool? = nil) {
            self.taskText = taskText
            self.state = state
            self.cached = cached
        }

        var parameters: [String: String] {
            ["q": taskText, "state": state ?? "", "cached": cached.map { $0 ? "1" : "0" } ?? ""]
        }
    }

    package let rows: [Row]
    package let searchText: String
    package let stateOptions: [RunListPage.Option]
    package let cacheOptions: [RunListPage.Option]
    package let pager: Pager
    package var template: String { "execution-list" }
    package var title: String { "Executions" }
    package var section: WebSection { .executions }

    /// - Parameters:
    ///   - pageToken: this page's token (nil on the first page); `nextPageToken` the next page's.
    ///   - now: the time running tasks' durations are measured to.
    package init(entries: [Entry], filter: Filter, totalSize: Int, pageToken: String?, nextPageToken: String?, now: Date = Date()) {
        searchText = filter.taskText
        rows = entries.map { entry in
            Row(
                id: entry.id, taskPath: entry.taskPath, runID: entry.runID, runName: entry.runName,
                state: DisplayFormat.stateLabel(entry.state), stateClass: DisplayFormat.stateClass(entry.state),
                cache: entry.state.isTerminal ? (entry.cached ? "cached" : entry.state == .skipped ? "-" : "ran") : "-",
                startedAt: DisplayFormat.date(entry.startTime),
                duration: DisplayFormat.duration(from: entry.startTime, to: entry.endTime, now: entry.state.isTerminal ? nil : now))
        }
        let states: [RuntimeState] = [.pending, .running, .succeeded, .failed, .skipped, .canceling, .canceled]
        stateOptions = [RunListPage.Option(value: "", label: "All states", selected: filter.state == nil)]
            + states.map { RunListPage.Option(value: $0.rawValue, label: $0.rawValue, selected: filter.state == $0.rawValue) }
        cacheOptions = [
            RunListPage.Option(value: "", label: "Cached or not", selected: filter.cached == nil),
            RunListPage.Option(value: "1", label: "Cached", selected: filter.cached == true),
            RunListPage.Option(value: "0", label: "Ran", selected: filter.cached == false),
        ]
        pager = Pager(
            totalSize: totalSize, firstPageURL: pageToken == nil ? nil : PageLink.url("/executions", filter.parameters),
            nextPageURL: nextPageToken.map { PageLink.url("/executions", filter.parameters.merging(["page_token": $0]) { $1 }) })
    }
}
