import Foundation
import Yams

extension JSONValue {
    /// Converts a YAML node read with ``CoreSchema/resolver``: plain scalars by their resolved tag,
    /// quoted and block scalars as strings, explicit tags honoured.
    init(yamlNode node: Node) {
        switch node {
        case .scalar(let scalar):
            self = JSONValue(yamlScalar: scalar, tag: node.tag.rawValue)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(yamlNode:)))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                members[key.string ?? JSONValue(yamlNode: key).compactJSON()] = JSONValue(yamlNode: value)
            }
            self = .object(members)
        case .alias:
            self = .null
        }
    }

    private init(yamlScalar scalar: Node.Scalar, tag: String) {
        let text = scalar.string
        switch Tag.Name(rawValue: tag) {
        case .null:
            self = .null
        case .bool:
            self = .bool(text.lowercased() == "true")
        case .int:
            if let value = JSONValue.parseInteger(text) {
                self = .int(value)
            } else if let value = Double(text) {
                self = .double(value)
            } else {
                self = .string(text)
            }
        case .float:
            self = JSONValue.parseFloat(text).map(JSONValue.double) ?? .string(text)
        default:
            self = .string(text)
        }
    }

    static func parseInteger(_ text: String) -> Int? {
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        return Int(text)
    }

    static func parseFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text)
        }
    }

    /// The YAML node for this value: strings that could be misread are single-quoted, numbers keep
    /// their kind (`2` stays an integer, `2.0` a float, in PyYAML's and YAML 1.2's eyes).
    func yamlNode() -> Node {
        switch self {
        case .null:
            return Node("null", Tag(.null))
        case .bool(let value):
            return Node(value ? "true" : "false", Tag(.bool))
        case .int(let value):
            return Node(String(value), Tag(.int))
        case .double(let value):
            return Node(JSONValue.formatYAMLFloat(value), Tag(.float))
        case .string(let value):
            if CoreSchema.needsQuoting(value) {
                return Node(value, Tag(.str), .singleQuoted)
            }
            return Node(value, Tag(.str), value.contains("\n") ? .literal : .any)
        case .array(let values):
            return Node(values.map { $0.yamlNode() }, Tag(.seq))
        case .object(let members):
            let pairs = members.keys.sorted().map { key in
                (JSONValue.string(key).yamlNode(), members[key]?.yamlNode() ?? Node("null", Tag(.null)))
            }
            return Node(pairs, Tag(.map))
        }
    }

    /// A float that both PyYAML (which needs a `.` and a signed exponent) and YAML 1.2 read as a float.
    static func formatYAMLFloat(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        if value == value.rounded(), abs(value) < 1e16 { return String(format: "%.1f", value) }
        var text = "\(value)"
        if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<exponent])
            var power = String(text[text.index(after: exponent)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !power.hasPrefix("-"), !power.hasPrefix("+") { power = "+" + power }
            text = mantissa + "e" + power
        }
        return text
    }
}
