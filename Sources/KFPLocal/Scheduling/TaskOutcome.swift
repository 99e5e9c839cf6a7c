import KFPSpec

/// How a task ended, with its outputs, as its DAG sees it.
struct TaskOutcome: Sendable {
    var state: TaskState
    var cached = false
    var outputs = TaskOutputs()
    var message: String?
    /// For a loop task: each iteration's DAG outputs, in item order (for `Collected`).
    var iterations: [TaskOutputs]?
    /// With a remote launcher: the node the last attempt ran on and its job id.
    var node: String?
    var jobID: String?

    static func skipped(_ message: String) -> TaskOutcome {
        TaskOutcome(state: .skipped, message: message)
    }

    static func failed(_ message: String) -> TaskOutcome {
        TaskOutcome(state: .failed, message: message)
    }
}

/// Values visible inside a DAG: its resolved input parameters and artifacts.
struct DagScope: Sendable {
    var path: TaskPath
    var parameters: [String: JSONValue]
    var artifacts: [String: [RuntimeArtifact]]
}
