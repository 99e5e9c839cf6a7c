public import KFPSpec

/// The jobs that ran a task (`v2beta1PipelineTaskExecutorDetail`).
///
/// JSON: `{"main_job", "pre_caching_check_job", "failed_main_jobs": [..],
/// "failed_pre_caching_check_jobs": [..]}`, each left out when empty. Parsing follows ``APIMessage``.
public struct ExecutorDetail: Sendable, Equatable, APIMessage {
    /// JSON `main_job`.
    public var mainJob: String
    /// JSON `pre_caching_check_job`.
    public var preCachingCheckJob: String
    /// Earlier failed attempts of the main job, oldest first.
    public var failedMainJobs: [String]
    /// JSON `failed_pre_caching_check_jobs`.
    public var failedPreCachingCheckJobs: [String]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        mainJob: String = "", preCachingCheckJob: String = "", failedMainJobs: [String] = [],
        failedPreCachingCheckJobs: [String] = []
    ) {
        self.mainJob = mainJob
        self.preCachingCheckJob = preCachingCheckJob
        self.failedMainJobs = failedMainJobs
        self.failedPreCachingCheckJobs = failedPreCachingCheckJobs
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(
            json, path: path, mode: mode,
            fields: ["main_job", "pre_caching_check_job", "failed_main_jobs", "failed_pre_caching_check_jobs"])
        mainJob = try reader.string("main_job")
        preCachingCheckJob = try reader.string("pre_caching_check_job")
        failedMainJobs = try reader.strings("failed_main_jobs")
        failedPreCachingCheckJobs = try reader.strings("failed_pre_caching_check_jobs")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("main_job", mainJob)
        writer.string("pre_caching_check_job", preCachingCheckJob)
        writer.strings("failed_main_jobs", failedMainJobs)
        writer.strings("failed_pre_caching_check_jobs", failedPreCachingCheckJobs)
        return writer.json
    }
}

/// The ML Metadata artifact ids of one task input or output (`v2beta1ArtifactList`).
///
/// JSON: `{"artifact_ids": ["int64", ...]}` (strings on output; numbers or strings on input).
public struct ArtifactIDList: Sendable, Equatable, APIMessage {
    /// JSON `artifact_ids`.
    public var artifactIDs: [Int64]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(artifactIDs: [Int64] = []) { self.artifactIDs = artifactIDs }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        artifactIDs = try MessageReader(json, path: path, mode: mode, fields: ["artifact_ids"]).int64s("artifact_ids")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.int64s("artifact_ids", artifactIDs)
        return writer.json
    }
}

/// A task started by another task, e.g. a loop iteration (`PipelineTaskDetailChildTask`).
///
/// JSON: `{"task_id", "pod_name"}`, each left out when empty.
public struct ChildTask: Sendable, Equatable, APIMessage {
    /// JSON `task_id`.
    public var taskID: String
    /// JSON `pod_name`.
    public var podName: String

    /// Creates the message; every field defaults to its proto default (unset).
    public init(taskID: String = "", podName: String = "") {
        self.taskID = taskID
        self.podName = podName
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["task_id", "pod_name"])
        taskID = try reader.string("task_id")
        podName = try reader.string("pod_name")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("task_id", taskID)
        writer.string("pod_name", podName)
        return writer.json
    }
}
