/// A path inside a spec, printed the way KFP users read it: `root.dag.tasks.train.inputs.parameters.lr`.
public struct SpecPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a mapping key or a list index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Builds a path from keys, e.g. `SpecPath("root", "dag", "tasks")`.
    public init(_ keys: String...) {
        self.components = keys.map(Component.key)
    }

    init(codingPath: [any CodingKey]) {
        self.components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    /// This path extended by mapping keys.
    public func appending(_ keys: String...) -> SpecPath {
        SpecPath(components + keys.map(Component.key))
    }

    /// This path extended by a list index.
    public func appending(index: Int) -> SpecPath {
        SpecPath(components + [.index(index)])
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}
