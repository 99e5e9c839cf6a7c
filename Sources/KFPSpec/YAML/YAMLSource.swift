import Foundation

/// A parsed YAML document kept beside a decoded spec, to find the line and column of any path.
///
/// Decoding errors and validation errors carry a ``SpecPath``; the source turns it into a
/// ``SourceMark`` so messages read `FILE:LINE:COL: error: ...`.
public final class YAMLSource: Sendable {
    let root: SourceNode

    init(root: SourceNode) {
        self.root = root
    }

    /// The node at a coding path, or `nil` when the path leaves the document.
    func node(at codingPath: [any CodingKey]) -> SourceNode? {
        root.node(at: SpecPath(codingPath: codingPath).components)
    }

    /// The keys of the mapping at `path`, in the order they are written; `nil` when it is not a mapping.
    public func mappingKeys(at path: SpecPath) -> [String]? {
        guard case .mapping(let mapping)? = root.node(at: path.components)?.content else { return nil }
        return mapping.keys
    }

    /// The position of the node at `path`, or of its nearest ancestor that exists in the document.
    public func mark(for path: SpecPath) -> SourceMark? {
        var components = path.components
        while true {
            if let mark = root.node(at: components)?.mark { return mark }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }
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
