import Foundation
import KFPSpec

/// Everything the tasks of one run share: the spec, the run's identity and folders, and the
/// services (slots, launcher, cache, Python environments, event sink).
struct RunContext: Sendable {
    let spec: PipelineSpec
    let options: LocalRunnerOptions
    let runID: String
    /// `{{$.pipeline_job_name}}`: `<pipeline>-<yyyyMMddHHmmss>`, like a run's display name.
    let jobName: String
    /// `{{$.pipeline_job_resource_name}}`.
    let jobResourceName: String
    /// `{{$.pipeline_job_create_time_utc}}` / `schedule_time_utc`, RFC 3339.
    let createTime: String
    let pipelineRoot: URL
    let runRoot: URL
    let workspace: URL
    let slots: ExecutionSlots
    let recorder: TaskRecorder
    let cache: CacheStore?
    let pythonEnvironments: PythonEnvironments
    let launcher: SubprocessLauncher
    /// Set when container executors run in their images (``TaskLauncherKind/container(_:)``).
    let containerLauncher: ContainerLauncher?
    /// Set when container executors run as jobs elsewhere (``TaskLauncherKind/remote(_:)``).
    let remoteLauncher: (any RemoteTaskLauncher)?
    /// This process's environment, read once per run; tasks start from it.
    let baseEnvironment: [String: String]

    /// The folder of a task: `<run root>/<path components>`.
    func taskRoot(_ path: TaskPath) -> URL {
        path.components.reduce(runRoot) { $0.appendingPathComponent($1, isDirectory: true) }
    }

    func emit(
        _ path: TaskPath, _ state: TaskState, duration: Double = 0, cached: Bool = false, message: String? = nil,
        outputs: TaskOutputs = TaskOutputs(), taskRoot: String? = nil, node: String? = nil, jobID: String? = nil
    ) {
        options.onEvent(TaskEvent(
            taskPath: path.description, state: state, duration: duration, cached: cached, message: message,
            outputs: outputs, taskRoot: taskRoot, node: node, jobID: jobID))
    }
}

/// A task's path in the run: nested DAG task names and loop iteration indexes, joined with `/`.
struct TaskPath: Sendable, Hashable, CustomStringConvertible {
    var components: [String]

    static let root = TaskPath(components: [])

    func appending(_ component: String) -> TaskPath {
        TaskPath(components: components + [component])
    }

    var description: String { components.joined(separator: "/") }
    var name: String { components.last ?? "" }
}

/// Collects task records as tasks finish.
actor TaskRecorder {
    private(set) var records: [String: TaskRecord] = [:]

    func record(_ path: TaskPath, _ record: TaskRecord) {
        records[path.description] = record
    }
}
