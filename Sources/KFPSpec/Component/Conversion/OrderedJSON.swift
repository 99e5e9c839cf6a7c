/// A JSON value whose object keys keep the order they were added in, written as Python's
/// `json.dumps` writes it by default.
///
/// KFP serializes `Concat` and `IfPresent` placeholders with `json.dumps(placeholder._to_dict())`:
/// separators `", "` and `": "`, keys in insertion order (`InputName`, `Then`, `Else`), and
/// `ensure_ascii`, so every character outside printable ASCII (`0x20`...`0x7E`) is written as
/// `\uXXXX` in lowercase hex (UTF-16 surrogate pairs above `U+FFFF`). ``JSONValue`` objects are
/// unordered, so placeholder text is built with this type.
package indirect enum OrderedJSON: Sendable, Hashable {
    case string(String)
    case array([OrderedJSON])
    case object([Member])
    /// A value written as is (numbers, booleans, null), already in JSON form.
    case raw(String)

    /// One key and value of an ``object``.
    package struct Member: Sendable, Hashable {
        package var key: String
        package var value: OrderedJSON

        package init(key: String, value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// An ordered object from key-value pairs, in the order given.
    package static func ordered(_ pairs: KeyValuePairs<String, OrderedJSON>) -> OrderedJSON {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    /// The ordered form of a ``JSONValue``; object keys are sorted, as `JSONValue` has no order.
    package init(_ value: JSONValue) {
        switch value {
        case .null: self = .raw("null")
        case .bool(let flag): self = .raw(flag ? "true" : "false")
        case .int(let number): self = .raw(String(number))
        case .double(let number): self = .raw(JSONValue.formatJSONNumber(number))
        case .string(let text): self = .string(text)
        case .array(let values): self = .array(values.map(OrderedJSON.init))
        case .object(let members):
            self = .object(members.keys.sorted().map { Member(key: $0, value: OrderedJSON(members[$0] ?? .null)) })
        }
    }

    /// The `json.dumps` text.
    package var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .raw(let text):
            out += text
        case .string(let text):
            Self.writeString(text, into: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += ", " }
                value.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += ", " }
                Self.writeString(member.key, into: &out)
                out += ": "
                member.value.write(into: &out)
            }
            out += "}"
        }
    }

    /// A string as `json.dumps(..., ensure_ascii=True)` writes it.
    static func writeString(_ text: String, into out: inout String) {
        JSONValue.writeJSONString(text, into: &out, asciiOnly: true)
    }
}
