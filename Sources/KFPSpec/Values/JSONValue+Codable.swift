import Foundation

extension JSONValue: Codable {
    /// Decodes any JSON value.
    ///
    /// When decoding from YAML read by ``SpecYAML`` the value is taken from the YAML node with
    /// YAML 1.2 core-schema rules (`yes`, `on`, `1:30` stay strings; quoted scalars are strings).
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? SourceDecoder {
            self = JSONValue(source: decoder.node)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Compact JSON text with sorted keys, as Go's `encoding/json` and `json.dumps(sort_keys=True)`
    /// would write it (no spaces).
    public func compactJSON() -> String {
        var out = ""
        writeJSON(into: &out, separators: (",", ":"), sortKeys: true)
        return out
    }

    /// JSON text as Python's `json.dumps` writes it by default: `", "` and `": "` separators, keys in
    /// the given order, non-ASCII characters escaped as `\uXXXX`.
    ///
    /// KFP's SDK serializes `Concat` and `IfPresent` placeholders this way.
    package func pythonJSON(sortKeys: Bool = false) -> String {
        var out = ""
        writeJSON(into: &out, separators: (", ", ": "), sortKeys: sortKeys, asciiOnly: true)
        return out
    }

    func writeJSON(
        into out: inout String, separators: (item: String, key: String), sortKeys: Bool, asciiOnly: Bool = false
    ) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += JSONValue.formatJSONNumber(value)
        case .string(let value): JSONValue.writeJSONString(value, into: &out, asciiOnly: asciiOnly)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += separators.item }
                value.writeJSON(into: &out, separators: separators, sortKeys: sortKeys, asciiOnly: asciiOnly)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = sortKeys ? members.keys.sorted() : Array(members.keys)
            for (index, key) in keys.enumerated() {
                if index > 0 { out += separators.item }
                JSONValue.writeJSONString(key, into: &out, asciiOnly: asciiOnly)
                out += separators.key
                members[key]?.writeJSON(into: &out, separators: separators, sortKeys: sortKeys, asciiOnly: asciiOnly)
            }
            out += "}"
        }
    }

    static func formatJSONNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        if value == value.rounded(), abs(value) < 1e16 { return String(format: "%.1f", value) }
        return "\(value)"
    }

    static func writeJSONString(_ string: String, into out: inout String, asciiOnly: Bool) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Indented JSON text with sorted keys (two spaces, `": "`), non-ASCII characters kept as they are.
    public func prettyJSON(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let values) where !values.isEmpty:
            return "[\n" + values.map { inner + $0.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { key in
                var name = ""
                JSONValue.writeJSONString(key, into: &name, asciiOnly: false)
                return inner + name + ": " + (members[key] ?? .null).prettyJSON(indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return compactJSON()
        }
    }
}
