import Foundation

/// A v1 component with every component its graph tasks reference, resolved, to any depth.
struct V1ResolvedComponent: Sendable {
    var component: V1ComponentSpec
    var origin: V1ComponentOrigin
    /// The components the graph's tasks run, by task id; empty for a container component.
    var tasks: [String: V1ResolvedComponent] = [:]

    /// How messages name the component: `'Name'`, or `the component` when it has no name.
    var displayName: String {
        component.name.map { "'\($0)'" } ?? "the component"
    }
}

/// Where a component came from: the file and YAML source it was read from, where in that source it
/// sits (an inline `componentRef.spec` sits inside its graph's file), and its URL.
///
/// Conversion errors carry paths relative to the component; the origin turns them into paths and
/// marks in the file the user can open.
struct V1ComponentOrigin: Sendable {
    /// The file (or URL) name used in diagnostics.
    var file: String?
    /// The parsed document, when the component was read from text.
    var source: YAMLSource?
    /// The path of the component inside ``source``; empty for a whole document.
    var basePath = SpecPath()
    /// The URL relative references resolve against.
    var location: URL?
    /// What a reference cycle is detected by: the component's URL, or its catalog key.
    var identity: String?

    /// The origin of a loaded document.
    init(loaded: LoadedSpec, location: URL? = nil, identity: String? = nil) {
        file = loaded.file
        source = loaded.source
        self.location = ComponentLoader.location(ofFile: loaded.file) ?? location
        self.identity = identity ?? self.location.map(V1ComponentOrigin.identity(of:))
    }

    init(file: String? = nil, source: YAMLSource? = nil, basePath: SpecPath = SpecPath(), location: URL? = nil,
         identity: String? = nil) {
        self.file = file
        self.source = source
        self.basePath = basePath
        self.location = location
        self.identity = identity
    }

    /// The identity of a component at `url`: the standardized URL text.
    static func identity(of url: URL) -> String {
        url.isFileURL ? url.standardizedFileURL.absoluteString : url.absoluteString
    }

    /// The path in the source of a path relative to the component.
    func fullPath(_ path: SpecPath) -> SpecPath {
        SpecPath(basePath.components + path.components)
    }

    /// A diagnostic at `path` (relative to the component), with its file, line and column.
    func diagnostic(_ message: String, at path: SpecPath) -> SpecDiagnostic {
        let full = fullPath(path)
        return SpecDiagnostic(file: file, mark: source?.mark(for: full), path: full, message: message)
    }

    /// A `.validation` error at `path` (relative to the component).
    func error(_ message: String, at path: SpecPath) -> SpecError {
        SpecError(.validation, [diagnostic(message, at: path)])
    }

    /// `error` with every diagnostic that has no file placed in this component's file.
    func located(_ error: SpecError) -> SpecError {
        var located = error
        for index in located.diagnostics.indices where located.diagnostics[index].file == nil {
            let relative = located.diagnostics[index].path ?? SpecPath()
            let full = fullPath(relative)
            located.diagnostics[index].file = file
            located.diagnostics[index].path = full
            if located.diagnostics[index].mark == nil { located.diagnostics[index].mark = source?.mark(for: full) }
        }
        return located
    }

    /// The keys of `dictionary` in the order the source writes them; keys the source does not
    /// have (or every key, without a source) follow, sorted.
    func orderedKeys<Value>(of dictionary: [String: Value], at path: SpecPath) -> [String] {
        let written = (source?.mappingKeys(at: fullPath(path)) ?? []).filter { dictionary[$0] != nil }
        let seen = Set(written)
        return written + dictionary.keys.filter { !seen.contains($0) }.sorted()
    }

    /// The keys of the mapping at `path` as written, or `nil`.
    func mappingKeys(at path: SpecPath) -> [String]? {
        source?.mappingKeys(at: fullPath(path))
    }

    /// The text of the plain scalar at `path` as written (`007`, `1e3`), or `nil`.
    func scalarText(at path: SpecPath) -> String? {
        guard case .scalar(let text, _)? = source?.root.node(at: fullPath(path).components)?.content else { return nil }
        return text
    }
}
