import Foundation

/// Finds the component each task of a v1 graph runs, to any depth, collecting every reference it
/// cannot resolve instead of stopping at the first.
///
/// A `componentRef` resolves, in this order, to its inline `spec`; to a catalog entry (by `url`,
/// resolved URL, `digest`, then `name`, see ``V1ComponentCatalog``); or to the file or URL its
/// `url` names: `file://` URLs and paths (relative paths against the referencing file's folder)
/// are read from disk, `http(s)` URLs fetched when fetching is on. Each URL is loaded once.
/// A reference back to a component that is being resolved is a cycle.
struct V1ComponentResolver {
    let catalog: V1ComponentCatalog
    let fetchURLs: Bool
    let loader: ComponentLoader
    /// Graphs nest at most this deep; deeper nesting is reported as a likely cycle.
    static let maximumDepth = 64
    /// A graph expands to at most this many tasks, nested ones included (a graph that runs another
    /// graph twice, nested deeply, would otherwise grow exponentially).
    static let maximumTasks = 100_000

    /// Every problem found, in the order the tasks are written.
    private(set) var problems: [SpecDiagnostic] = []
    /// The kind of the first problem.
    private(set) var problemKind: SpecError.Kind = .validation
    private var documents: [String: Result<LoadedSpec, SpecError>] = [:]
    private var taskCount = 0

    init(catalog: V1ComponentCatalog, fetchURLs: Bool, loader: ComponentLoader) {
        self.catalog = catalog
        self.fetchURLs = fetchURLs
        self.loader = loader
    }

    /// `component` with the components of its graph's tasks resolved.
    mutating func resolve(_ component: V1ComponentSpec, origin: V1ComponentOrigin) async -> V1ResolvedComponent {
        await resolve(component, origin: origin, chain: [Link(identity: origin.identity, label: component.name ?? "the graph")])
    }

    /// One component being resolved, for cycle detection and messages.
    private struct Link {
        var identity: String?
        var label: String
    }

    private mutating func resolve(
        _ component: V1ComponentSpec, origin: V1ComponentOrigin, chain: [Link]
    ) async -> V1ResolvedComponent {
        var node = V1ResolvedComponent(component: component, origin: origin)
        guard let graph = component.implementation.graph else { return node }
        let tasksPath = SpecPath("implementation", "graph", "tasks")
        for id in origin.orderedKeys(of: graph.tasks, at: tasksPath) {
            guard let task = graph.tasks[id] else { continue }
            let here = tasksPath.appending(id, "componentRef")
            taskCount += 1
            guard taskCount <= Self.maximumTasks else {
                if taskCount == Self.maximumTasks + 1 {
                    report(.validation, [origin.diagnostic(
                        "task '\(id)': the graph expands to more than \(Self.maximumTasks) tasks, nested graphs included", at: here)])
                }
                return node
            }
            guard let (child, childOrigin) = await find(task.componentRef, task: id, at: here, in: origin) else { continue }
            let label = task.componentRef.url ?? child.name ?? id
            if let identity = childOrigin.identity, chain.contains(where: { $0.identity == identity }) {
                let names = (chain.map(\.label) + [label]).map { "'\($0)'" }.joined(separator: " -> ")
                report(.validation, [origin.diagnostic("task '\(id)' makes a component reference cycle: \(names)", at: here)])
                continue
            }
            guard chain.count < Self.maximumDepth else {
                report(.validation, [origin.diagnostic(
                    "task '\(id)': graph components nest more than \(Self.maximumDepth) deep; is there a reference cycle?", at: here)])
                continue
            }
            node.tasks[id] = await resolve(child, origin: childOrigin, chain: chain + [Link(identity: childOrigin.identity, label: label)])
        }
        return node
    }

    /// The component a reference names and its origin, or `nil` after reporting why not.
    private mutating func find(
        _ reference: V1ComponentReference, task: String, at path: SpecPath, in origin: V1ComponentOrigin
    ) async -> (V1ComponentSpec, V1ComponentOrigin)? {
        if let spec = reference.spec {
            let inline = V1ComponentOrigin(
                file: origin.file, source: origin.source, basePath: origin.fullPath(path.appending("spec")),
                location: origin.location, identity: nil)
            return (spec, inline)
        }
        let location = reference.url.flatMap { ComponentLoader.location(of: $0, relativeTo: origin.location) }
        if let (key, entry) = catalog.entry(for: reference, location: location) {
            switch entry {
            case .component(let component):
                let identity = location.map(V1ComponentOrigin.identity(of:)) ?? "catalog:\(key)"
                return (component, V1ComponentOrigin(location: location, identity: identity))
            case .loaded(let loaded):
                guard let component = loaded.v1Component else {
                    report(.validation, [origin.diagnostic(
                        "task '\(task)': catalog entry '\(key)' is a \(loaded.kind.rawValue), not a v1 component", at: path)])
                    return nil
                }
                let fallback = location.map(V1ComponentOrigin.identity(of:)) ?? "catalog:\(key)"
                return (component, V1ComponentOrigin(loaded: loaded, location: location, identity: loaded.file == nil ? fallback : nil))
            }
        }
        let described = Self.describe(reference)
        guard let url = reference.url else {
            report(.validation, [origin.diagnostic(
                "task '\(task)' references \(described), which is not in the catalog", at: path)])
            return nil
        }
        guard let location, ["file", "http", "https"].contains(location.scheme?.lowercased() ?? "") else {
            report(.validation, [origin.diagnostic(
                "task '\(task)' references \(described), which is not in the catalog and is not a file path or an http(s) URL",
                at: path)])
            return nil
        }
        if !location.isFileURL, !fetchURLs {
            report(.validation, [origin.diagnostic(
                "task '\(task)' references \(described), which is not in the catalog (fetching URLs is turned off)", at: path)])
            return nil
        }
        let loaded: LoadedSpec
        switch await document(at: location) {
        case .success(let document):
            loaded = document
        case .failure(let error):
            report(error.kind, [origin.diagnostic("task '\(task)' references \(described), which cannot be loaded", at: path)] + error.diagnostics)
            return nil
        }
        guard let component = loaded.v1Component else {
            report(.validation, [origin.diagnostic(
                "task '\(task)' references '\(url)', which is a \(loaded.kind.rawValue), not a v1 component", at: path)])
            return nil
        }
        return (component, V1ComponentOrigin(loaded: loaded, location: location))
    }

    /// The document at `url`, loaded once.
    private mutating func document(at url: URL) async -> Result<LoadedSpec, SpecError> {
        let key = V1ComponentOrigin.identity(of: url)
        if let cached = documents[key] { return cached }
        let result: Result<LoadedSpec, SpecError>
        do {
            result = .success(try await loader.load(contentsOf: url))
        } catch {
            result = .failure(error)
        }
        documents[key] = result
        return result
    }

    private mutating func report(_ kind: SpecError.Kind, _ diagnostics: [SpecDiagnostic]) {
        if problems.isEmpty { problemKind = kind }
        problems += diagnostics
    }

    /// `url 'u', digest 'd'`: every way the reference names its component.
    static func describe(_ reference: V1ComponentReference) -> String {
        let parts = [
            reference.url.map { "url '\($0)'" }, reference.name.map { "name '\($0)'" },
            reference.digest.map { "digest '\($0)'" }, reference.tag.map { "tag '\($0)'" },
        ].compactMap { $0 }
        return parts.isEmpty ? "no component (componentRef is empty)" : "component " + parts.joined(separator: ", ")
    }
}
