import KFPSpec

/// A dependency between two tasks of one DAG: `to` waits for `from`.
package struct GraphEdge: Sendable, Hashable {
    /// The upstream task's name (its key in `dag.tasks`).
    package let from: String
    /// The downstream task's name.
    package let to: String

    /// The edge `from` → `to`.
    package init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// Why ``PipelineGraph/init(spec:layerPath:)`` could not find the DAG a layer path names.
package struct GraphPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Hashable {
        /// The spec's `root` has no `dag` (a single-component IR).
        case noRootDAG
        /// The path has an empty segment (`a//b`, a leading or trailing `/`).
        case emptySegment
        /// A segment names no task of the DAG it is looked up in.
        case noSuchTask
        /// A segment names a task whose component is missing or has no `dag`.
        case notADAG
    }

    /// What went wrong.
    package let kind: Kind
    /// The layer path that was asked for.
    package let path: String
    /// The message, e.g. `no task 'x' in the DAG at 'condition-1' (tasks: a, b, c)`.
    package let message: String

    /// An error of `kind` for `path`.
    package init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// The message.
    package var description: String { message }
}

/// One task of a DAG as a graph node.
package struct GraphNode: Sendable, Hashable {
    /// What a node runs, which decides its look and whether it opens.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A container executor (`deploymentSpec.executors[label].container`).
        case container
        /// An importer executor.
        case importer
        /// A resolver, custom-job or missing executor, or a task whose component is missing.
        case resolver
        /// A sub-DAG: a nested pipeline, an exit-handler group or a condition-branches group.
        case dag
        /// A ParallelFor loop: the task has a `parameterIterator` or `artifactIterator`.
        case loop
        /// A sub-DAG task with a `triggerPolicy.condition` (an If / Elif / Else branch).
        case condition

        /// A short human name for the kind, e.g. `ParallelFor`.
        package var label: String {
            switch self {
            case .container: "container"
            case .importer: "importer"
            case .resolver: "resolver"
            case .dag: "sub-DAG"
            case .loop: "ParallelFor"
            case .condition: "condition"
            }
        }
    }

    /// The task name: its key in `dag.tasks`.
    package let id: String
    /// `taskInfo.name` when present and not empty, else ``id``.
    package let label: String
    /// What the node runs.
    package let kind: Kind
    /// The task's `componentRef.name` (`comp-...`).
    package let componentName: String
    /// A short text (at most 80 characters, cut with `…`): the image of a container, the URI of an
    /// importer, `for each item of <input or raw JSON list>` for a loop, the CEL text of a condition.
    package let detail: String?
    /// True when `triggerPolicy.strategy` is `ALL_UPSTREAM_TASKS_COMPLETED`: the task runs even if
    /// upstream tasks failed (an exit handler's exit task, or `ignore_upstream_failure`).
    package let isExitTask: Bool

    /// True for the kinds that hold a DAG a click can open: ``Kind/dag``, ``Kind/loop``, ``Kind/condition``.
    package var opens: Bool { kind == .dag || kind == .loop || kind == .condition }

    /// A node with the given fields (``PipelineGraph/init(spec:layerPath:)`` derives them from a spec).
    package init(
        id: String, label: String, kind: Kind, componentName: String, detail: String? = nil, isExitTask: Bool = false
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.componentName = componentName
        self.detail = detail
        self.isExitTask = isExitTask
    }

    /// The node of task `id` of a DAG of `spec`.
    init(id: String, task: PipelineTaskSpec, spec: PipelineSpec) {
        let component = spec.component(named: task.componentRef.name)
        let (kind, detail) = Self.kindAndDetail(task: task, component: component, spec: spec)
        let name = task.taskInfo?.name ?? ""
        self.init(
            id: id, label: name.isEmpty ? id : name, kind: kind, componentName: task.componentRef.name,
            detail: detail.map(Self.shortened), isExitTask: task.triggerPolicy?.strategy == .allUpstreamTasksCompleted)
    }

    private static func kindAndDetail(
        task: PipelineTaskSpec, component: ComponentSpec?, spec: PipelineSpec
    ) -> (Kind, String?) {
        if let items = task.parameterIterator.map({ $0.items.inputParameter ?? $0.items.raw ?? "" })
            ?? task.artifactIterator.map({ $0.items.inputArtifact ?? "" })
        {
            let limit = task.iteratorPolicy?.parallelismLimit ?? 0
            return (.loop, "for each item of \(channelName(items))" + (limit > 0 ? ", \(limit) at a time" : ""))
        }
        guard let component else { return (.resolver, "component '\(task.componentRef.name)' is missing") }
        if component.dag != nil {
            if let condition = task.triggerPolicy?.condition, !condition.isEmpty { return (.condition, condition) }
            return (.dag, nil)
        }
        let label = component.executorLabel ?? ""
        guard let executor = spec.executor(labeled: label) else { return (.resolver, "executor '\(label)' is missing") }
        if let container = executor.container { return (.container, container.image) }
        if let importer = executor.importer {
            if let uri = importer.artifactUri?.constant?.stringValue { return (.importer, uri) }
            if let parameter = importer.artifactUri?.runtimeParameter { return (.importer, "URI from '\(parameter)'") }
            return (.importer, nil)
        }
        return (.resolver, executor.customJob != nil ? "custom job" : nil)
    }

    /// An input name without the compiler's `pipelinechannel--` prefix.
    private static func channelName(_ name: String) -> String {
        let prefix = "pipelinechannel--"
        return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// `text` on one line, cut to 80 characters with `…`.
    static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= 80 ? line : String(line.prefix(79)) + "…"
    }
}
