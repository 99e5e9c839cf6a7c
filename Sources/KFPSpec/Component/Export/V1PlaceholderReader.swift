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
        for part in RuntimePlaceholder.parts(of: text) {
            switch part {
            case .literal(let literal): result.append(.literal(.string(literal)))
            case .unterminated(let rest): throw problems.error("'\(rest)' is an unterminated placeholder", at: path)
            case .placeholder(let reference): result.append(try placeholder(reference, at: path))
            }
        }
        return result
    }

    /// One `{{$...}}` placeholder, by its reference.
    private func placeholder(_ reference: String, at path: SpecPath) throws(SpecError) -> V1Argument {
        let whole = "{{\(reference)}}"
        func declared(_ name: String, in names: Set<String>, _ kind: String) throws(SpecError) {
            guard !names.contains(name) else { return }
            throw problems.error("placeholder \(whole) names \(kind) '\(name)', which the component does not declare", at: path)
        }
        let placeholder = RuntimePlaceholder(reference: reference)
        switch placeholder {
        case .executorInput?: return .executorInput
        case .inputParameter(let name)?:
            try declared(name, in: interface.inputParameters, "input parameter")
            return .inputValue(name)
        case .outputParameterFile(let name)?:
            try declared(name, in: interface.outputParameters, "output parameter")
            return .outputPath(name)
        case .artifact(.inputs, let name, let field)?:
            try declared(name, in: interface.inputArtifacts, "input artifact")
            if field == .path { return .inputPath(name) }
            if field == .uri { return .inputUri(name) }
        case .artifact(.outputs, let name, let field)?:
            try declared(name, in: interface.outputArtifacts, "output artifact")
            if field == .path { return .outputPath(name) }
            if field == .uri { return .outputUri(name) }
        default: break
        }
        throw problems.error("placeholder \(whole) \(Self.reason(placeholder, reference)), which v1 components cannot express", at: path)
    }

    /// What a placeholder with no v1 form is, for the message.
    private static func reason(_ placeholder: RuntimePlaceholder?, _ reference: String) -> String {
        switch placeholder {
        case .artifact(_, _, .metadata)?, .artifact(_, _, .metadataValue)?: return "is an artifact metadata placeholder"
        case .artifact(_, _, .list)?: return "is a list-of-artifacts placeholder"
        case .run?: return "is a pipeline-level placeholder"
        default:
            if reference.hasPrefix("$.inputs.artifacts[") || reference.hasPrefix("$.outputs.artifacts[") {
                return "is not a known artifact placeholder"
            }
            return "is not a known KFP placeholder"
        }
    }

    /// One element from parts: a literal, a placeholder, or their `concat`.
    private static func joined(_ parts: [V1Argument]) -> V1Argument {
        if parts.isEmpty { return .literal(.string("")) }
        if parts.count == 1, let only = parts.first { return only }
        return .concat(parts)
    }
}
