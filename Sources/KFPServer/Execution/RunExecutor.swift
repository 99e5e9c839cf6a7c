import Foundation
import KFPAPI
import KFPLocal
import KFPSpec
import Logging

/// Executes runs in the background with ``LocalRunner``: at most `maxParallelRuns` at once, the
/// rest wait in state PENDING in creation order. Every state change is written to the store before
/// anyone can read it; terminate cancels a run's Swift task, which stops its processes.
actor RunExecutor {
    private let store: ServerStore
    private let options: ServerOptions
    private let logger: Logger
    private var queue: [String] = []
    private var active: [String: Task<Void, Never>] = [:]
    private var terminating: Set<String> = []

    init(store: ServerStore, options: ServerOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
    }

    /// Where runs write task folders and the cache unless their runtime config names a root.
    var defaultPipelineRoot: URL { options.dataFolder.appendingPathComponent("pipeline-root", isDirectory: true) }

    /// Queues a stored PENDING run.
    func submit(_ runID: String) {
        queue.append(runID)
        startWaitingRuns()
    }

    /// Stops a run: a waiting one ends CANCELED at once; a running one goes CANCELING, then CANCELED
    /// when its processes have stopped.
    ///
    /// - Throws: ``APIError`` not found for an unknown run, failed precondition for a finished one.
    func terminate(_ runID: String) throws {
        let state = try store.run(runID).state
        guard [.pending, .running, .paused, .unspecified].contains(state) else {
            throw APIError.failedPrecondition("Failed to terminate run \(runID): the run is \(state.rawValue), not running")
        }
        if let index = queue.firstIndex(of: runID) {
            queue.remove(at: index)
            try store.setRunState(runID, .canceled, error: "the run was terminated before it started")
            return
        }
        if let task = active[runID] {
            try store.setRunState(runID, .canceling)
            terminating.insert(runID)
            task.cancel()
        } else {
            try store.setRunState(runID, .canceled, error: "the run was terminated")
        }
    }

    /// Runs a FAILED or CANCELED run again under the same id: tasks that succeeded come from the cache.
    ///
    /// - Throws: ``APIError`` not found, or failed precondition when the run is not FAILED or CANCELED.
    func retry(_ runID: String) throws {
        let allowed: Set<RuntimeState> = [.failed, .canceled]
        guard try store.setRunState(runID, .pending, allowedFrom: allowed) else {
            let state = try store.run(runID).state
            throw APIError.failedPrecondition(
                "Failed to retry run \(runID): only FAILED or CANCELED runs can be retried, this one is \(state.rawValue)")
        }
        submit(runID)
    }

    /// Stops every executing run and waits until their processes are gone; waiting runs stay
    /// PENDING. Runs stopped this way stay RUNNING in the store, so the next start marks them
    /// FAILED as interrupted (as after a crash) and `:retry` resumes them.
    func shutdown() async {
        queue.removeAll()
        let tasks = Array(active.values)
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    /// The ids of the runs executing now.
    var activeRunIDs: [String] { Array(active.keys) }

    private func startWaitingRuns() {
        while active.count < max(1, options.maxParallelRuns), !queue.isEmpty {
            let runID = queue.removeFirst()
            active[runID] = Task { [store, options, logger] in
                await Self.execute(runID, store: store, options: options, logger: logger)
                await self.finished(runID)
            }
        }
    }

    private func finished(_ runID: String) {
        active[runID] = nil
        if terminating.remove(runID) != nil {
            try? store.setRunState(runID, .canceled, error: "the run was terminated")
        }
        startWaitingRuns()
    }

    private static func execute(_ runID: String, store: ServerStore, options: ServerOptions, logger: Logger) async {
        do {
            let (package, config, _) = try store.runInputs(runID)
            guard try store.setRunState(runID, .running, allowedFrom: [.pending]) else { return }
            let root = try pipelineRoot(config.pipelineRoot, options: options)
            try store.setRunRoot(runID, root.standardizedFileURL.appendingPathComponent(package.spec.pipelineInfo.name)
                .appendingPathComponent(runID))
            var runnerOptions = LocalRunnerOptions(pipelineRoot: root, maxParallel: options.maxParallelTasks)
            runnerOptions.launcher = options.launcher
            runnerOptions.taskEnvironment = OrphanedTaskProcesses(dataFolder: options.dataFolder.standardizedFileURL).marker
            runnerOptions.onEvent = { event in
                do {
                    try store.recordTask(runID: runID, event)
                } catch {
                    logger.error("run \(runID): cannot record task \(event.taskPath): \(error)")
                }
            }
            let record = try await LocalRunner(options: runnerOptions).run(package.spec, arguments: config.parameters, runID: runID)
            if Task.isCancelled { return }
            switch record.state {
            case .succeeded:
                try store.setRunState(runID, .succeeded, allowedFrom: [.running])
            case .canceled:
                try store.setRunState(runID, .canceled, error: "the run was canceled", allowedFrom: [.running])
            default:
                let failed = record.tasks.filter { $0.value.state == .failed }.sorted { $0.key < $1.key }
                let message = failed.isEmpty ? "the run ended \(record.state.rawValue)"
                    : failed.map { "task \($0.key) failed: \($0.value.message ?? "no message")" }.joined(separator: "; ")
                try store.setRunState(runID, .failed, error: message, allowedFrom: [.running])
            }
        } catch let error as LocalRunError {
            try? store.setRunState(runID, .failed, error: "the run could not start: \(error.message)")
        } catch {
            try? store.setRunState(runID, .failed, error: "the run could not start: \(error)")
        }
    }

    /// The run's pipeline root: its runtime config's `pipeline_root` (a local path or `file://`
    /// URI), else the server's default.
    private static func pipelineRoot(_ requested: String, options: ServerOptions) throws -> URL {
        guard !requested.isEmpty else {
            return options.dataFolder.appendingPathComponent("pipeline-root", isDirectory: true)
        }
        if requested.hasPrefix("file://"), let url = URL(string: requested), url.isFileURL { return url }
        if requested.hasPrefix("/") { return URL(fileURLWithPath: requested, isDirectory: true) }
        throw LocalRunError(
            "runtime_config.pipeline_root \(requested) is not a local folder; this server stores artifacts on this machine (a path or a file:// URI)")
    }
}
