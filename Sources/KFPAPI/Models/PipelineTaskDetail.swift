public import Foundation
public import KFPSpec

/// The runtime information of one task of a run (`v2beta1PipelineTaskDetail`).
///
/// JSON: `{"run_id", "task_id", "display_name", "create_time", "start_time", "end_time",
/// "executor_detail", "state", "execution_id": "int64", "error", "inputs": {name: ArtifactList},
/// "outputs": {...}, "parent_task_id", "state_history": [...], "pod_name", "child_tasks": [...]}`, each
/// left out when unset. Parsing follows ``APIMessage``.
public struct PipelineTaskDetail: Sendable, Equatable, APIMessage {
    /// JSON `run_id`.
    public var runID: String
    /// JSON `task_id`.
    public var taskID: String
    /// JSON `display_name`.
    public var displayName: String
    /// JSON `create_time`.
    public var createTime: Date?
    /// JSON `start_time`.
    public var startTime: Date?
    /// JSON `end_time`.
    public var endTime: Date?
    /// JSON `executor_detail`.
    public var executorDetail: ExecutorDetail?
    /// JSON `state`.
    public var state: RuntimeState
    /// The ML Metadata execution id (a JSON string on output).
    public var executionID: Int64?
    /// Set when the task failed or was canceled.
    public var error: RPCStatus?
    /// Input artifact ids by input name.
    public var inputs: [String: ArtifactIDList]
    /// Output artifact ids by output name.
    public var outputs: [String: ArtifactIDList]
    /// The enclosing task; empty at the root.
    public var parentTaskID: String
    /// JSON `state_history`.
    public var stateHistory: [RuntimeStatus]
    /// JSON `pod_name`.
    public var podName: String
    /// JSON `child_tasks`.
    public var childTasks: [ChildTask]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        runID: String = "", taskID: String = "", displayName: String = "", createTime: Date? = nil,
        startTime: Date? = nil, endTime: Date? = nil, executorDetail: ExecutorDetail? = nil,
        state: RuntimeState = .unspecified, executionID: Int64? = nil, error: RPCStatus? = nil,
        inputs: [String: ArtifactIDList] = [:], outputs: [String: ArtifactIDList] = [:], parentTaskID: String = "",
        stateHistory: [RuntimeStatus] = [], podName: String = "", childTasks: [ChildTask] = []
    ) {
        self.runID = runID
        self.taskID = taskID
        self.displayName = displayName
        self.createTime = createTime
        self.startTime = startTime
        self.endTime = endTime
        self.executorDetail = executorDetail
        self.state = state
        self.executionID = executionID
        self.error = error
        self.inputs = inputs
        self.outputs = outputs
        self.parentTaskID = parentTaskID
        self.stateHistory = stateHistory
        self.podName = podName
        self.childTasks = childTasks
    }

    static let fields = [
        "run_id", "task_id", "display_name", "create_time", "start_time", "end_time", "executor_detail", "state",
        "execution_id", "error", "inputs", "outputs", "parent_task_id", "state_history", "pod_name", "child_tasks",
    ]

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: Self.fields)
        runID = try reader.string("run_id")
        taskID = try reader.string("task_id")
        displayName = try reader.string("display_name")
        createTime = try reader.timestamp("create_time")
        startTime = try reader.timestamp("start_time")
        endTime = try reader.timestamp("end_time")
        executorDetail = try reader.message("executor_detail")
        state = try reader.enumeration("state")
        executionID = reader.has("execution_id") ? try reader.int64("execution_id") : nil
        error = try reader.message("error")
        inputs = try reader.messageMap("inputs")
        outputs = try reader.messageMap("outputs")
        parentTaskID = try reader.string("parent_task_id")
        stateHistory = try reader.messages("state_history")
        podName = try reader.string("pod_name")
        childTasks = try reader.messages("child_tasks")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("run_id", runID)
        writer.string("task_id", taskID)
        writer.string("display_name", displayName)
        writer.timestamp("create_time", createTime)
        writer.timestamp("start_time", startTime)
        writer.timestamp("end_time", endTime)
        writer.message("executor_detail", executorDetail)
        writer.enumeration("state", state)
        writer.int64("execution_id", executionID)
        writer.message("error", error)
        writer.messageMap("inputs", inputs)
        writer.messageMap("outputs", outputs)
        writer.string("parent_task_id", parentTaskID)
        writer.messages("state_history", stateHistory)
        writer.string("pod_name", podName)
        writer.messages("child_tasks", childTasks)
        return writer.json
    }
}

/// The runtime details of a run (`v2beta1RunDetails`): ML Metadata context ids and one entry per task.
///
/// JSON: `{"pipeline_context_id": "int64", "pipeline_run_context_id": "int64", "task_details": [...]}`;
/// the ids are JSON strings, and ``Run`` leaves the whole message out when ``isEmpty``. Parsing follows
/// ``APIMessage``.
public struct RunDetails: Sendable, Equatable, APIMessage {
    /// JSON `pipeline_context_id`.
    public var pipelineContextID: Int64?
    /// JSON `pipeline_run_context_id`.
    public var pipelineRunContextID: Int64?
    /// JSON `task_details`.
    public var taskDetails: [PipelineTaskDetail]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        pipelineContextID: Int64? = nil, pipelineRunContextID: Int64? = nil, taskDetails: [PipelineTaskDetail] = []
    ) {
        self.pipelineContextID = pipelineContextID
        self.pipelineRunContextID = pipelineRunContextID
        self.taskDetails = taskDetails
    }

    /// `true` when no id is set (or both are 0) and there are no tasks.
    public var isEmpty: Bool {
        (pipelineContextID ?? 0) == 0 && (pipelineRunContextID ?? 0) == 0 && taskDetails.isEmpty
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(
            json, path: path, mode: mode, fields: ["pipeline_context_id", "pipeline_run_context_id", "task_details"])
        pipelineContextID = reader.has("pipeline_context_id") ? try reader.int64("pipeline_context_id") : nil
        pipelineRunContextID = reader.has("pipeline_run_context_id") ? try reader.int64("pipeline_run_context_id") : nil
        taskDetails = try reader.messages("task_details")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.int64("pipeline_context_id", pipelineContextID)
        writer.int64("pipeline_run_context_id", pipelineRunContextID)
        writer.messages("task_details", taskDetails)
        return writer.json
    }
}
