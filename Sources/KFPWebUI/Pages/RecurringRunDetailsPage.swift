import Foundation
import KFPAPI
import KFPSpec

/// One recurring run (`/recurringruns/ID`): its trigger, window, concurrency, catch-up, pipeline
/// and parameters, Enable / Disable / Delete (sent to the v2beta1 API by the page script), and
/// the runs it made, newest first.
package struct RecurringRunDetailsPage: WebPage {
    package struct RunRow: Sendable, Equatable {
        package let id: String
        package let name: String
        package let state: String
        package let stateClass: String
        package let createdAt: String
    }

    package let id: String
    package let name: String
    package let description: String
    package let status: String
    package let enabled: Bool
    package let trigger: String
    package let startAt: String
    package let endAt: String
    package let maxConcurrency: String
    /// `yes` unless `no_catchup` is set.
    package let catchUp: String
    package let experimentID: String
    package let experimentName: String
    package let pipelineLabel: String
    package let createdAt: String
    package let parameters: [TaskPanel.NameValue]
    package let runs: [RunRow]
    package let runCount: Int
    package var template: String { "recurring-run-details" }
    package var title: String { name }
    package var section: WebSection { .recurringRuns }

    /// - Parameters:
    ///   - runs: the newest runs it made; `runCount` how many it made in all.
    package init(
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
