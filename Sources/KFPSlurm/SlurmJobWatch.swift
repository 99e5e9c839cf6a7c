import Foundation
import KFPLocal

/// Follows one submitted job until it ends: reads its state every poll interval, records its node,
/// cancels it when the calling task is canceled, and gives up after slurmrestd or the controller
/// has not answered for the configured limit.
struct SlurmJobWatch {
    let api: any SlurmAPI
    let configuration: SlurmConfiguration
    let jobID: Int
    let taskPath: String

    /// Pending reasons that no waiting can change: the job is canceled and the task fails.
    static let hopelessReasons: Set<String> = [
        "BadConstraints", "PartitionConfig", "PartitionNodeLimit", "PartitionTimeLimit", "InvalidAccount", "InvalidQOS",
        "DependencyNeverSatisfied", "AccountNotAllowed", "QOSNotAllowed",
    ]

    private var job: String { "job \(jobID) of task '\(taskPath)'" }

    func follow() async -> RemoteTaskOutcome {
        var last: SlurmJobStatus?
        let submitted = ContinuousClock.now
        var lastAnswer = submitted
        while true {
            do {
                try await Task.sleep(for: Self.interval(after: ContinuousClock.now - submitted, base: configuration.pollInterval))
            } catch {
                return await cancel(last: last)
            }
            do {
                guard var status = try await api.job(jobID) else { return vanished(last: last) }
                if status.node == nil { status.node = last?.node }
                last = status
                lastAnswer = .now
                if status.isFinished { return ended(status) }
                if status.state == "PENDING", let reason = status.reason, Self.hopelessReasons.contains(reason) {
                    var outcome = await cancel(last: last)
                    outcome.status = .failed("\(job) cannot run: Slurm keeps it pending with reason \(reason)")
                    return outcome
                }
            } catch {
                if error.kind == .canceled || Task.isCancelled { return await cancel(last: last) }
                if error.httpStatus == 401 || error.httpStatus == 403 {
                    return outcome(.failed("\(job): \(error.message)"), last: last)
                }
                let silence = ContinuousClock.now - lastAnswer
                if silence >= configuration.unansweredLimit {
                    let seen = last.map { " (last seen \($0.state)\($0.node.map { " on \($0)" } ?? ""))" } ?? ""
                    return outcome(
                        .failed("\(job)\(seen): Slurm has not answered for \(Self.seconds(silence)) s: \(error.message)"),
                        last: last)
                }
            }
        }
    }

    /// The outcome of a finished job: the program's exit status or signal, or why it has none.
    func ended(_ status: SlurmJobStatus) -> RemoteTaskOutcome {
        let node = status.node.map { " on node \($0)" } ?? ""
        let reason = status.reason.map { " (\($0))" } ?? ""
        switch status.state {
        case "COMPLETED", "FAILED":
            let signal = status.waitStatus & 0x7f
            if signal != 0 { return outcome(.signaled(signal), last: status) }
            if status.state == "FAILED", status.waitStatus == 0 {
                return outcome(.failed("\(job) FAILED\(node)\(reason) before its program could end"), last: status)
            }
            return outcome(.exited((status.waitStatus >> 8) & 0xff), last: status)
        case "CANCELLED":
            return outcome(.failed("\(job) was cancelled\(node) outside this run\(reason)"), last: status)
        case "TIMEOUT":
            return outcome(.failed("\(job) ran past its time limit\(node) and was stopped"), last: status)
        case "OUT_OF_MEMORY":
            return outcome(.failed("\(job) ran out of memory\(node)"), last: status)
        default:
            return outcome(.failed("\(job) ended \(status.state)\(node)\(reason)"), last: status)
        }
    }

    private func vanished(last: SlurmJobStatus?) -> RemoteTaskOutcome {
        let seen = last.map { "last seen \($0.state)\($0.node.map { " on \($0)" } ?? "")" } ?? "never seen"
        return outcome(
            .failed("\(job) is no longer known to Slurm at \(api.baseURL) (\(seen)): the controller lost it or forgot it (MinJobAge)"),
            last: last)
    }

    /// Cancels the job outside the canceled caller (whose requests would be canceled too) and
    /// waits, at most 30 s, until Slurm has let go of it (no longer pending, running or completing).
    private func cancel(last: SlurmJobStatus?) async -> RemoteTaskOutcome {
        let api = self.api
        let id = jobID
        let final = await Task {
            var seen = last
            for _ in 0..<3 {
                do {
                    try await api.cancel(id)
                    break
                } catch {
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                do {
                    guard let status = try await api.job(id) else { break }
                    seen = status
                    if status.isFinished { break }
                } catch {}
                try? await Task.sleep(for: .milliseconds(200))
            }
            return seen
        }.value
        return RemoteTaskOutcome(status: .signaled(15), node: final?.node ?? last?.node, jobID: String(jobID))
    }

    private func outcome(_ status: RemoteTaskOutcome.Status, last: SlurmJobStatus?) -> RemoteTaskOutcome {
        RemoteTaskOutcome(status: status, node: last?.node, jobID: String(jobID))
    }

    /// How long to wait before the next look at a job that has existed for `age`: the poll
    /// interval for its first 10 s (short tasks end fast), then at least 1 s, and at least 3 s
    /// after a minute, so that long jobs cost slurmrestd and the controller little.
    static func interval(after age: Duration, base: Duration) -> Duration {
        if age < .seconds(10) { return base }
        return max(base, age < .seconds(60) ? .seconds(1) : .seconds(3))
    }

    /// `60`, or `0.3` under ten seconds.
    private static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds < 10 ? String(format: "%.1f", seconds) : String(Int(seconds))
    }
}
