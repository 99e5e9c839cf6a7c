import Foundation
import KFPSpec

/// Finds and substitutes `{{$...}}` placeholders in one pass: substituted text is never scanned
/// again, so a value that itself contains `{{$.inputs.parameters['x']}}` arrives unchanged.
enum PlaceholderText {
    /// `text` with every `{{$...}}` whose reference (`$.inputs.parameters['x']`) `lookup` knows replaced.
    static func substitute(_ text: String, _ lookup: (String) throws -> String?) rethrows -> String {
        guard text.contains("{{$") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{$") {
            result += rest[..<open.lowerBound]
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                rest = rest[open.lowerBound...]
                break
            }
            let reference = String(rest[rest.index(open.lowerBound, offsetBy: 2)..<close.lowerBound])
            if let value = try lookup(reference) {
                result += value
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The input name of `$.inputs.parameters['x']` (or `["x"]`), else `nil`.
    static func inputParameterName(_ reference: String) -> String? {
        quotedName(in: reference, after: "$.inputs.parameters[", suffix: "")
    }

    /// The name inside `PREFIX['name']SUFFIX`, when `reference` has exactly that shape.
    static func quotedName(in reference: String, after prefix: String, suffix: String) -> String? {
        guard reference.hasPrefix(prefix), reference.hasSuffix("]" + suffix) else { return nil }
        let inner = reference.dropFirst(prefix.count).dropLast(suffix.count + 1)
        guard inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote else {
            return nil
        }
        return String(inner.dropFirst().dropLast())
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
        switch reference {
        case "$.pipeline_job_name": return run.jobName
        case "$.pipeline_job_resource_name": return run.jobResourceName
        case "$.pipeline_job_uuid": return run.runID
        case "$.pipeline_task_name": return taskName
        case "$.pipeline_task_uuid": return TaskIdentity.uuid(runID: run.runID, task: taskName)
        case "$.pipeline_job_create_time_utc", "$.pipeline_job_schedule_time_utc": return run.createTime
        case "$.pipeline_root": return run.pipelineRoot.path
        case "$.workspace_path": return run.workspace.path
        default: return nil
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
