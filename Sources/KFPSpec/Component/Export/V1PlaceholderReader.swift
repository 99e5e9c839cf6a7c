import Foundation

/// Reads a KFP 2.x container's command-line strings back into v1 elements, the inverse of
/// ``V1PlaceholderConverter``:
///
/// - `{{$.inputs.parameters['x']}}` → `{inputValue: x}`; `{{$.inputs.artifacts['x'].path}}` and
///   `.uri` → `{inputPath: x}`, `{inputUri: x}`; `{{$.outputs.parameters['x'].output_file}}` and
///   `{{$.outputs.artifacts['x'].path}}` → `{outputPath: x}`; `{{$.outputs.artifacts['x'].uri}}`
///   → `{outputUri: x}`; `{{$}}` → `{executorInput: null}` (which KFP 2.x loads back as `{{$}}`);
/// - `{"Concat": [...]}` → `{concat: [...]}`; `{"IfPresent": {"InputName": x, "Then": ...,
///   "Else": ...}}` → `{if: {cond: {isPresent: x}, then: ..., else: ...}}`, a branch written
///   without a list staying without one. A string is one of these when it is a JSON object with
///   the single key `Concat` or `IfPresent`, as KFP's backend reads it;
/// - text with placeholders inside (`--lr={{$.inputs.parameters['lr']}}`, as KFP's Python DSL
///   writes f-strings) → `{concat: ["--lr=", {inputValue: lr}]}`, which resolves to the same
///   text; inside a `Concat` its parts are spliced into that `concat`.
///
/// Refused with a ``SpecError``: metadata placeholders (`{{$.inputs.artifacts['x'].metadata}}`,
/// which KFP 2.x's v1 loader does not take), lists of artifacts (`{{$.inputs.artifacts['x']}}`),
/// pipeline-level placeholders (`{{$.pipeline_job_name}}`, `{{$.pipeline_root}}`, ...), any other
/// `{{$...}}`, names that are not declared or of the other kind, and malformed `Concat`/`IfPresent`.
struct V1PlaceholderReader {
    let interface: V1ExportInterface
    let problems: V1ExportProblems

    /// One `command` or `args` string as one v1 element.
    func argument(_ text: String, at path: SpecPath) throws(SpecError) -> V1Argument {
        if let structured = Self.structured(text) { return try element(structured, at: path) }
        return Self.joined(try parts(of: text, at: path))
    }

    /// The JSON of a `Concat` or `IfPresent` string, or `nil` for any other string.
    static func structured(_ text: String) -> JSONValue? {
        guard text.hasPrefix("{"), text.hasSuffix("}"),
            let json = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
            let members = json.objectValue, members.count == 1, let key = members.keys.first,
            key == "Concat" || key == "IfPresent"
        else { return nil }
        return json
    }

    /// One element of `Concat` or a branch of `IfPresent`: a string, or a nested placeholder.
    private func element(_ json: JSONValue, at path: SpecPath) throws(SpecError) -> V1Argument {
        if case .string(let text) = json { return Self.joined(try parts(of: text, at: path)) }
        guard let members = json.objectValue, members.count == 1, let (key, value) = members.first else {
            throw problems.error("a Concat or IfPresent element \(json.compactJSON()) is not a string or a placeholder", at: path)
        }
        switch key {
        case "Concat":
            guard let items = value.arrayValue else {
                throw problems.error("Concat expects a list, found \(value.kindName)", at: path)
            }
            var joined: [V1Argument] = []
            for item in items {
                if case .string(let text) = item {
                    let pieces = try parts(of: text, at: path)
                    joined += pieces.isEmpty ? [.literal(.string(""))] : pieces
                } else {
                    joined.append(try element(item, at: path))
                }
            }
            return .concat(joined)
        case "IfPresent":
            return try ifPresent(value, at: path)
        default:
            throw problems.error("'\(key)' is not a KFP placeholder (expected Concat or IfPresent)", at: path)
        }
    }

    private func ifPresent(_ value: JSONValue, at path: SpecPath) throws(SpecError) -> V1Argument {
        guard let members = value.objectValue, let name = members["InputName"]?.stringValue, let then = members["Then"],
            Set(members.keys).isSubset(of: ["InputName", "Then", "Else"])
        else {
            throw problems.error("IfPresent expects {InputName, Then, Else}, found \(value.compactJSON())", at: path)
        }
        guard interface.inputParameters.contains(name) || interface.inputArtifacts.contains(name) else {
            throw problems.error("IfPresent names input '\(name)', which the component does not declare", at: path)
        }
        func branch(_ json: JSONValue) throws(SpecError) -> V1ArgumentBranch {
            guard let items = json.arrayValue else { return V1ArgumentBranch(elements: [try element(json, at: path)], isList: false) }
            var elements: [V1Argument] = []
            for item in items { elements.append(try element(item, at: path)) }
            return V1ArgumentBranch(elements: elements, isList: true)
        }
        let otherwise: V1ArgumentBranch? = if let written = members["Else"] { try branch(written) } else { nil }
        return .ifPlaceholder(condition: .isPresent(name), then: try branch(then), else: otherwise)
    }

    /// The literals and placeholders of `text`, in order; empty for empty text.
    private func parts(of text: String, at path: SpecPath) throws(SpecError) -> [V1Argument] {
        var result: [V1Argument] = []
        var rest = Substring(text)
        while let start = rest.range(of: "{{$") {
            if start.lowerBound > rest.startIndex { result.append(.literal(.string(String(rest[..<start.lowerBound])))) }
            guard let end = rest[start.upperBound...].range(of: "}}") else {
                throw problems.error("'\(rest[start.lowerBound...])' is an unterminated placeholder", at: path)
            }
            result.append(try placeholder(String(rest[start.lowerBound..<end.upperBound]), at: path))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { result.append(.literal(.string(String(rest)))) }
        return result
    }

    /// One `{{$...}}` placeholder.
    private func placeholder(_ whole: String, at path: SpecPath) throws(SpecError) -> V1Argument {
        let inner = String(whole.dropFirst(2).dropLast(2))
        if inner == "$" { return .executorInput }
        func named(_ prefix: String) -> (name: String, suffix: String)? {
            guard inner.hasPrefix(prefix) else { return nil }
            let start = inner.index(inner.startIndex, offsetBy: prefix.count)
            guard let close = inner.range(of: "']", range: start..<inner.endIndex) else { return nil }
            return (String(inner[start..<close.lowerBound]), String(inner[close.upperBound...]))
        }
        func declared(_ name: String, in names: Set<String>, _ kind: String) throws(SpecError) {
            guard !names.contains(name) else { return }
            throw problems.error("placeholder \(whole) names \(kind) '\(name)', which the component does not declare", at: path)
        }
        if let (name, suffix) = named("$.inputs.parameters['"), suffix.isEmpty {
            try declared(name, in: interface.inputParameters, "input parameter")
            return .inputValue(name)
        }
        if let (name, suffix) = named("$.inputs.artifacts['") {
            try declared(name, in: interface.inputArtifacts, "input artifact")
            if suffix == ".path" { return .inputPath(name) }
            if suffix == ".uri" { return .inputUri(name) }
        }
        if let (name, suffix) = named("$.outputs.parameters['"), suffix == ".output_file" {
            try declared(name, in: interface.outputParameters, "output parameter")
            return .outputPath(name)
        }
        if let (name, suffix) = named("$.outputs.artifacts['") {
            try declared(name, in: interface.outputArtifacts, "output artifact")
            if suffix == ".path" { return .outputPath(name) }
            if suffix == ".uri" { return .outputUri(name) }
        }
        throw problems.error("placeholder \(whole) \(Self.reason(inner)), which v1 components cannot express", at: path)
    }

    /// What a placeholder with no v1 form is, for the message.
    private static func reason(_ inner: String) -> String {
        if inner.hasSuffix(".metadata") || inner.contains("].metadata") { return "is an artifact metadata placeholder" }
        if inner.hasPrefix("$.inputs.artifacts['") || inner.hasPrefix("$.outputs.artifacts['") {
            return inner.hasSuffix("']") ? "is a list-of-artifacts placeholder" : "is not a known artifact placeholder"
        }
        if inner.hasPrefix("$.pipeline_") || inner == "$.workspace_path" { return "is a pipeline-level placeholder" }
        return "is not a known KFP placeholder"
    }

    /// One element from parts: a literal, a placeholder, or their `concat`.
    private static func joined(_ parts: [V1Argument]) -> V1Argument {
        if parts.isEmpty { return .literal(.string("")) }
        if parts.count == 1, let only = parts.first { return only }
        return .concat(parts)
    }
}
