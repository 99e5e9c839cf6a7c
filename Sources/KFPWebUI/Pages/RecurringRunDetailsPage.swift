import Foundation
import KFPAPI
import KFPSpec

/// One recurring run (`/recurringruns/ID`): its trigger, window, concurrency, catch-up, pipeline
/// and parameters, Enable / Disable / Delete (sent to the v2beta1 API by the page script), and
/// the runs it made, newest first.
public struct RecurringRunDetailsPage: WebPage {
    public struct RunRow: Sendable, Equatable {
        public let id: String
        public let name: String
        public let state: String
        public let stateClass: String
        public let createdAt: String
    }

    public let id: String
    public let name: String
    public let description: String
    public let status: String
    public let enabled: Bool
    public let trigger: String
    public let startAt: String
    public let endAt: String
    public let maxConcurrency: String
    /// `yes` unless `no_catchup` is set.
    public let catchUp: String
    public let experimentID: String
    public let experimentName: String
    public let pipelineLabel: String
    public let createdAt: String
    public let parameters: [TaskPanel.NameValue]
    public let runs: [RunRow]
    public let runCount: Int
    public var template: String { "recurring-run-details" }
    public var title: String { name }
    public var section: WebSection { .recurringRuns }

    /// - Parameters:
    ///   - runs: the newest runs it made; `runCount` how many it made in all.
    public init(
        recurringRun: RecurringRun, experimentName: String, pipelineLabel: String, runs: [Run], runCount: Int
    ) {
        id = recurringRun.recurringRunID
        name = recurringRun.displayName
        description = recurringRun.description
        status = RecurringRunListPage.status(recurringRun)
        enabled = recurringRun.status == .enabled
        trigger = RecurringRunListPage.trigger(recurringRun.trigger)
        let window: (Date?, Date?) = switch recurringRun.trigger {
        case .cron(let schedule)?: (schedule.startTime, schedule.endTime)
        case .periodic(let schedule)?: (schedule.startTime, schedule.endTime)
        case nil: (nil, nil)
        }
        startAt = DisplayFormat.date(window.0)
        endAt = DisplayFormat.date(window.1)
        maxConcurrency = String(recurringRun.maxConcurrency)
        catchUp = recurringRun.noCatchup ? "no" : "yes"
        experimentID = recurringRun.experimentID
        self.experimentName = experimentName
        self.pipelineLabel = pipelineLabel
        createdAt = DisplayFormat.date(recurringRun.createdAt)
        parameters = (recurringRun.runtimeConfig?.parameters ?? [:]).sorted { $0.key < $1.key }
            .map { TaskPanel.NameValue(name: $0.key, value: DisplayFormat.value($0.value)) }
        self.runs = runs.map {
            RunRow(id: $0.runID, name: $0.displayName, state: DisplayFormat.stateLabel($0.state), stateClass: DisplayFormat.stateClass($0.state),
                   createdAt: DisplayFormat.date($0.createdAt))
        }
        self.runCount = runCount
    }
}
