import Foundation
import KFPSpec

extension ContainerExecution {
    /// Runs one attempt as a job of `remote`: the command resolved as for a subprocess (a pip
    /// prelude replaced by the managed environment, made here in a folder the nodes see), the
    /// portable part of this process's environment with the spec's and the managed environment's
    /// variables, the task folder and its `log.txt`, and the task's resources.
    func launchRemote(
        _ remote: any RemoteTaskLauncher, _ executorInput: ExecutorInput, resolver: CommandResolver, root: URL, log: URL,
        attempt: Int
    ) async throws -> TaskOutcome {
        let (command, environment, _) = try await preparedCommand(base: Self.portableEnvironment(run.baseEnvironment), log: log)
        let argv = try resolver.argv(command + (container.args ?? []))
        let timeLimit = TaskResources.timeLimitSeconds(in: run.spec, executorLabel: component.executorLabel ?? "")
        let resources = try TaskResources(container.resources, timeLimitSeconds: timeLimit) { text in
            try resolver.argv([text]).joined(separator: " ")
        }
        let job = RemoteTask(
            runID: run.runID, taskPath: path.description, attempt: attempt, argv: argv, environment: environment,
            workingDirectory: root, log: log, resources: resources)
        let logSize = Self.size(of: log)
        let result = await run.slots.withSlot { await remote.run(job) }
        var outcome = try outcome(of: result, executorInput, log: log, logSizeBefore: logSize)
        outcome.node = result.node
        outcome.jobID = result.jobID
        return outcome
    }

    /// The task's outcome from the job's: its outputs when it exited 0; a launcher's failure as it
    /// says it, with the log's last lines when the job wrote some. A job that exited 0 without
    /// the outputs it should have left, or failed without writing a byte to the log, most likely ran
    /// where the task folder is not: the message asks whether the pipeline root is shared.
    private func outcome(
        of result: RemoteTaskOutcome, _ executorInput: ExecutorInput, log: URL, logSizeBefore: UInt64?
    ) throws -> TaskOutcome {
        let job = (result.jobID.map { "job \($0)" } ?? "the job") + (result.node.map { " on node \($0)" } ?? "")
        if Task.isCancelled { return TaskOutcome(state: .canceled, message: "canceled (\(job))") }
        let question = "is the pipeline root \(run.pipelineRoot.path) on a filesystem every node sees at the same path?"
        let status: SubprocessLauncher.Outcome
        switch result.status {
        case .failed(let reason):
            // A job that ran (a time limit, memory, a lost node) has its program's last words in the log.
            let grew = Self.size(of: log) != logSizeBefore
            return .failed(grew ? "\(reason); last lines of \(log.path):\n\(LogTail.lines(of: log))" : reason)
        case .exited(let code): status = .exited(code)
        case .signaled(let signal): status = .signaled(signal)
        }
        if case .exited(0) = status {
            do {
                return try ended(status, executorInput, log: log)
            } catch let failure as TaskFailure {
                return .failed("\(job) exited 0 but left no executor output where it should be (\(failure.message)); \(question)")
            }
        }
        if Self.size(of: log) == logSizeBefore {
            let ending = switch status {
                case .exited(let code): "exited with status \(code)"
                case .signaled(let signal): "was killed by signal \(SignalName.describe(signal))"
                case .couldNotLaunch(let reason): "could not start (\(reason))"
            }
            return .failed("\(job) \(ending) and wrote nothing to \(log.path); \(question)")
        }
        return try ended(status, executorInput, log: log)
    }

    /// The variables of this process that mean the same on another machine of the cluster (`PATH`,
    /// `HOME`, `USER`, `LOGNAME`, `LANG`, `LANGUAGE`, `LC_*`, `TZ`); the rest (this machine's
    /// temporary folder, a scheduler's own variables and tokens) stays here.
    static func portableEnvironment(_ environment: [String: String]) -> [String: String] {
        let names: Set<String> = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ"]
        return environment.filter { names.contains($0.key) || $0.key.hasPrefix("LC_") }
    }

    private static func size(of file: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.uint64Value
    }
}
