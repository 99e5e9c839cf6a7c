import KFPSpec

/// The component behind a task path of a run (`train`, `condition-1/train`,
/// `for-loop-2/0/train`: task names from the root DAG down, loop iteration indexes skipped).
package enum TaskComponentLookup {
    /// The component the task at `taskPath` runs, or nil when the path names no task of the spec.
    package static func component(of taskPath: String, in spec: PipelineSpec) -> ComponentSpec? {
        var dag = spec.root.dag
        var component: ComponentSpec?
        var afterLoop = false
        for segment in taskPath.split(separator: "/").map(String.init) {
            if afterLoop, Int(segment) != nil {
                afterLoop = false
                continue
            }
            guard let task = dag?.tasks?[segment], let found = spec.components?[task.componentRef.name] else { return nil }
            component = found
            dag = found.dag
            afterLoop = task.parameterIterator != nil || task.artifactIterator != nil
        }
        return component
    }

    /// The artifact type (`schemaTitle`, e.g. `system.Dataset`) of output `name` of the task at
    /// `taskPath`; `system.Artifact` when the spec does not say.
    package static func outputArtifactType(_ name: String, of taskPath: String, in spec: PipelineSpec) -> String {
        component(of: taskPath, in: spec)?.outputDefinitions?.artifacts?[name]?.artifactType.schemaTitle ?? "system.Artifact"
    }
}
