public import KFPSpec

/// The runtime details of a run (`v2beta1RunDetails`): ML Metadata context ids and one entry per task.
///
/// JSON: `{"pipeline_context_id": "int64", "pipeline_run_context_id": "int64", "task_details": [...]}`;
/// the ids are JSON strings, and ``Run`` leaves the whole message out when ``isEmpty``. Parsing follows
/// ``APIMessage``.
public struct RunDetails: Sendable, Equatable, APIMessage {
    public var pipelineContextID: Int64?
    public var pipelineRunContextID: Int64?
    public var taskDetails: [PipelineTaskDetail]

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

    public init(json: JSONValue, path: String) throws {
        let reader = try MessageReader(
            json, path: path, fields: ["pipeline_context_id", "pipeline_run_context_id", "task_details"])
        pipelineContextID = reader.has("pipeline_context_id") ? try reader.int64("pipeline_context_id") : nil
        pipelineRunContextID = reader.has("pipeline_run_context_id") ? try reader.int64("pipeline_run_context_id") : nil
        taskDetails = try reader.messages("task_details")
    }

    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.int64("pipeline_context_id", pipelineContextID)
        writer.int64("pipeline_run_context_id", pipelineRunContextID)
        writer.messages("task_details", taskDetails)
        return writer.json
    }
}
