import Foundation
import KFPLocal
import KFPSpec

/// The run as `kfp local run` prints it: a JSON object (`--json`) or a summary table.
enum RunReport {
    /// `{"run_id", "state", "pipeline_root", "outputs": {...}, "tasks": {PATH: {"state", "cached", "outputs"}}}`;
    /// with the Slurm launcher, each task that ran also has `"node"` and `"slurm_job_id"`.
    static func json(_ run: LocalRun) -> String {
        var tasks: [String: JSONValue] = [:]
        for (path, record) in run.tasks {
            var task: [String: JSONValue] = [
                "state": .string(record.state.rawValue), "cached": .bool(record.cached), "outputs": outputs(record.outputs),
                "duration_seconds": .double((record.duration * 1000).rounded() / 1000),
            ]
            if let message = record.message { task["message"] = .string(message) }
            if let reason = record.cacheMissReason { task["cache_miss_reason"] = .string(reason) }
            if let node = record.node { task["node"] = .string(node) }
            if let job = record.slurmJobID { task["slurm_job_id"] = .string(job) }
            tasks[path] = .object(task)
        }
        let object: JSONValue = .object([
            "run_id": .string(run.runID), "state": .string(run.state.rawValue), "pipeline_root": .string(run.pipelineRoot),
            "run_root": .string(run.runRoot), "outputs": outputs(run.outputs), "tasks": .object(tasks),
            "ignored_settings": .array(run.ignoredSettings.map(JSONValue.string)),
            "launcher": .string(run.launcher),
        ])
        return object.prettyJSON()
    }

    static func outputs(_ outputs: TaskOutputs) -> JSONValue {
        .object([
            "parameters": .object(outputs.parameters),
            "artifacts": .object(outputs.artifacts.mapValues { list in
                .array(list.map { .object(["uri": .string($0.uri), "metadata": .object($0.metadata ?? [:])]) })
            }),
        ])
    }

    /// A closing summary: one line per task with its state and whether it came from the cache.
    static func summary(_ run: LocalRun) -> String {
        var lines = ["run \(run.runID): \(run.state.rawValue) (\(run.runRoot))", "launcher: \(run.launcher)"]
        if !run.ignoredSettings.isEmpty {
            lines.append("ignored Kubernetes-only settings: \(run.ignoredSettings.joined(separator: ", "))")
        }
        for path in run.tasks.keys.sorted() {
            guard let record = run.tasks[path] else { continue }
            var line = "  \(path): \(record.state.rawValue)"
            if let node = record.node { line += " on \(node)" + (record.slurmJobID.map { " (job \($0))" } ?? "") }
            if record.cached { line += " (cache hit)" } else if let reason = record.cacheMissReason { line += " (cache miss: \(reason))" }
            if let message = record.message, record.state != .succeeded { line += " - \(message)" }
            lines.append(line)
        }
        for (name, value) in run.outputs.parameters.sorted(by: { $0.key < $1.key }) {
            lines.append("output \(name) = \(value.compactJSON())")
        }
        for (name, artifacts) in run.outputs.artifacts.sorted(by: { $0.key < $1.key }) {
            lines.append("output \(name) = \(artifacts.map(\.uri).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}

/// One stderr line per task event, stamped with the time since the run started; a task's last
/// event also gives its own duration: `[   1.2s] for-loop-2/0/train SUCCEEDED in 0.3s (cached)`.
enum EventLine {
    /// - Parameter elapsed: seconds since the run started, when the event came.
    static func text(for event: TaskEvent, elapsed: Double) -> String {
        var line = String(format: "[%6.1fs] ", elapsed) + "\(event.taskPath) \(event.state.rawValue)"
        if event.state.isTerminal, event.state != .skipped { line += String(format: " in %.1fs", event.duration) }
        if event.cached { line += " (cached)" }
        if let message = event.message, event.state != .running || message.contains("retrying") {
            line += ": " + (message.split(separator: "\n").first.map(String.init) ?? "")
        }
        return line
    }
}
