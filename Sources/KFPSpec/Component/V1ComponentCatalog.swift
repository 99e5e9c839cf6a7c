import Foundation

/// Components a v1 graph may reference, by the `url`, `name` or `digest` of a `componentRef`.
///
/// ```swift
/// var catalog = V1ComponentCatalog()
/// catalog["https://example.com/train/component.yaml"] = .loaded(try SpecLoader(file: "train.yaml").load(data))
/// catalog["Remove header"] = .component(removeHeader)      // a V1ComponentSpec built in code
/// let catalog2 = try V1ComponentCatalog(indexing: URL(fileURLWithPath: "components"))
/// ```
///
/// ``V1GraphConverter`` looks a reference up by its `url` as written, then by the URL it resolves
/// to (a relative path against the graph's folder, given as an absolute path or a `file://` URL),
/// then by `digest`, then by `name`. A ``Entry/loaded(_:)`` entry keeps its file, so errors inside
/// it have lines and columns, and relative references inside it resolve against its folder.
public struct V1ComponentCatalog: Sendable, ExpressibleByDictionaryLiteral {
    /// A catalog component: built in code, or loaded from a file (a v1 component).
    public enum Entry: Sendable {
        case component(V1ComponentSpec)
        case loaded(LoadedSpec)
    }

    /// The entries by key (a URL, a path, a component name or a digest).
    public var entries: [String: Entry]

    public init(_ entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public init(dictionaryLiteral elements: (String, Entry)...) {
        self.entries = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The entry for `key`.
    public subscript(key: String) -> Entry? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    /// Every `.yaml` and `.yml` file under `folder` that loads as a v1 component, by its
    /// `metadata.annotations.canonical_location` and by its path (absolute, standardized).
    /// Files that do not load, and pipelines, are left out.
    ///
    /// - Throws: ``SpecError`` of kind `.io` when `folder` is not a readable folder.
    public init(indexing folder: URL) throws(SpecError) {
        self.init()
        let root = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        else {
            throw SpecError(.io, file: root.path, message: "cannot read the catalog folder '\(root.path)'")
        }
        let files = enumerator.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
            .map(\.standardizedFileURL)
            .sorted { $0.path < $1.path }
        for file in files {
            guard let data = try? Data(contentsOf: file), data.count <= ComponentLoader.defaultMaximumSize,
                let loaded = try? SpecLoader(file: file.path).load(data), let component = loaded.v1Component
            else { continue }
            entries[file.path] = .loaded(loaded)
            if let location = component.canonicalLocation, entries[location] == nil {
                entries[location] = .loaded(loaded)
            }
        }
    }

    /// The entry for a reference, and the key it was found under.
    ///
    /// - Parameter location: the URL `reference.url` resolves to, when it has one.
    func entry(for reference: V1ComponentReference, location: URL?) -> (key: String, entry: Entry)? {
        var keys: [String] = []
        if let url = reference.url { keys.append(url) }
        if let location {
            if location.isFileURL { keys.append(location.path) }
            keys.append(location.absoluteString)
        }
        if let digest = reference.digest { keys.append(digest) }
        if let name = reference.name { keys.append(name) }
        for key in keys {
            if let entry = entries[key] { return (key, entry) }
        }
        return nil
    }
}

extension V1ComponentSpec {
    /// `metadata.annotations.canonical_location`: the URL the component is published at, if given.
    public var canonicalLocation: String? {
        metadata?.objectValue?["annotations"]?.objectValue?["canonical_location"]?.stringValue
    }
}
