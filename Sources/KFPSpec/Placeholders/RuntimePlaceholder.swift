import Foundation

/// A KFP 2.x run-time placeholder, `{{$...}}`: the executor input, an input or output of the task
/// (`{{$.inputs.parameters['x']}}`, `{{$.outputs.artifacts['y'].path}}`, ...), or a value of the
/// run (`{{$.pipeline_job_name}}`, ...).
///
/// The one place that writes and reads this syntax: the DSL and the v1 converter render
/// placeholders with ``text``, the v1 exporter and the local runner read them with
/// ``init(reference:)`` and ``parts(of:)``.
package enum RuntimePlaceholder: Sendable, Hashable {
    /// Which side of the task an artifact placeholder names.
    package enum Side: String, Sendable, Hashable {
        case inputs, outputs
    }

    /// What an artifact placeholder gives.
    package enum ArtifactField: Sendable, Hashable {
        /// The local path (`.path`).
        case path
        /// The URI (`.uri`).
        case uri
        /// The metadata as JSON (`.metadata`).
        case metadata
        /// One metadata value (`.metadata['key']`).
        case metadataValue(key: String)
        /// The whole list of artifacts as JSON (no suffix).
        case list
    }

    /// A value of the run, not of the task's inputs or outputs.
    package enum RunValue: String, Sendable, Hashable, CaseIterable {
        case jobName = "pipeline_job_name"
        case jobResourceName = "pipeline_job_resource_name"
        case jobID = "pipeline_job_uuid"
        case jobCreateTime = "pipeline_job_create_time_utc"
        case jobScheduleTime = "pipeline_job_schedule_time_utc"
        case taskName = "pipeline_task_name"
        case taskID = "pipeline_task_uuid"
        case pipelineRoot = "pipeline_root"
        case workspacePath = "workspace_path"
    }

    /// The whole executor input as JSON (`{{$}}`).
    case executorInput
    /// An input parameter's value (`{{$.inputs.parameters['name']}}`).
    case inputParameter(String)
    /// The file to write an output parameter to (`{{$.outputs.parameters['name'].output_file}}`).
    case outputParameterFile(String)
    /// An input or output artifact's path, URI, metadata or list (`{{$.inputs.artifacts['name'].path}}`).
    case artifact(Side, String, ArtifactField)
    /// The executor output file (`{{$.outputs.output_file}}`).
    case outputFile
    /// The executor output file under its older name (`{{$.outputMetadataUri}}`).
    case outputMetadataURI
    /// A value of the run (`{{$.pipeline_job_name}}`, ...).
    case run(RunValue)

    /// The text that opens every placeholder.
    package static let opening = "{{$"

    /// The placeholder as written in a container's command or args: `{{` ``reference`` `}}`.
    package var text: String { "{{\(reference)}}" }

    /// The reference inside the braces: `$`, `$.inputs.parameters['name']`, ...
    package var reference: String {
        switch self {
        case .executorInput: return "$"
        case .inputParameter(let name): return "$.inputs.parameters['\(name)']"
        case .outputParameterFile(let name): return "$.outputs.parameters['\(name)'].output_file"
        case .artifact(let side, let name, let field):
            let base = "$.\(side.rawValue).artifacts['\(name)']"
            switch field {
            case .path: return base + ".path"
            case .uri: return base + ".uri"
            case .metadata: return base + ".metadata"
            case .metadataValue(let key): return base + ".metadata['\(key)']"
            case .list: return base
            }
        case .outputFile: return "$.outputs.output_file"
        case .outputMetadataURI: return "$.outputMetadataUri"
        case .run(let value): return "$.\(value.rawValue)"
        }
    }

    /// The placeholder `text` is exactly (`{{$.inputs.parameters['x']}}`), else `nil`.
    package init?(text: String) {
        guard text.hasPrefix(Self.opening), text.hasSuffix("}}"), text.count >= 5 else { return nil }
        self.init(reference: String(text.dropFirst(2).dropLast(2)))
    }

    /// The placeholder of a reference (`$.inputs.parameters['x']`, names quoted with `'` or `"`),
    /// or `nil` when KFP knows no such placeholder.
    package init?(reference: String) {
        switch reference {
        case "$": self = .executorInput
        case "$.outputs.output_file": self = .outputFile
        case "$.outputMetadataUri": self = .outputMetadataURI
        default:
            if reference.hasPrefix("$."), let value = RunValue(rawValue: String(reference.dropFirst(2))) {
                self = .run(value)
            } else if let name = Self.quotedName(in: reference, after: "$.inputs.parameters[", suffix: "") {
                self = .inputParameter(name)
            } else if let name = Self.quotedName(in: reference, after: "$.outputs.parameters[", suffix: ".output_file") {
                self = .outputParameterFile(name)
            } else if let placeholder = Self.artifact(reference) {
                self = placeholder
            } else {
                return nil
            }
        }
    }

    private static func artifact(_ reference: String) -> RuntimePlaceholder? {
        for side in [Side.inputs, .outputs] {
            let prefix = "$.\(side.rawValue).artifacts["
            guard reference.hasPrefix(prefix) else { continue }
            let fields: [(String, ArtifactField)] = [(".uri", .uri), (".path", .path), (".metadata", .metadata)]
            for (suffix, field) in fields {
                if let name = quotedName(in: reference, after: prefix, suffix: suffix) { return .artifact(side, name, field) }
            }
            if let open = reference.range(of: "].metadata[") {
                let name = quotedName(in: String(reference[..<open.lowerBound]) + "]", after: prefix, suffix: "")
                let key = quotedName(in: "x[" + reference[open.upperBound...], after: "x[", suffix: "")
                if let name, let key { return .artifact(side, name, .metadataValue(key: key)) }
            }
            if let name = quotedName(in: reference, after: prefix, suffix: "") { return .artifact(side, name, .list) }
        }
        return nil
    }

    /// The name inside `PREFIX['name']SUFFIX` (or `"name"`), when `reference` has exactly that shape.
    private static func quotedName(in reference: String, after prefix: String, suffix: String) -> String? {
        guard reference.hasPrefix(prefix), reference.hasSuffix("]" + suffix) else { return nil }
        let inner = reference.dropFirst(prefix.count).dropLast(suffix.count + 1)
        guard inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote else {
            return nil
        }
        return String(inner.dropFirst().dropLast())
    }
}
