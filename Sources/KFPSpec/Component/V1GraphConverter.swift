import Foundation

/// Converts a v1 graph component (`implementation.graph`) to a pipeline (IR).
///
/// KFP 2.x cannot load v1 graph components. This converter turns one into a pipeline whose root DAG
/// has one task per graph task, each running the converted component it references:
///
/// ```swift
/// let loaded = try await ComponentLoader().load(contentsOf: URL(fileURLWithPath: "graph.yaml"))
/// let catalog: V1ComponentCatalog = ["https://example.com/train.yaml": .loaded(train)]
/// let spec = try await V1GraphConverter(catalog: catalog, fetchURLs: false).pipelineSpec(for: loaded)
/// print(try SpecWriter().write(spec))
/// ```
///
/// Shape of the result:
///
/// - `pipelineInfo.name`: the graph's name made Kubernetes-safe (`Xgboost 5 fold` → `xgboost-5-fold`).
/// - `root`: the graph's inputs and outputs (names sanitized, `Input data` → `input_data`) and a
///   DAG with one task per graph task: key `xgboost-train-2` (the task id made Kubernetes-safe),
///   `taskInfo.name` the id as written, `componentRef` `comp-xgboost-train-2`, `cachingOptions`
///   `{enableCache: true}`, `inputs` wired from `graphInput`, `taskOutput` and constants, and
///   `dependentTasks` the producers of its task outputs; `dag.outputs` from `outputValues`.
/// - `components`: one per task; a container component with `executorLabel` `exec-<task>` (as
///   ``V1ComponentConverter`` converts it), a graph component as a nested DAG, to any depth.
/// - `deploymentSpec.executors`: one container executor per container task.
///
/// A `componentRef` resolves to its inline `spec`, a ``V1ComponentCatalog`` entry, or the file or
/// URL in `url` (relative paths against the graph file's folder; `http(s)` only when
/// ``fetchURLs`` is on). See ``V1GraphInterface``, ``V1TaskWiring`` and ``V1GraphBuilder`` for
/// the wiring rules. The result passes ``SpecValidator``.
public struct V1GraphConverter: Sendable {
    /// Components references may name, by URL, path, name or digest.
    public var catalog: V1ComponentCatalog
    /// Whether `http(s)` references missing from the catalog are fetched.
    public var fetchURLs: Bool
    /// Reads files and fetches URLs (timeout, size limit).
    public var loader: ComponentLoader

    public init(catalog: V1ComponentCatalog = V1ComponentCatalog(), fetchURLs: Bool = true, loader: ComponentLoader = ComponentLoader()) {
        self.catalog = catalog
        self.fetchURLs = fetchURLs
        self.loader = loader
    }

    /// The IR of a loaded v1 component: a graph converted as above, a container component as
    /// ``V1ComponentConverter`` converts it.
    ///
    /// - Throws: ``SpecError`` listing every reference that cannot be resolved (each naming the
    ///   task and the `url`/`name`/`digest`, at the `componentRef`'s line and column; an `.io`
    ///   failure of a referenced file or URL follows with its own diagnostics), a reference
    ///   cycle, or the first wiring error (``V1TaskWiring``); kind `.validation` unless the first
    ///   problem is an `.io` failure. A document that is not a v1 component is a `.validation` error.
    public func pipelineSpec(for loaded: LoadedSpec) async throws(SpecError) -> PipelineSpec {
        guard let component = loaded.v1Component else {
            throw SpecError(.validation, file: loaded.file, message: "expected a v1 component, found a \(loaded.kind.rawValue)")
        }
        guard component.implementation.graph != nil else {
            return try V1ComponentConverter().pipelineSpec(for: loaded)
        }
        return try await convert(component, origin: V1ComponentOrigin(loaded: loaded))
    }

    /// The IR of a v1 component built in code; relative references resolve against the current
    /// directory. Throws as the `LoadedSpec` form does, without lines and columns.
    public func pipelineSpec(for component: V1ComponentSpec) async throws(SpecError) -> PipelineSpec {
        guard component.implementation.graph != nil else {
            return try V1ComponentConverter().pipelineSpec(for: component)
        }
        return try await convert(component, origin: V1ComponentOrigin())
    }

    private func convert(_ component: V1ComponentSpec, origin: V1ComponentOrigin) async throws(SpecError) -> PipelineSpec {
        var resolver = V1ComponentResolver(catalog: catalog, fetchURLs: fetchURLs, loader: loader)
        let root = await resolver.resolve(component, origin: origin)
        if !resolver.problems.isEmpty { throw SpecError(resolver.problemKind, resolver.problems) }
        var builder = V1GraphBuilder()
        let spec = try builder.pipelineSpec(for: root)
        let problems = SpecValidator().problems(in: spec)
        if !problems.isEmpty {
            let first = problems[0]
            throw SpecError(
                .validation, file: origin.file,
                message: "the converted pipeline is not valid (a converter bug, please report it): \(first.pathAndMessage)")
        }
        return spec
    }
}
