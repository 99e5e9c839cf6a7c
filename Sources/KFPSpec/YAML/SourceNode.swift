import Yams

/// A YAML node as read, indexed for fast lookup, with its position.
///
/// Built once from the Yams tree. Plain scalars are classified with YAML 1.2 core-schema rules
/// (``CoreSchema``); quoted and block scalars are strings.
final class SourceNode: @unchecked Sendable {
    // Immutable after init.
    enum Content {
        case scalar(String, ScalarKind)
        case mapping(Mapping)
        case sequence([SourceNode])
    }

    struct Mapping {
        var keys: [String]
        var values: [SourceNode]
        var keyMarks: [SourceMark?]
        var index: [String: Int]

        subscript(key: String) -> SourceNode? {
            index[key].map { values[$0] }
        }
    }

    let content: Content
    let mark: SourceMark?

    init(content: Content, mark: SourceMark?) {
        self.content = content
        self.mark = mark
    }

    /// Converts a Yams node (parsed with `Resolver.basic`, so tags are not resolved by regex here).
    convenience init(_ node: Node) {
        let mark = node.mark.map { SourceMark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            let explicit = node.tag.rawValue
            let kind: ScalarKind
            switch explicit {
            case Tag.Name.str.rawValue: kind = plain ? CoreSchema.kind(of: scalar.string) : .string
            case Tag.Name.null.rawValue: kind = .null
            case Tag.Name.bool.rawValue: kind = .bool
            case Tag.Name.int.rawValue: kind = .int
            case Tag.Name.float.rawValue: kind = .float
            default: kind = .string
            }
            self.init(content: .scalar(scalar.string, kind), mark: mark)
        case .sequence(let sequence):
            self.init(content: .sequence(sequence.map(SourceNode.init)), mark: mark)
        case .mapping(let mapping):
            var result = Mapping(keys: [], values: [], keyMarks: [], index: [:])
            for (key, value) in mapping {
                let name = key.string ?? JSONValue(source: SourceNode(key)).compactJSON()
                result.index[name] = result.keys.count
                result.keys.append(name)
                result.values.append(SourceNode(value))
                result.keyMarks.append(key.mark.map { SourceMark(line: $0.line, column: $0.column) })
            }
            self.init(content: .mapping(result), mark: mark)
        case .alias:
            self.init(content: .scalar("", .null), mark: mark)
        }
    }

    var isNull: Bool {
        if case .scalar(_, .null) = content { return true }
        return false
    }

    /// A short description for messages: `'text'`, `null`, `a mapping`, `a list`.
    var summary: String {
        switch content {
        case .scalar(_, .null): return "null"
        case .scalar(let text, _): return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The node at `path`, or `nil` when the path leaves the document.
    func node(at path: [SpecPath.Component]) -> SourceNode? {
        var current = self
        for component in path {
            switch (component, current.content) {
            case (.key(let key), .mapping(let mapping)):
                guard let next = mapping[key] else { return nil }
                current = next
            case (.index(let index), .sequence(let elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// The YAML 1.2 core-schema kind of a scalar.
enum ScalarKind: Sendable {
    case null, bool, int, float, string
}

extension JSONValue {
    /// The value of a source node, by its core-schema kind.
    init(source node: SourceNode) {
        switch node.content {
        case .scalar(let text, let kind):
            switch kind {
            case .null: self = .null
            case .bool: self = .bool(text.lowercased() == "true")
            case .int: self = JSONValue.parseInteger(text).map(JSONValue.int) ?? Double(text).map(JSONValue.double) ?? .string(text)
            case .float: self = JSONValue.parseFloat(text).map(JSONValue.double) ?? .string(text)
            case .string: self = .string(text)
            }
        case .sequence(let elements):
            self = .array(elements.map(JSONValue.init(source:)))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in zip(mapping.keys, mapping.values) { members[key] = JSONValue(source: value) }
            self = .object(members)
        }
    }
}
