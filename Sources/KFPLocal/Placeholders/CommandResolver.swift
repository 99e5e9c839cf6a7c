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
        if reference == "$" { return try executorInputJSON() }
        if let value = pipeline.value(for: reference) { return value }
        if let name = PlaceholderText.inputParameterName(reference) {
            return executorInput.inputs.parameterValues?[name].map(PlaceholderText.format) ?? ""
        }
        if reference == "$.outputs.output_file" || reference == "$.outputMetadataUri" {
            return executorInput.outputs.outputFile
        }
        if let name = PlaceholderText.quotedName(in: reference, after: "$.outputs.parameters[", suffix: ".output_file") {
            guard let file = executorInput.outputs.parameters?[name]?.outputFile else {
                throw TaskFailure("placeholder {{\(reference)}} names output parameter '\(name)', which the component does not declare")
            }
            return file
        }
        for (prefix, artifacts) in [
            ("$.inputs.artifacts[", executorInput.inputs.artifacts), ("$.outputs.artifacts[", executorInput.outputs.artifacts),
        ] where reference.hasPrefix(prefix) {
            return try artifactValue(reference, prefix: prefix, artifacts: artifacts ?? [:])
        }
        return nil
    }

    private func artifactValue(_ reference: String, prefix: String, artifacts: [String: ArtifactList]) throws -> String? {
        for suffix in [".uri", ".path", ".metadata", ""] {
            guard let name = PlaceholderText.quotedName(in: reference, after: prefix, suffix: suffix) else { continue }
            guard let list = artifacts[name]?.artifacts else {
                // An optional input artifact that was not given resolves to an empty string.
                return ""
            }
            let first = list.first
            switch suffix {
            case ".uri": return first?.uri ?? ""
            case ".path": return first.map { $0.customPath ?? LocalPaths.path(forURI: $0.uri) } ?? ""
            case ".metadata": return JSONValue.object(first?.metadata ?? [:]).compactJSON()
            default: return try listJSON(list)
            }
        }
        if let open = reference.range(of: "].metadata["), reference.hasPrefix(prefix) {
            let name = PlaceholderText.quotedName(in: String(reference[..<open.lowerBound]) + "]", after: prefix, suffix: "")
            let key = PlaceholderText.quotedName(in: "x[" + reference[open.upperBound...], after: "x[", suffix: "")
            if let name, let key {
                let value = artifacts[name]?.artifacts.first?.metadata?[key] ?? .null
                return value.stringValue ?? value.compactJSON()
            }
        }
        return nil
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
