/// Converts v1 command-line elements to KFP 2.x placeholders, as
/// `maybe_convert_v1_yaml_placeholder_to_v2_placeholder` does:
///
/// - `inputValue` → `{{$.inputs.parameters['x']}}`; `inputPath`/`inputUri` →
///   `{{$.inputs.artifacts['x'].path}}`/`.uri`; `outputUri` → `{{$.outputs.artifacts['x'].uri}}`;
///   `executorInput` → `{{$}}`; names are sanitized (`Input data` → `input_data`).
/// - `outputPath` → `{{$.outputs.parameters['x'].output_file}}` when the output's type as written
///   is a parameter type (`is_parameter_type`), else `{{$.outputs.artifacts['x'].path}}`.
/// - `concat` → `{"Concat": [...]}`; `if: {cond: {isPresent: x}, then, else}` →
///   `{"IfPresent": {"InputName": "x", "Then": ..., "Else": ...}}`, `Else` left out when it is
///   missing, an empty list or an empty string.
///
/// Beyond KFP, which refuses these: `inputMetadata` → `{{$.inputs.artifacts['x'].metadata}}`;
/// `ifPresent: {inputName, then, else}` → `IfPresent`; an `if` whose `cond` is a constant
/// (`true`, `"false"`) expands to its chosen branch; an `else` written as one placeholder is
/// converted; a number or boolean literal becomes its text. Still refused with a ``SpecError``:
/// `outputMetadata`, `inputOutputPortName` and `if` on `{inputValue: x}` (no KFP 2.x form), a
/// `null` element, names that are not inputs or outputs, and a file placeholder on a parameter.
struct V1PlaceholderConverter {
    /// Inputs by name as written.
    let inputs: [String: V1InterfaceEntry]
    /// Outputs by name as written.
    let outputs: [String: V1InterfaceEntry]

    /// The converted elements (an `if` with a constant condition may expand to zero or several).
    func convert(_ argument: V1Argument, at path: SpecPath) throws(SpecError) -> [V1CommandElement] {
        switch argument {
        case .literal(let value):
            return [.text(try literalText(value, at: path))]
        case .inputValue(let name):
            let input = try entry(input: name, placeholder: "inputValue", at: path)
            guard input.kind.isParameter else {
                throw problem("input '\(name)' is an artifact and cannot be used with 'inputValue'", at: path)
            }
            return [.text(RuntimePlaceholder.inputParameter(input.irName).text)]
        case .inputPath(let name):
            return [.text(RuntimePlaceholder.artifact(.inputs, try artifact(name, "inputPath", at: path), .path).text)]
        case .inputUri(let name):
            return [.text(RuntimePlaceholder.artifact(.inputs, try artifact(name, "inputUri", at: path), .uri).text)]
        case .inputMetadata(let name):
            return [.text(RuntimePlaceholder.artifact(.inputs, try artifact(name, "inputMetadata", at: path), .metadata).text)]
        case .outputPath(let name):
            let output = try entry(output: name, placeholder: "outputPath", at: path)
            if V1TypeClassifier.isParameterForPlaceholder(output.type) {
                return [.text(RuntimePlaceholder.outputParameterFile(output.irName).text)]
            }
            return [.text(RuntimePlaceholder.artifact(.outputs, output.irName, .path).text)]
        case .outputUri(let name):
            let output = try entry(output: name, placeholder: "outputUri", at: path)
            guard !output.kind.isParameter else {
                throw problem("output '\(name)' is a parameter and cannot be used with 'outputUri'", at: path)
            }
            return [.text(RuntimePlaceholder.artifact(.outputs, output.irName, .uri).text)]
        case .executorInput:
            return [.text(RuntimePlaceholder.executorInput.text)]
        case .outputMetadata:
            throw problem("placeholder 'outputMetadata' has no KFP 2.x equivalent", at: path)
        case .inputOutputPortName:
            throw problem("placeholder 'inputOutputPortName' has no KFP 2.x equivalent", at: path)
        case .concat(let items):
            var converted: [V1CommandElement] = []
            for (index, item) in items.enumerated() {
                converted += try convert(item, at: path.appending("concat").appending(index: index))
            }
            return [.concat(converted)]
        case .ifPlaceholder(let condition, let then, let otherwise):
            return try convertIf(condition, then: then, otherwise: otherwise, at: path.appending("if"))
        case .ifPresent(let name, let then, let otherwise):
            let here = path.appending("ifPresent")
            let input = try entry(input: name, placeholder: "ifPresent", at: here)
            let thenBranch = try branch(V1ArgumentBranch(elements: then), at: here.appending("then"))
            let elseBranch = try otherwise.map { (elements) throws(SpecError) in
                try branch(V1ArgumentBranch(elements: elements), at: here.appending("else"))
            }
            return [.ifPresent(input: input.irName, then: thenBranch, otherwise: elseBranch.flatMap(nonEmpty))]
        }
    }

    private func convertIf(
        _ condition: V1Condition, then: V1ArgumentBranch, otherwise: V1ArgumentBranch?, at path: SpecPath
    ) throws(SpecError) -> [V1CommandElement] {
        switch condition {
        case .isPresent(let name):
            let input = try entry(input: name, placeholder: "isPresent", at: path.appending("cond"))
            let thenBranch = try branch(then, at: path.appending("then"))
            let elseBranch = try otherwise.map { (branch) throws(SpecError) in try self.branch(branch, at: path.appending("else")) }
            return [.ifPresent(input: input.irName, then: thenBranch, otherwise: elseBranch.flatMap(nonEmpty))]
        case .inputValue(let name):
            throw problem(
                "'if' on {inputValue: \(name)} is decided when a v1 pipeline is submitted; KFP 2.x has only isPresent conditions",
                at: path.appending("cond"))
        case .constant(let value):
            let chosen: Bool
            switch value {
            case .bool(let flag): chosen = flag
            case .string(let text) where ["true", "false"].contains(text.lowercased()): chosen = text.lowercased() == "true"
            default: throw problem("'if' condition \(value.compactJSON()) is not true, false or {isPresent: NAME}", at: path.appending("cond"))
            }
            let taken = chosen ? then : otherwise
            return try branch(taken ?? V1ArgumentBranch(elements: []), at: path.appending(chosen ? "then" : "else")).elements
        }
    }

    private func branch(_ branch: V1ArgumentBranch, at path: SpecPath) throws(SpecError) -> V1CommandElement.Branch {
        var elements: [V1CommandElement] = []
        for (index, element) in branch.elements.enumerated() {
            elements += try convert(element, at: branch.isList ? path.appending(index: index) : path)
        }
        return V1CommandElement.Branch(elements: elements, isList: branch.isList || elements.count != 1)
    }

    /// KFP writes `Else` only when it is truthy: not an empty list, not an empty string.
    private func nonEmpty(_ branch: V1CommandElement.Branch) -> V1CommandElement.Branch? {
        if branch.isList { return branch.elements.isEmpty ? nil : branch }
        return branch.elements == [.text("")] ? nil : branch
    }

    private func literalText(_ value: JSONValue, at path: SpecPath) throws(SpecError) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return JSONValue.formatJSONNumber(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object:
            throw problem("expected a string or a placeholder, found \(value.kindName)", at: path)
        }
    }

    private func artifact(_ name: String, _ placeholder: String, at path: SpecPath) throws(SpecError) -> String {
        let input = try entry(input: name, placeholder: placeholder, at: path)
        guard !input.kind.isParameter else {
            let type = input.type.map { " (type \($0.compactJSON()))" } ?? ""
            throw problem("input '\(name)'\(type) is a parameter and cannot be used with '\(placeholder)'", at: path)
        }
        return input.irName
    }

    private func entry(input name: String, placeholder: String, at path: SpecPath) throws(SpecError) -> V1InterfaceEntry {
        guard let input = inputs[name] else {
            throw problem("placeholder '\(placeholder)' names input '\(name)', which the component does not have", at: path)
        }
        return input
    }

    private func entry(output name: String, placeholder: String, at path: SpecPath) throws(SpecError) -> V1InterfaceEntry {
        guard let output = outputs[name] else {
            throw problem("placeholder '\(placeholder)' names output '\(name)', which the component does not have", at: path)
        }
        return output
    }

    private func problem(_ message: String, at path: SpecPath) -> SpecError {
        SpecError(.validation, file: nil, message: message, path: path)
    }
}
