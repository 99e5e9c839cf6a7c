/// A v1 command-line element converted to KFP 2.x form: text (a literal or a simple placeholder
/// such as `{{$.inputs.parameters['x']}}`), or one of KFP's container placeholders.
indirect enum V1CommandElement: Sendable, Hashable {
    case text(String)
    /// `ConcatPlaceholder`: `{"Concat": [...]}`.
    case concat([V1CommandElement])
    /// `IfPresentPlaceholder`: `{"IfPresent": {"InputName": ..., "Then": ..., "Else": ...}}`. A
    /// branch written as one element rather than a list is written without a list, as in KFP.
    case ifPresent(input: String, then: Branch, otherwise: Branch?)

    /// The `then` or `else` of an ``ifPresent``.
    struct Branch: Sendable, Hashable {
        var elements: [V1CommandElement]
        var isList: Bool
    }

    /// The string KFP puts in the container's `command`, `args` or env value
    /// (`convert_command_line_element_to_string`): the text, or `json.dumps` of a container placeholder.
    var commandLineText: String {
        switch self {
        case .text(let text): return text
        case .concat, .ifPresent: return json.text
        }
    }

    /// The element inside a container placeholder (`convert_command_line_element_to_string_or_struct`):
    /// a JSON string, or a nested `Concat`/`IfPresent` object.
    var json: OrderedJSON {
        switch self {
        case .text(let text):
            return .string(text)
        case .concat(let items):
            return .ordered(["Concat": .array(items.map(\.json))])
        case .ifPresent(let input, let then, let otherwise):
            var members: [OrderedJSON.Member] = [
                .init(key: "InputName", value: .string(input)), .init(key: "Then", value: then.json),
            ]
            if let otherwise { members.append(.init(key: "Else", value: otherwise.json)) }
            return .ordered(["IfPresent": .object(members)])
        }
    }
}

extension V1CommandElement.Branch {
    /// The branch inside `IfPresent`: a list, or the one element itself when it was written
    /// without a list (KFP's `Then`/`Else` keep that shape).
    var json: OrderedJSON {
        if !isList, elements.count == 1 { return elements[0].json }
        return .array(elements.map(\.json))
    }
}
