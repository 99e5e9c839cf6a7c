import Foundation
import KFPSpec

/// The result of a local run: its state, outputs and every task's record.
///
/// Written to `<pipeline root>/<pipeline>/<run id>/run.json`, and printed by `kfp local run --json`.
public struct LocalRun: Sendable, Codable {
    /// The run id (a UUID string, or the id given for a resumed run).
    public var runID: String
    /// `pipelineInfo.name` of the spec.
    public var pipelineName: String
    /// SUCCEEDED, FAILED or CANCELED.
    public var state: TaskState
    /// The folder holding this run's task folders: `<pipeline root>/<pipeline>/<run id>`.
    public var runRoot: String
    /// The pipeline root (absolute path).
    public var pipelineRoot: String
    /// The pipeline's outputs (root `dag.outputs`).
    public var outputs: TaskOutputs
    /// Every task by path (`train`, `for-loop-2/0/train`, `outer/inner`).
    public var tasks: [String: TaskRecord]
    /// Kubernetes-only settings that were ignored, by name (reported once per run).
    public var ignoredSettings: [String]
    /// How container tasks ran: `subprocess`, or the engine (`podman`, `docker`); with
    /// ``TaskLauncherKind/auto``, also why (`subprocess (no container engine answered: ...)`).
    public var launcher: String
    /// Start and end of the run, seconds since 1970.
    public var startTime: Double
    public var endTime: Double

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", pipelineName = "pipeline_name", state, runRoot = "run_root"
        case pipelineRoot = "pipeline_root", outputs, tasks, ignoredSettings = "ignored_settings", launcher
        case startTime = "start_time", endTime = "end_time"
    }
}

/// Output parameters and artifacts of a task, a DAG or the pipeline.
public struct TaskOutputs: Sendable, Codable, Hashable {
    public var parameters: [String: JSONValue]
    public var artifacts: [String: [RuntimeArtifact]]

    public init(parameters: [String: JSONValue] = [:], artifacts: [String: [RuntimeArtifact]] = [:]) {
        self.parameters = parameters
        self.artifacts = artifacts
    }
}

/// What happened to one task.
public struct TaskRecord: Sendable, Codable, Hashable {
    public var state: TaskState
    /// `true` when the outputs came from the cache.
    public var cached: Bool
    public var outputs: TaskOutputs
    /// Why the task failed or was skipped.
    public var message: String?
    /// For a cache miss, which part of the cache key changed since the last run of this task.
    public var cacheMissReason: String?
    /// Seconds spent, from start to end (0 for skipped tasks).
    public var duration: Double
    /// The task's folder (executor input and output, log), when it ran.
    public var taskRoot: String?
    /// With a remote launcher (Slurm): the node the task's last attempt ran on.
    public var node: String?
    /// With a remote launcher (Slurm): the job id of the task's last attempt.
    public var slurmJobID: String?

    enum CodingKeys: String, CodingKey {
        case state, cached, outputs, message, cacheMissReason = "cache_miss_reason", duration
        case taskRoot = "task_root", node, slurmJobID = "slurm_job_id"
    }
}
