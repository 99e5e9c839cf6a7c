import Foundation
import KFPAPI

/// The recurring runs list (`/recurringruns`, KFP's route): name, status, trigger, experiment and
/// creation time, with a name filter, sorting and paging; "Create recurring run".
package struct RecurringRunListPage: WebPage {
    package struct Row: Sendable, Equatable {
        package let id: String
        package let name: String
        /// `Enabled` or `Disabled`.
        package let status: String
        package let enabled: Bool
        /// `every 3600 s` or `cron 0 0 * * * *`.
        package let trigger: String
        package let experimentID: String
        package let experimentName: String
        package let createdAt: String
    }

    package let rows: [Row]
    package let searchText: String
    package let nameSort: RunListPage.SortLink
    package let createdSort: RunListPage.SortLink
    package let pager: Pager
    package var template: String { "recurring-run-list" }
    package var title: String { "Recurring runs" }
    package var section: WebSection { .recurringRuns }

    /// - Parameter experimentNames: experiment id → display name.
    package init(
        request: ListRequest, recurringRuns: [RecurringRun], totalSize: Int, nextPageToken: String?, experimentNames: [String: String]
    ) {
        searchText = request.searchText
        rows = recurringRuns.map { recurring in
            Row(
                id: recurring.recurringRunID, name: recurring.displayName, status: Self.status(recurring), enabled: recurring.status == .enabled,
                trigger: Self.trigger(recurring.trigger), experimentID: recurring.experimentID,
                experimentName: experimentNames[recurring.experimentID] ?? recurring.experimentID, createdAt: DisplayFormat.date(recurring.createdAt))
        }
        nameSort = RunListPage.SortLink(request: request, path: "/recurringruns", field: "display_name")
        createdSort = RunListPage.SortLink(request: request, path: "/recurringruns", field: "created_at")
        pager = Pager(request: request, path: "/recurringruns", totalSize: totalSize, nextPageToken: nextPageToken)
    }

    /// `Enabled` or `Disabled` (`-` when the status is unset).
    static func status(_ recurring: RecurringRun) -> String {
        switch recurring.status {
        case .enabled: return "Enabled"
        case .disabled: return "Disabled"
        case .unspecified: return "-"
        }
    }

    /// The trigger in words: `every 3600 s` or `cron 0 0 * * * *`.
    static func trigger(_ trigger: Trigger?) -> String {
        switch trigger {
        case .cron(let schedule)?: return "cron \(schedule.cron)"
        case .periodic(let schedule)?: return "every \(schedule.intervalSecond) s"
        case nil: return "-"
        }
    }
}
