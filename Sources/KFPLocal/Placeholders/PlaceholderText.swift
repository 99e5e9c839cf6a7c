import Foundation
import KFPSpec

/// Substitutes `{{$...}}` placeholders (read by ``KFPSpec/RuntimePlaceholder``) and formats values
/// as the driver does.
enum PlaceholderText {
    /// `text` with every `{{$...}}` whose reference (`$.inputs.parameters['x']`) `lookup` knows
    /// replaced, in one pass: substituted text is never scanned again, so a value that itself
    /// contains `{{$.inputs.parameters['x']}}` arrives unchanged.
    static func substitute(_ text: String, _ lookup: (String) throws -> String?) rethrows -> String {
        try RuntimePlaceholder.substitute(text, lookup)
    }

    /// The input name of `$.inputs.parameters['x']` (or `["x"]`), else `nil`.
    static func inputParameterName(_ reference: String) -> String? {
        if case .inputParameter(let name)? = RuntimePlaceholder(reference: reference) { return name }
        return nil
    }

    /// A parameter value as a command-line string, as KFP's driver formats it: strings as they are,
    /// integral numbers without a fraction, other numbers in shortest form, booleans as
    /// `true`/`false`, lists and structs as compact JSON, null as an empty string.
    static func format(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return "\(number)"
        case .array, .object: return value.compactJSON()
        }
    }
}

/// Pipeline-level placeholders: job name, resource name, run id, task name and id, create and
/// schedule time, pipeline root, workspace path.
struct PipelinePlaceholders {
    let run: RunContext
    let taskName: String

    func value(for reference: String) -> String? {
        guard case .run(let value)? = RuntimePlaceholder(reference: reference) else { return nil }
        return self.value(of: value)
    }

    func value(of value: RuntimePlaceholder.RunValue) -> String {
        switch value {
        case .jobName: return run.jobName
        case .jobResourceName: return run.jobResourceName
        case .jobID: return run.runID
        case .taskName: return taskName
        case .taskID: return TaskIdentity.uuid(runID: run.runID, task: taskName)
        case .jobCreateTime, .jobScheduleTime: return run.createTime
        case .pipelineRoot: return run.pipelineRoot.path
        case .workspacePath: return run.workspace.path
        }
    }
}

/// Stable ids for tasks within a run.
enum TaskIdentity {
    /// A UUID-shaped id derived from the run id and task name, so reruns and logs agree.
    static func uuid(runID: String, task: String) -> String {
        let digest = CacheKey.sha256Hex(runID + "\u{0}" + task)
        let hex = Array(digest.prefix(32))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-"
            + String(hex[16..<20]) + "-" + String(hex[20..<32])
    }
}
