import KFPAPI

/// A task's state on the run graph from the run's `task_details` (keyed by task path). A sub-DAG
/// or loop without a row of its own takes the state of the tasks under it: FAILED if one failed,
/// RUNNING while one runs, SUCCEEDED when all succeeded or were skipped.
public enum RunTaskStates {
    /// Task path → state, from `run_details.task_details` (each task's display name is its path).
    public static func states(_ run: Run) -> [String: RuntimeState] {
        var states: [String: RuntimeState] = [:]
        for task in run.runDetails?.taskDetails ?? [] { states[task.displayName] = task.state }
        return states
    }

    /// The state of `path`; `.unspecified` when nothing under it has started.
    public static func state(of path: String, in states: [String: RuntimeState]) -> RuntimeState {
        if let state = states[path] { return state }
        let prefix = path + "/"
        let below = states.filter { $0.key.hasPrefix(prefix) }.map(\.value)
        return aggregate(below)
    }

    /// The combined state of several tasks (an iteration, a sub-DAG).
    public static func aggregate(_ states: [RuntimeState]) -> RuntimeState {
        guard !states.isEmpty else { return .unspecified }
        for state in [RuntimeState.failed, .canceling, .canceled, .running, .pending, .paused] where states.contains(state) {
            return state
        }
        if states.allSatisfy({ $0 == .skipped }) { return .skipped }
        if states.allSatisfy({ $0 == .succeeded || $0 == .skipped }) { return .succeeded }
        return .running
    }
}
