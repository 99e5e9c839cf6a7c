import Foundation
import Yams

/// A parsed YAML document kept beside a decoded spec, to find the line and column of any path.
///
/// Decoding errors and validation errors carry a ``SpecPath``; the source turns it into a
/// ``SourceMark`` so messages read `FILE:LINE:COL: error: ...`.
public final class YAMLSource: @unchecked Sendable {
    // Immutable after init; Yams.Node is a value type that is not declared Sendable.
    let root: Node

    init(root: Node) {
        self.root = root
    }

    /// The node at a coding path, or `nil` when the path leaves the document.
    func node(at codingPath: [any CodingKey]) -> Node? {
        node(at: codingPath.map { key in key.intValue.map(SpecPath.Component.index) ?? .key(key.stringValue) })
    }

    /// The node at a spec path, or `nil` when the path leaves the document.
    func node(at components: [SpecPath.Component]) -> Node? {
        var current = root
        for component in components {
            switch (component, current) {
            case (.key(let key), .mapping(let mapping)):
                guard let next = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                current = next
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { return nil }
                current = sequence[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The position of the deepest node along `path` that exists in the document.
    public func mark(for path: SpecPath) -> SourceMark? {
        var components = path.components
        while true {
            if let mark = node(at: components)?.mark { return SourceMark(line: mark.line, column: mark.column) }
            // For a key that exists, prefer the key's own position.
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }

    /// The position of the key `path.last` inside its parent mapping, when it exists.
    func keyMark(for path: SpecPath) -> SourceMark? {
        guard case .key(let key)? = path.components.last,
            case .mapping(let mapping)? = node(at: Array(path.components.dropLast())),
            let keyNode = mapping.first(where: { $0.key.string == key })?.key,
            let mark = keyNode.mark
        else { return nil }
        return SourceMark(line: mark.line, column: mark.column)
    }
}

extension CodingUserInfoKey {
    /// The ``YAMLSource`` a value is being decoded from.
    static let kfpYAMLSource = CodingUserInfoKey(rawValue: "kfp.yamlSource")!
}

/// A 1-based line and column in a source file.
public struct SourceMark: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
