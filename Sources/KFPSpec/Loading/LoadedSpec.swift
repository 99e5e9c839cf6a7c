/// What a spec file holds, as `kfp spec check` names it.
public enum SpecKind: String, Sendable, Hashable {
    /// A compiled pipeline (IR). A v2 component file is the IR of a one-task pipeline, written
    /// exactly like a pipeline by KFP's compiler, so it is reported as a pipeline too
    /// (``PipelineSpec/isSingleComponent`` tells the shape).
    case pipeline
    /// A v1 `component.yaml`.
    case componentV1 = "component-v1"
}

/// A loaded spec document: a pipeline or v2 component (both a ``PipelineSpec``), or a v1 component.
public enum SpecDocument: Sendable, Hashable {
    case pipeline(PipelineSpec)
    case componentV1(V1ComponentSpec)
}

/// The result of ``SpecLoader/load(_:)``: the document, its kind, and its source for line lookups.
public struct LoadedSpec: Sendable {
    public var document: SpecDocument
    public var kind: SpecKind
    /// The file it came from, if any.
    public var file: String?
    /// The parsed YAML, to find the line and column of a path.
    public var source: YAMLSource

    /// The pipeline spec, if the document is a pipeline or a v2 component.
    public var pipelineSpec: PipelineSpec? {
        if case .pipeline(let spec) = document { return spec }
        return nil
    }

    /// The v1 component, if the document is one.
    public var v1Component: V1ComponentSpec? {
        if case .componentV1(let component) = document { return component }
        return nil
    }

    /// A diagnostic for `path` in this document, with its line and column.
    public func diagnostic(_ message: String, at path: SpecPath) -> SpecDiagnostic {
        SpecDiagnostic(file: file, mark: source.mark(for: path), path: path, message: message)
    }
}

extension PipelineSpec {
    /// `true` when this is the IR of a single component, as KFP writes for a component: one root
    /// task running one executor component, named like the pipeline, with the component's inputs.
    public var isSingleComponent: Bool {
        guard let tasks = root.dag?.tasks, tasks.count == 1, let (taskName, task) = tasks.first,
            let component = components?[task.componentRef.name], component.executorLabel != nil,
            components?.count == 1, taskName == pipelineInfo.name
        else { return false }
        return component.inputDefinitions == root.inputDefinitions
    }
}
