import KFPAPI

/// A task's state on the run graph from the run's `task_details` (keyed by task path). A sub-DAG
/// or loop without a row of its own takes the state of the tasks under it: FAILED if one failed,
/// RUNNING while one runs, SUCCEEDED when all succeeded or were skipped.
package enum RunTaskStates {
    /// Task path → state, from `run_details.task_details` (each task's display name is its path).
    package static func states(_ run: Run) -> [String: RuntimeState] {
        var states: [String: RuntimeState] = [:]
        for task in run.runDetails?.taskDetails ?? [] { states[task.displayName] = task.state }
        return states
    }

    /// The state of `path`; SKIPPED when an enclosing condition or sub-DAG was skipped;
    /// `.unspecified` when nothing under it has started.
    package static func state(of path: String, in states: [String: RuntimeState]) -> RuntimeState {
        if let state = states[path] { return state }
        let prefix = path + "/"
        let below = states.filter { $0.key.hasPrefix(prefix) }.map(\.value)
        if below.isEmpty, skippedAncestor(of: path, in: states) { return .skipped }
        return aggregate(below)
    }

    /// Whether a task enclosing `path` (`condition-3` for `condition-3/double`) was skipped.
    private static func skippedAncestor(of path: String, in states: [String: RuntimeState]) -> Bool {
        var components = path.split(separator: "/")
        while components.count > 1 {
            components.removeLast()
            if states[components.joined(separator: "/")] == .skipped { return true }
        }
        return false
    }

    /// The combined state of several tasks (an iteration, a sub-DAG).
    package static func aggregate(_ states: [RuntimeState]) -> RuntimeState {
        guard !states.isEmpty else { return .unspecified }
        for state in [RuntimeState.failed, .canceling, .canceled, .running, .pending, .paused] where states.contains(state) {
            return state
        }
        if states.allSatisfy({ $0 == .skipped }) { return .skipped }
        if states.allSatisfy({ $0 == .succeeded || $0 == .skipped }) { return .succeeded }
        return .running
    }
}
