import Foundation
import KFPAPI
import Logging

/// Fires recurring runs: twice a second it looks at every enabled recurring run, and starts a run
/// for each schedule time that has come, as KFP's scheduled-workflow controller does:
/// - a periodic trigger fires at `start + k × interval_second` (start = `start_time`, else creation);
/// - a cron trigger fires at the cron's times after the start (robfig/cron format, UTC);
/// - nothing fires after `end_time`, nor while `max_concurrency` runs of it are unfinished;
/// - missed times are fired one by one (catch-up), or skipped to the latest with `no_catchup`.
struct RecurringRunScheduler: Sendable {
    let services: ServerServices
    let logger: Logger
    /// Seconds between looks.
    var tick: Double = 0.5

    func run() async {
        while !Task.isCancelled {
            do {
                try await fireDueRuns(now: Date())
            } catch {
                logger.error("recurring runs: \(error)")
            }
            try? await Task.sleep(for: .seconds(tick))
        }
    }

    func fireDueRuns(now: Date) async throws {
        for entry in try services.store.enabledSchedules() where entry.activeRuns < entry.maxConcurrency {
            guard var due = nextTime(entry, after: entry.lastFireAt), due <= now else { continue }
            if entry.noCatchup {
                while let later = nextTime(entry, after: due), later <= now { due = later }
            }
            if let runID = try services.store.fire(entry, scheduledAt: due) {
                await services.executor.submit(runID)
            }
        }
    }

    /// The schedule time after `last` (or the first one), nil when the trigger has ended.
    func nextTime(_ entry: ServerStore.ScheduleEntry, after last: Date?) -> Date? {
        let next: Date?
        let end: Date?
        switch entry.trigger {
        case .periodic(let schedule):
            let start = schedule.startTime ?? entry.createdAt
            next = (last ?? start).addingTimeInterval(Double(schedule.intervalSecond))
            end = schedule.endTime
        case .cron(let schedule):
            guard let cron = try? CronExpression(schedule.cron) else { return nil }
            let start = max(schedule.startTime ?? entry.createdAt, entry.createdAt)
            next = cron.next(after: last ?? start)
            end = schedule.endTime
        }
        if let next, let end, next > end { return nil }
        return next
    }
}
