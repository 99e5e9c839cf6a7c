import Foundation
import KFPSpec

/// Turns a container's `command` + `args` into argv: every placeholder form substituted once,
/// `Concat` joined, `IfPresent` resolved (a list result is spliced in, a missing `Else` drops the
/// element), following KFP's placeholder semantics (see ir-and-execution.md section 2).
struct CommandResolver {
    let executorInput: ExecutorInput
    /// Inputs the task supplied itself; `IfPresent` tests these, as the cluster does.
    let supplied: Set<String>
    let pipeline: PipelinePlaceholders

    func argv(_ elements: [String]) throws(TaskFailure) -> [String] {
        var result: [String] = []
        for element in elements {
            if element.hasPrefix("{\"Concat\"") || element.hasPrefix("{\"IfPresent\"") {
                guard let structure = try? JSONValue.parse(json: element) else {
                    throw TaskFailure("placeholder is not valid JSON: \(element)")
                }
                result += try expand(structure)
            } else {
                result.append(try substitute(element))
            }
        }
        return result
    }

    /// A Concat/IfPresent structure (or a plain string or list inside one) as argv elements.
    private func expand(_ value: JSONValue) throws(TaskFailure) -> [String] {
        switch value {
        case .string(let text):
            if text.hasPrefix("{\"Concat\"") || text.hasPrefix("{\"IfPresent\""), let inner = try? JSONValue.parse(json: text) {
                return try expand(inner)
            }
            return [try substitute(text)]
        case .array(let items):
            var out: [String] = []
            for item in items { out += try expand(item) }
            return out
        case .object(let members):
            if let items = members["Concat"]?.arrayValue {
                var joined = ""
                for item in items { joined += try expand(item).joined() }
                return [joined]
            }
            if let structure = members["IfPresent"]?.objectValue, let name = structure["InputName"]?.stringValue {
                let present = supplied.contains(name) && isPresent(name)
                guard let branch = present ? structure["Then"] : structure["Else"] else { return [] }
                return try expand(branch)
            }
            throw TaskFailure("unknown placeholder structure \(value.compactJSON())")
        default:
            return [PlaceholderText.format(value)]
        }
    }

    private func isPresent(_ name: String) -> Bool {
        if let value = executorInput.inputs.parameterValues?[name] { return value != .null }
        return executorInput.inputs.artifacts?[name] != nil
    }

    func substitute(_ text: String) throws(TaskFailure) -> String {
        do {
            return try PlaceholderText.substitute(text) { reference in try value(for: reference) }
        } catch let failure as TaskFailure {
            throw failure
        } catch {
            throw TaskFailure("\(error)")
        }
    }

    private func value(for reference: String) throws -> String? {
        guard let placeholder = RuntimePlaceholder(reference: reference) else { return nil }
        switch placeholder {
        case .executorInput: return try executorInputJSON()
        case .run(let value): return pipeline.value(of: value)
        case .inputParameter(let name):
            return executorInput.inputs.parameterValues?[name].map(PlaceholderText.format) ?? ""
        case .outputFile, .outputMetadataURI: return executorInput.outputs.outputFile
        case .outputParameterFile(let name):
            guard let file = executorInput.outputs.parameters?[name]?.outputFile else {
                throw TaskFailure("placeholder {{\(reference)}} names output parameter '\(name)', which the component does not declare")
            }
            return file
        case .artifact(let side, let name, let field):
            let artifacts = side == .inputs ? executorInput.inputs.artifacts : executorInput.outputs.artifacts
            return try artifactValue(name, field, artifacts: artifacts ?? [:])
        }
    }

    private func artifactValue(_ name: String, _ field: RuntimePlaceholder.ArtifactField, artifacts: [String: ArtifactList]) throws -> String {
        let list = artifacts[name]?.artifacts
        let first = list?.first
        switch field {
        // An optional input artifact that was not given resolves to an empty string.
        case .uri: return first?.uri ?? ""
        case .path: return first.map { $0.customPath ?? LocalPaths.path(forURI: $0.uri) } ?? ""
        case .metadata: return list == nil ? "" : JSONValue.object(first?.metadata ?? [:]).compactJSON()
        case .list: return try list.map(listJSON) ?? ""
        case .metadataValue(let key):
            let value = first?.metadata?[key] ?? .null
            return value.stringValue ?? value.compactJSON()
        }
    }

    private func listJSON(_ artifacts: [RuntimeArtifact]) throws -> String {
        try SpecJSON.compact(artifacts)
    }

    private func executorInputJSON() throws -> String {
        try SpecJSON.compact(executorInput)
    }
}

/// Local artifact URIs are absolute paths; remote ones map to the cluster's mount points.
enum LocalPaths {
    static func path(forURI uri: String) -> String {
        for (scheme, mount) in [("gs://", "/gcs/"), ("s3://", "/s3/"), ("minio://", "/minio/")] where uri.hasPrefix(scheme) {
            return mount + uri.dropFirst(scheme.count)
        }
        if uri.hasPrefix("file://") { return String(uri.dropFirst("file://".count)) }
        return uri
    }
}

/// Compact JSON of spec values with sorted keys, built from ``JSONValue`` (never by concatenation).
enum SpecJSON {
    static func compact(_ value: some Encodable) throws -> String {
        try SpecWriter().tree(of: value).compactJSON()
    }
}
