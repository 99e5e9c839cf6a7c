/// The state of a task or run, in the words of KFP's v2beta1 API (`RuntimeState`).
public enum TaskState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending = "PENDING"
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    /// The task's condition was false, or an upstream task did not succeed.
    case skipped = "SKIPPED"
    case failed = "FAILED"
    case canceled = "CANCELED"

    /// `true` for states a task does not leave.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .skipped, .failed, .canceled: return true
        case .pending, .running: return false
        }
    }

    /// The word KFP's cluster puts in `PipelineTaskFinalStatus.state` (MLMD execution state names).
    var finalStatusWord: String {
        switch self {
        case .succeeded: return "COMPLETE"
        case .failed: return "FAILED"
        case .canceled: return "CANCELED"
        case .skipped: return "SKIPPED"
        case .pending, .running: return "RUNNING"
        }
    }
}
