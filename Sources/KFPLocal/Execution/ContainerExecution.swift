import Foundation
import KFPSpec

/// Runs one container executor: builds the `ExecutorInput`, resolves the command, consults the
/// cache, launches the program (with retries), and collects its outputs.
struct ContainerExecution {
    let run: RunContext
    let path: TaskPath
    let taskName: String
    let task: PipelineTaskSpec
    let component: ComponentSpec
    let container: ContainerSpec
    let inputs: ResolvedInputs

    /// The task's outcome; a failure on a full filesystem says so first, naming it.
    func execute() async -> TaskOutcome {
        var outcome = await executeOnce()
        if outcome.state == .failed {
            outcome.message = DiskSpace.explain(outcome.message ?? "the task failed", folder: run.taskRoot(path))
        }
        return outcome
    }

    private func executeOnce() async -> TaskOutcome {
        let root = run.taskRoot(path)
        let started = Date()
        do {
            try TaskFiles.createDirectory(root)
            let executorInput = try ExecutorInputBuilder(component: component, inputs: inputs, taskRoot: root).build()
            try write(executorInput, to: root.appendingPathComponent("executor_input.json"))
            if container.image.hasPrefix("argostub/") {
                // kfp-kubernetes CreatePVC/DeletePVC stubs: the cluster's driver handles them; nothing
                // runs here. CreatePVC's `name` output is the claim name the driver would make.
                var outputs = OutputCollector(executorInput: executorInput, definitions: component.outputDefinitions)
                    .collectArtifactsOnly()
                if component.outputDefinitions?.parameters?["name"] != nil {
                    let given = inputs.parameters["pvc_name"]?.stringValue
                    let suffix = inputs.parameters["pvc_name_suffix"]?.stringValue ?? ""
                    outputs.parameters["name"] = .string(given ?? "\(run.jobResourceName)\(suffix)")
                }
                return TaskOutcome(state: .succeeded, outputs: outputs)
            }
            let cacheKey = try cacheKeyIfEnabled(executorInput)
            if let cacheKey, let cache = run.cache {
                let (cached, reason) = cache.lookup(cacheKey, pipeline: run.spec.pipelineInfo.name, taskPath: path.description)
                if let cached {
                    cache.remember(cacheKey, pipeline: run.spec.pipelineInfo.name, taskPath: path.description)
                    return TaskOutcome(state: .succeeded, cached: true, outputs: cached, message: "cache hit")
                }
                var outcome = await launch(executorInput, root: root, started: started)
                if outcome.state == .succeeded {
                    cache.store(cacheKey, outputs: outcome.outputs, runID: run.runID,
                                pipeline: run.spec.pipelineInfo.name, taskPath: path.description)
                } else if outcome.state == .failed {
                    cache.remember(cacheKey, pipeline: run.spec.pipelineInfo.name, taskPath: path.description, failed: true)
                }
                outcome.message = outcome.message ?? reason.map { "cache miss: \($0)" }
                return outcome
            }
            return await launch(executorInput, root: root, started: started)
        } catch let failure as TaskFailure {
            return .failed(failure.message)
        } catch {
            return .failed("\(error)")
        }
    }

    private func cacheKeyIfEnabled(_ executorInput: ExecutorInput) throws -> CacheKey? {
        guard run.cache != nil, task.cachingOptions?.enableCache == true else { return nil }
        return try CacheKey(
            componentName: task.componentRef.name, container: container, executorInput: executorInput,
            outputs: component.outputDefinitions, customKey: task.cachingOptions?.cacheKey)
    }

    /// Runs the program, retrying by `retryPolicy` (attempts = maxRetryCount + 1, backoff
    /// `duration * factor^k`, each wait capped at `backoffMaxDuration`).
    private func launch(_ executorInput: ExecutorInput, root: URL, started: Date) async -> TaskOutcome {
        let retry = RetrySchedule(policy: task.retryPolicy)
        var attempt = 0
        while true {
            let outcome = await attemptOnce(executorInput, root: root, attempt: attempt)
            if outcome.state == .succeeded || attempt >= retry.maxRetries || Task.isCancelled { return outcome }
            let wait = retry.delay(beforeRetry: attempt)
            run.emit(path, .running, duration: Date().timeIntervalSince(started),
                     message: "attempt \(attempt + 1) failed; retrying in \(wait) s")
            attempt += 1
            try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
        }
    }

    private func attemptOnce(_ executorInput: ExecutorInput, root: URL, attempt: Int) async -> TaskOutcome {
        let log = root.appendingPathComponent("log.txt")
        do {
            let pipelineValues = PipelinePlaceholders(run: run, taskName: taskName)
            let resolver = CommandResolver(executorInput: executorInput, supplied: inputs.supplied, pipeline: pipelineValues)
            // Every attempt starts clean: no executor output left by a failed attempt, or by an
            // interrupted run resumed under the same id (its task folders already exist).
            try? FileManager.default.removeItem(atPath: executorInput.outputs.outputFile ?? "")
            let status: SubprocessLauncher.Outcome
            if let containers = run.containerLauncher {
                let invocation = try containerInvocation(
                    executorInput, resolver: resolver, launcher: containers, root: root, attempt: attempt)
                let environment = run.baseEnvironment
                if invocation.user == nil {
                    TaskFiles.openToAll([root, root.appendingPathComponent("outputs"), root.appendingPathComponent("artifacts"), run.workspace])
                }
                status = await run.slots.withSlot {
                    await containers.launch(invocation, environment: environment, workingDirectory: root, log: log)
                }
                // A canceled container's client can end in any way (the engine forwards SIGTERM to
                // the container, whose exit status is its program's): the task was canceled.
                if Task.isCancelled {
                    return TaskOutcome(state: .canceled, message: "canceled; last lines of \(log.path):\n\(LogTail.lines(of: log))")
                }
            } else if let remote = run.remoteLauncher {
                return try await launchRemote(remote, executorInput, resolver: resolver, root: root, log: log, attempt: attempt)
            } else {
                status = try await launchHere(resolver: resolver, root: root, log: log)
            }
            return try ended(status, executorInput, log: log)
        } catch let failure as TaskFailure {
            return .failed(failure.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// The outcome of a program that ended with `status`: its outputs when it exited 0.
    func ended(_ status: SubprocessLauncher.Outcome, _ executorInput: ExecutorInput, log: URL) throws -> TaskOutcome {
        switch status {
        case .exited(0):
            let outputs = try OutputCollector(executorInput: executorInput, definitions: component.outputDefinitions).collect()
            return TaskOutcome(state: .succeeded, outputs: outputs)
        case .exited(let code):
            return .failed("exited with status \(code); last lines of \(log.path):\n\(LogTail.lines(of: log))")
        case .signaled(let signal):
            return TaskOutcome(state: Task.isCancelled ? .canceled : .failed,
                               message: "killed by signal \(SignalName.describe(signal)); last lines of \(log.path):\n\(LogTail.lines(of: log))")
        case .couldNotLaunch(let reason):
            return .failed(reason)
        }
    }

    /// The command to run and its environment over `base`: the spec's variables, and for a KFP pip
    /// prelude the command without it and the managed environment's variables (the environment
    /// made on first use, in `run.pythonEnvironments`).
    func preparedCommand(
        base: [String: String], log: URL
    ) async throws -> (command: [String], environment: [String: String], pythonEnvironment: URL?) {
        var command = container.command ?? []
        var environment = base
        for variable in container.env ?? [] { environment[variable.name] = variable.value ?? "" }
        guard let prelude = PythonEnvironments.prelude(in: command) else { return (command, environment, nil) }
        let folder = try await run.pythonEnvironments.environment(for: prelude, log: log)
        environment = PythonEnvironments.variables(for: folder, base: environment)
        command = Array(command.dropFirst(3))
        return (command, environment, folder)
    }

    /// Runs the program on this machine: the spec's environment over this process's; a KFP pip
    /// prelude runs in a managed virtual environment (and, when allowed, a warm interpreter forks
    /// the task).
    private func launchHere(resolver: CommandResolver, root: URL, log: URL) async throws -> SubprocessLauncher.Outcome {
        let (command, environment, folder) = try await preparedCommand(base: run.baseEnvironment, log: log)
        var server: PythonForkServer?
        if let folder, run.options.warmPython, PythonForkServer.matches(command) {
            server = try await run.pythonEnvironments.forkServer(for: folder, variables: environment)
        }
        let argv = try resolver.argv(command + (container.args ?? []))
        let variables = environment
        let warm = server
        return await run.slots.withSlot {
            if let server = warm {
                return await server.run(argv: argv, environment: variables, workingDirectory: root, log: log)
            }
            return await run.launcher.launch(argv: argv, environment: variables, workingDirectory: root, log: log)
        }
    }

    private func write(_ value: some Encodable, to file: URL) throws {
        try TaskFiles.write(try SpecWriter().tree(of: value).prettyJSON() + "\n", to: file)
    }
}

extension ContainerExecution {
    /// The `docker run` / `podman run` of this attempt: the executor's image, its command and
    /// arguments resolved as for a subprocess (kept apart: the command replaces the entrypoint),
    /// the spec's environment, the task folder, workspace and local input artifacts mounted at
    /// their host paths, the image's working directory and user (see ``ContainerLauncher/user()``),
    /// the resource limits, labels naming the run and task, and a name unique to the attempt.
    func containerInvocation(
        _ executorInput: ExecutorInput, resolver: CommandResolver, launcher: ContainerLauncher, root: URL, attempt: Int
    ) throws(TaskFailure) -> ContainerInvocation {
        let user = launcher.user()
        var limits: ContainerLimits
        do {
            limits = try ContainerLimits(container.resources) { text in try resolver.argv([text]).joined(separator: " ") }
        } catch let failure as TaskFailure {
            throw failure
        } catch {
            throw TaskFailure("\(error)")
        }
        if !launcher.hostHasGPU { limits.gpus = 0 }
        return ContainerInvocation(
            engine: launcher.engine.path,
            image: container.image,
            command: try resolver.argv(container.command ?? []),
            arguments: try resolver.argv(container.args ?? []),
            environment: ContainerLauncher.environment(for: container, user: user),
            mounts: ContainerLauncher.mounts(taskRoot: root, workspace: run.workspace, executorInput: executorInput),
            user: user,
            limits: limits,
            labels: ["io.swift-kfp.run-id": run.runID, "io.swift-kfp.task": path.description],
            name: ContainerInvocation.containerName(
                runID: run.runID, launch: launcher.launch, taskPath: path.description, attempt: attempt))
    }
}

/// Retry timing from a task's `retryPolicy`, as kfp.local and Argo apply it.
struct RetrySchedule {
    var maxRetries: Int
    var backoff: Double
    var factor: Double
    var maxBackoff: Double

    init(policy: RetryPolicy?) {
        maxRetries = max(0, policy?.maxRetryCount ?? 0)
        backoff = RetrySchedule.seconds(policy?.backoffDuration) ?? 0
        let factor = policy?.backoffFactor ?? 2
        self.factor = factor > 0 ? factor : 2
        maxBackoff = RetrySchedule.seconds(policy?.backoffMaxDuration) ?? 3600
    }

    /// Seconds to wait before retry `index` (0-based).
    func delay(beforeRetry index: Int) -> Double {
        min(backoff * pow(factor, Double(index)), maxBackoff)
    }

    /// A protobuf Duration string (`"30s"`, `"0.5s"`) in seconds.
    static func seconds(_ duration: String?) -> Double? {
        guard let duration, duration.hasSuffix("s") else { return nil }
        return Double(duration.dropLast())
    }
}
