import Foundation
import KFPSpec

/// Runs KFP pipelines on this machine: any `PipelineSpec`, compiled by the Python SDK or by us.
///
/// ```swift
/// let spec = try SpecLoader(file: path).loadPipelineSpec(text)
/// let run = try await LocalRunner(options: .init(maxParallel: 4)).run(spec, arguments: ["url": "https://..."])
/// print(run.state, run.outputs.parameters)
/// ```
///
/// Tasks start as soon as their upstream tasks are done, bounded by `maxParallel`; conditions are
/// CEL; loops, `Collected`, OneOf, exit handlers, retries and nested pipelines behave as on a KFP
/// cluster. Caching is on where the spec enables it; rerunning a failed run reuses every task that
/// succeeded. Task folders: `<pipeline root>/<pipeline>/<run id>/<task path>/`.
public struct LocalRunner: Sendable {
    public var options: LocalRunnerOptions

    public init(options: LocalRunnerOptions = LocalRunnerOptions()) {
        self.options = options
    }

    /// Runs `spec` with `arguments` (root input parameters by name; root input artifacts as URI strings).
    ///
    /// - Returns: the run's record; its `state` is FAILED when a task failed (this does not throw).
    /// - Throws: ``LocalRunError`` when the run cannot start: an invalid spec, an unknown or
    ///   missing argument, an argument that does not fit its type, an unwritable pipeline root, or
    ///   (with the container launcher) no container engine on `PATH`, or one that cannot run containers.
    public func run(_ spec: PipelineSpec, arguments: [String: JSONValue] = [:], runID: String? = nil) async throws(LocalRunError) -> LocalRun {
        let problems = SpecValidator().problems(in: spec)
        if !problems.isEmpty {
            throw LocalRunError(problems.map(\.pathAndMessage).joined(separator: "\n"))
        }
        let scopeValues = try RootArguments(spec: spec).resolve(arguments)
        let environment = ProcessInfo.processInfo.environment.merging(options.taskEnvironment) { _, set in set }
        let launcher = SubprocessLauncher()
        let chosen = try await LauncherChoice.make(
            options.launcher, environment: environment, processes: launcher)
        let started = Date()
        let id = runID ?? UUID().uuidString.lowercased()
        let pipelineRoot = options.pipelineRoot.standardizedFileURL
        let runRoot = pipelineRoot.appendingPathComponent(spec.pipelineInfo.name, isDirectory: true)
            .appendingPathComponent(id, isDirectory: true)
        let workspace = runRoot.appendingPathComponent("workspace", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        } catch {
            throw LocalRunError("cannot create the run folder \(runRoot.path): \(error.localizedDescription)")
        }
        let context = RunContext(
            spec: spec, options: options, runID: id, jobName: RunNames.jobName(spec.pipelineInfo.name, started),
            jobResourceName: "\(spec.pipelineInfo.name)-\(id.prefix(8))", createTime: RunNames.rfc3339(started),
            pipelineRoot: pipelineRoot, runRoot: runRoot, workspace: workspace,
            slots: ExecutionSlots(limit: options.maxParallel), recorder: TaskRecorder(),
            cache: options.cachingEnabled ? CacheStore(pipelineRoot: pipelineRoot) : nil,
            pythonEnvironments: PythonEnvironments(
                root: Self.pythonEnvironmentsRoot(options, remote: chosen.remote, pipelineRoot: pipelineRoot),
                basePython: options.basePython, launcher: launcher),
            launcher: launcher, containerLauncher: chosen.containers, remoteLauncher: chosen.remote, baseEnvironment: environment)
        let ignored = IgnoredSettings.names(in: spec, containers: chosen.containers, remote: chosen.remote != nil)
        guard let dag = spec.root.dag else { throw LocalRunError("the root component has no DAG") }
        let outcome = await DagRunner(run: context).run(
            component: spec.root, dag: dag, scope: DagScope(path: .root, parameters: scopeValues.parameters, artifacts: scopeValues.artifacts))
        await context.pythonEnvironments.shutdown()
        let record = LocalRun(
            runID: id, pipelineName: spec.pipelineInfo.name,
            state: outcome.state == .succeeded ? .succeeded : outcome.state, runRoot: runRoot.path,
            pipelineRoot: pipelineRoot.path, outputs: outcome.outputs, tasks: await context.recorder.records,
            ignoredSettings: ignored, launcher: chosen.note, startTime: started.timeIntervalSince1970, endTime: Date().timeIntervalSince1970)
        if let data = try? SpecWriter().tree(of: record).prettyJSON() {
            try? Data((data + "\n").utf8).write(to: runRoot.appendingPathComponent("run.json"), options: .atomic)
        }
        return record
    }
}

extension LocalRunner {
    /// Where managed Python environments go: ``LocalRunnerOptions/pythonEnvironmentsRoot`` on this
    /// machine; for a remote launcher, its own folder or `<pipeline root>/.kfp-python`, which the
    /// nodes see.
    static func pythonEnvironmentsRoot(
        _ options: LocalRunnerOptions, remote: (any RemoteTaskLauncher)?, pipelineRoot: URL
    ) -> URL {
        guard let remote else { return options.pythonEnvironmentsRoot }
        return remote.pythonEnvironmentsRoot ?? pipelineRoot.appendingPathComponent(".kfp-python", isDirectory: true)
    }
}

/// Why a run could not start.
public struct LocalRunError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

enum RunNames {
    static func jobName(_ pipeline: String, _ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return "\(pipeline)-\(formatter.string(from: date))"
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension LocalRunner {
    /// Launches `sh -c true` once through the task launcher (used by the runner benchmark to
    /// measure the launcher's own cost).
    public static func probeLaunch() async -> Bool {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-probe.log")
        if case .exited(0) = await SubprocessLauncher().launch(
            argv: ["sh", "-c", "true"], environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.temporaryDirectory, log: log)
        {
            return true
        }
        return false
    }
}
