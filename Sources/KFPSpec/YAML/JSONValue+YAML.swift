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
    func yamlNode(_ tags: YAMLTags = YAMLTags()) -> Node {
        switch self {
        case .null:
            return Node("null", tags.null)
        case .bool(let value):
            return Node(value ? "true" : "false", tags.bool)
        case .int(let value):
            return Node(String(value), tags.int)
        case .double(let value):
            return Node(JSONValue.formatYAMLFloat(value), tags.float)
        case .string(let value):
            if CoreSchema.needsQuoting(value) {
                return Node(value, tags.str, .singleQuoted)
            }
            return Node(value, tags.str, value.contains("\n") ? .literal : .any)
        case .array(let values):
            return Node(values.map { $0.yamlNode(tags) }, tags.seq)
        case .object(let members):
            let pairs = members.keys.sorted().map { key in
                (JSONValue.string(key).yamlNode(tags), members[key]?.yamlNode(tags) ?? Node("null", tags.null))
            }
            return Node(pairs, tags.map)
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

/// The tags of one write, made once: `Tag`'s default resolver and constructor are rebuilt on every
/// use, which dominated writing large specs.
struct YAMLTags {
    let null, bool, int, float, str, seq, map: Tag

    init() {
        let resolver = Resolver.default
        let constructor = Constructor.default
        null = Tag(.null, resolver, constructor)
        bool = Tag(.bool, resolver, constructor)
        int = Tag(.int, resolver, constructor)
        float = Tag(.float, resolver, constructor)
        str = Tag(.str, resolver, constructor)
        seq = Tag(.seq, resolver, constructor)
        map = Tag(.map, resolver, constructor)
    }
}
