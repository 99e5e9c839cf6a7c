import KFPSpec

/// The tasks that take an artifact as an input, read from the pipeline spec: the producer's
/// sibling tasks (in the same DAG) whose `inputs.artifacts` name its output by
/// `taskOutputArtifact`.
package enum ArtifactConsumers {
    /// One consuming task: its path (in the producer's DAG, iteration included) and the input name.
    package struct Consumer: Sendable, Equatable {
        package let taskPath: String
        package let inputName: String
    }

    /// The tasks consuming output `output` of the task at `producerPath` (`train`,
    /// `for-loop-2/0/train`), sorted by path and input; empty when the path names no task.
    package static func consumers(of output: String, producedBy producerPath: String, in spec: PipelineSpec) -> [Consumer] {
        var segments = producerPath.split(separator: "/").map(String.init)
        guard let producer = segments.popLast() else { return [] }
        let parentPath = segments.joined(separator: "/")
        let dag = parentPath.isEmpty ? spec.root.dag : TaskComponentLookup.component(of: parentPath, in: spec)?.dag
        var found: [Consumer] = []
        for (name, task) in dag?.tasks ?? [:] {
            for (input, argument) in task.inputs?.artifacts ?? [:]
            where argument.taskOutputArtifact?.producerTask == producer && argument.taskOutputArtifact?.outputArtifactKey == output {
                found.append(Consumer(taskPath: parentPath.isEmpty ? name : "\(parentPath)/\(name)", inputName: input))
            }
        }
        return found.sorted { ($0.taskPath, $0.inputName) < ($1.taskPath, $1.inputName) }
    }
}
