public import Foundation
public import KFPLocal

/// Runs each task as one Slurm batch job through slurmrestd (``TaskLauncherKind/remote(_:)``).
///
/// A job's script `cd`s to the task folder and `exec`s the task's resolved command; its
/// environment is the task's; output and error are appended to the task's `log.txt`; CPUs (rounded
/// up), memory (MB), GPUs and the time limit come from the task's resources. The launcher polls
/// the job until it ends and reports the exit status, the node and the job id; canceling the
/// calling task cancels the job. Slurm forgets finished jobs after `MinJobAge`, so the state is
/// read while the job runs, never afterwards.
///
/// ```swift
/// let slurm = SlurmLauncher(configuration: try .resolve(url: nil, user: nil, token: nil, environment: env))
/// let run = try await LocalRunner(options: .init(pipelineRoot: shared, launcher: .remote(slurm))).run(spec)
/// await slurm.shutdown()
/// ```
public struct SlurmLauncher: RemoteTaskLauncher {
    /// Where and how jobs are sent.
    public let configuration: SlurmConfiguration
    let api: any SlurmAPI

    /// A launcher talking to slurmrestd's `openapi/v0.0.38` (Slurm 22.05) at the configured URL.
    public init(configuration: SlurmConfiguration) {
        let client = SlurmRESTClient(
            url: configuration.url, user: configuration.user, token: configuration.token,
            requestTimeout: configuration.requestTimeout)
        self.init(configuration: configuration, api: SlurmAPIv0038(client: client))
    }

    init(configuration: SlurmConfiguration, api: any SlurmAPI) {
        self.configuration = configuration
        self.api = api
    }

    /// `slurm (http://head:6820, partition main)`.
    public var name: String {
        var details = [api.baseURL]
        if let partition = configuration.partition { details.append("partition \(partition)") }
        if let account = configuration.account { details.append("account \(account)") }
        return "slurm (\(details.joined(separator: ", ")))"
    }

    /// ``SlurmConfiguration/pythonEnvironmentsRoot``.
    public var pythonEnvironmentsRoot: URL? { configuration.pythonEnvironmentsRoot }

    /// Pings the controller through slurmrestd.
    public func check() async throws(LocalRunError) {
        do {
            try await api.ping()
        } catch {
            throw LocalRunError("the Slurm launcher cannot reach the cluster: \(error.message)")
        }
    }

    /// Closes slurmrestd's connections; call it once no run uses the launcher any more.
    public func shutdown() async {
        await api.shutdown()
    }

    /// Submits one attempt of `task` as a batch job and follows it until it ends (see
    /// ``SlurmLauncher``); a refused or impossible job fails at once with one line naming the task.
    public func run(_ task: RemoteTask) async -> RemoteTaskOutcome {
        let request: SlurmJobRequest
        do {
            request = try jobRequest(for: task)
        } catch {
            return RemoteTaskOutcome(status: .failed("task '\(task.taskPath)': \(error.message)"))
        }
        let id: Int
        do {
            id = try await submit(request)
        } catch {
            if error.kind == .canceled { return RemoteTaskOutcome(status: .signaled(15)) }
            return RemoteTaskOutcome(status: .failed(await submitFailure(error, task: task, request: request)))
        }
        return await SlurmJobWatch(api: api, configuration: configuration, jobID: id, taskPath: task.taskPath).follow()
    }

    /// The job of one attempt of `task`.
    func jobRequest(for task: RemoteTask) throws(SlurmError) -> SlurmJobRequest {
        let resources = task.resources
        var environment = task.environment
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return SlurmJobRequest(
            name: "kfp/\(task.taskPath)",
            comment: "swift-kfp run \(task.runID) task \(task.taskPath) attempt \(task.attempt + 1)",
            script: try SlurmJobScript.script(argv: task.argv, workingDirectory: task.workingDirectory.path),
            environment: environment,
            workingDirectory: task.workingDirectory.path,
            logPattern: SlurmJobScript.filePattern(task.log.path),
            cpusPerTask: resources.cpus.map { max(1, Int($0.rounded(.up))) },
            memoryMB: resources.memoryBytes.map { max(1, TaskResources.mebibytes($0)) },
            gpus: gpus(resources),
            timeLimitMinutes: resources.timeLimitSeconds.map { max(1, Int(($0 / 60).rounded(.up))) },
            partition: configuration.partition,
            account: configuration.account)
    }

    /// `N`, or `TYPE:N` for an accelerator type listed in ``SlurmConfiguration/gpuTypes``.
    private func gpus(_ resources: TaskResources) -> String? {
        guard resources.accelerators > 0 else { return nil }
        if let type = resources.acceleratorType, let slurmType = configuration.gpuTypes[type] {
            return "\(slurmType):\(resources.accelerators)"
        }
        return String(resources.accelerators)
    }

    /// Submits `request`, asking again while slurmrestd or the controller cannot be reached (at
    /// most ``SlurmConfiguration/unansweredLimit``); a request that got no answer in time is not
    /// sent again, since it may have been carried out.
    private func submit(_ request: SlurmJobRequest) async throws(SlurmError) -> Int {
        let start = ContinuousClock.now
        while true {
            do {
                return try await api.submit(request)
            } catch where error.kind == .unanswered && ContinuousClock.now - start < configuration.unansweredLimit {
                do {
                    try await Task.sleep(for: .seconds(1))
                } catch {
                    throw SlurmError(.canceled, "the submission of '\(request.name)' was canceled")
                }
            }
        }
    }

    /// One line for a refused submission: for a request no node can ever satisfy, the task and
    /// the resource it asks too much of.
    private func submitFailure(_ error: SlurmError, task: RemoteTask, request: SlurmJobRequest) async -> String {
        if error.kind == .unanswered || error.kind == .timedOut {
            return "task '\(task.taskPath)': Slurm did not take the job: \(error.message) (waited \(configuration.unansweredLimit))"
        }
        guard error.slurmCode == SlurmCapacity.unavailableConfiguration else {
            return "task '\(task.taskPath)': Slurm refused the job: \(error.message)"
        }
        let nodes = (try? await api.nodes()) ?? []
        let capacity = SlurmCapacity(nodes: nodes, partition: configuration.partition)
        return "task '\(task.taskPath)' asks for \(capacity.shortfall(of: request, asked: task.resources)); "
            + "Slurm refused the job: Requested node configuration is not available"
    }
}
