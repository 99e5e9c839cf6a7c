import Foundation
import Yams

/// Writes specs as YAML or JSON in canonical form: keys sorted, strings that any reader could take
/// for another type quoted, integers and floats kept apart.
///
/// Loading what it writes gives the same spec. A pipeline's platform spec is written as the second
/// YAML document, as the KFP compiler does.
public struct SpecWriter: Sendable {
    /// Output format of ``SpecWriter``.
    public enum Format: String, Sendable, CaseIterable {
        case yaml
        case json
    }

    public init() {}

    /// The YAML (or JSON) text of a pipeline spec, ending with a newline.
    ///
    /// - Throws: ``SpecError`` of kind `.io` if the emitter fails (it should not for any spec).
    ///
    /// JSON has one document, so a spec with a platform spec is written as the wrapper KFP's REST
    /// API uses for `pipeline_spec`: `{"pipeline_spec": {...}, "platform_spec": {...}}`.
    public func write(_ spec: PipelineSpec, format: Format = .yaml) throws(SpecError) -> String {
        let pipeline = try tree(of: spec)
        guard let platform = spec.platformSpec else { return try write(documents: [pipeline], format: format) }
        switch format {
        case .yaml: return try write(documents: [pipeline, platform], format: format)
        case .json: return try write(documents: [["pipeline_spec": pipeline, "platform_spec": platform]], format: format)
        }
    }

    /// The YAML (or JSON) text of a v1 component, in its v1 form.
    public func write(_ component: V1ComponentSpec, format: Format = .yaml) throws(SpecError) -> String {
        try write(documents: [try tree(of: component)], format: format)
    }

    /// The YAML (or JSON) text of any JSON value.
    public func write(_ value: JSONValue, format: Format = .yaml) throws(SpecError) -> String {
        try write(documents: [value], format: format)
    }

    /// The JSON tree of a pipeline spec, with nil fields left out and an empty container `image`
    /// left out too: it is proto3's default, which KFP never writes (loading reads it back as `""`).
    public func tree(of spec: PipelineSpec) throws(SpecError) -> JSONValue {
        let tree = try tree(of: spec as any Encodable)
        guard case .object(var members) = tree, case .object(var deployment)? = members["deploymentSpec"],
            case .object(var executors)? = deployment["executors"]
        else { return tree }
        for (label, executor) in executors {
            guard case .object(var parts) = executor, case .object(var container)? = parts["container"],
                container["image"] == .string("")
            else { continue }
            container["image"] = nil
            parts["container"] = .object(container)
            executors[label] = .object(parts)
        }
        deployment["executors"] = .object(executors)
        members["deploymentSpec"] = .object(deployment)
        return .object(members)
    }

    /// The JSON tree of any spec value, with nil fields left out.
    public func tree(of value: some Encodable) throws(SpecError) -> JSONValue {
        try tree(of: value as any Encodable)
    }

    private func tree(of value: any Encodable) throws(SpecError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw SpecError(.io, file: nil, message: "cannot encode the spec: \(error)")
        }
    }

    private func write(documents: [JSONValue], format: Format) throws(SpecError) -> String {
        switch format {
        case .json:
            return documents.map { $0.prettyJSON() + "\n" }.joined()
        case .yaml:
            do {
                var text = ""
                let tags = YAMLTags()
                for (index, document) in documents.enumerated() {
                    if index > 0 { text += "---\n" }
                    text += try Yams.serialize(node: document.yamlNode(tags), width: -1, allowUnicode: true)
                }
                return text
            } catch {
                throw SpecError(.io, file: nil, message: "cannot write YAML: \(error)")
            }
        }
    }
}
