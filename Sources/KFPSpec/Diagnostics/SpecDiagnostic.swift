/// One problem found in a spec: where it is and what is wrong.
///
/// `description` reads like a compiler diagnostic: `FILE:LINE:COL: error: PATH: MESSAGE`, with the
/// parts that are unknown left out.
public struct SpecDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file the spec was read from, when it was read from a file.
    public var file: String?
    /// The line and column in the file, when known.
    public var mark: SourceMark?
    /// The path inside the spec, e.g. `root.dag.tasks.train.inputs.parameters.lr`.
    public var path: SpecPath?
    /// What was expected and what was found.
    public var message: String

    public init(file: String? = nil, mark: SourceMark? = nil, path: SpecPath? = nil, message: String) {
        self.file = file
        self.mark = mark
        self.path = path
        self.message = message
    }

    /// The message with its spec path in front: `root.dag.tasks.x: ...`.
    public var pathAndMessage: String {
        guard let path, !path.components.isEmpty else { return message }
        return "\(path): \(message)"
    }

    public var description: String {
        var location = file ?? "<input>"
        if let mark { location += ":\(mark.line):\(mark.column)" }
        return "\(location): error: \(pathAndMessage)"
    }
}

/// The error thrown when a spec cannot be read or is not valid. It carries every problem found.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Hashable {
        /// The text is not YAML or JSON (syntax error, binary data, empty document).
        case syntax
        /// The document does not have the shape of a KFP spec (unknown or missing fields, wrong types).
        case structure
        /// The document has the right shape but breaks a rule (dangling references, cycles, bad names).
        case validation
        /// The file could not be read or fetched.
        case io
    }

    public var kind: Kind
    public var diagnostics: [SpecDiagnostic]

    public init(_ kind: Kind, _ diagnostics: [SpecDiagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    package init(_ kind: Kind, file: String?, message: String, mark: SourceMark? = nil, path: SpecPath? = nil) {
        self.init(kind, [SpecDiagnostic(file: file, mark: mark, path: path, message: message)])
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
