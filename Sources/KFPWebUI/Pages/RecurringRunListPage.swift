import Foundation
import KFPAPI

/// The recurring runs list (`/recurringruns`, KFP's route): name, status, trigger, experiment and
/// creation time, with a name filter, sorting and paging; "Create recurring run".
public struct RecurringRunListPage: WebPage {
    public struct Row: Sendable, Equatable {
        public let id: String
        public let name: String
        /// `Enabled` or `Disabled`.
        public let status: String
        public let enabled: Bool
        /// `every 3600 s` or `cron 0 0 * * * *`.
        public let trigger: String
        public let experimentID: String
        public let experimentName: String
        public let createdAt: String
    }

    public let rows: [Row]
    public let searchText: String
    public let nameSort: RunListPage.SortLink
    public let createdSort: RunListPage.SortLink
    public let pager: Pager
    public var template: String { "recurring-run-list" }
    public var title: String { "Recurring runs" }
    public var section: WebSection { .recurringRuns }

    /// - Parameter experimentNames: experiment id → display name.
    public init(
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
