import KFPSpec

/// Computes a DAG's outcome from its tasks' outcomes: FAILED if any task failed, and the
/// `dag.outputs` selected from its subtasks (`valueFromParameter`, `valueFromOneof`, artifact selectors).
struct DagOutputResolver {
    let component: ComponentSpec
    let dag: DagSpec
    let outcomes: [String: TaskOutcome]

    func outcome() -> TaskOutcome {
        let failures = outcomes.filter { $0.value.state == .failed || $0.value.state == .canceled }.keys.sorted()
        if !failures.isEmpty {
            let names = failures.map { "'\($0)'" }.joined(separator: ", ")
            let state: TaskState = outcomes.values.contains { $0.state == .failed } ? .failed : .canceled
            return TaskOutcome(state: state, outputs: partialOutputs(), message: "task \(names) did not succeed")
        }
        var outputs = TaskOutputs()
        for (name, output) in dag.outputs?.parameters ?? [:] {
            let values = output.selectors.compactMap { selector in
                parameter(selector.producerSubtask, selector.outputParameterKey)
            }
            if let value = values.first {
                outputs.parameters[name] = value
            } else if output.valueFromOneof != nil {
                return .failed("no branch of OneOf output '\(name)' produced a value")
            }
        }
        for (name, output) in dag.outputs?.artifacts ?? [:] {
            let selectors = output.artifactSelectors ?? []
            let found = selectors.compactMap { artifacts($0.producerSubtask, $0.outputArtifactKey) }
            if let value = found.first {
                outputs.artifacts[name] = value
            } else if selectors.count > 1 {
                return .failed("no branch of OneOf output '\(name)' produced an artifact")
            }
        }
        return TaskOutcome(state: .succeeded, outputs: outputs)
    }

    /// What outputs exist even though the DAG failed (for a failed run's summary).
    private func partialOutputs() -> TaskOutputs {
        var outputs = TaskOutputs()
        for (name, output) in dag.outputs?.parameters ?? [:] {
            if let value = output.selectors.lazy.compactMap({ parameter($0.producerSubtask, $0.outputParameterKey) }).first {
                outputs.parameters[name] = value
            }
        }
        return outputs
    }

    private func parameter(_ task: String, _ key: String) -> JSONValue? {
        guard let outcome = outcomes[task], outcome.state == .succeeded else { return nil }
        return outcome.outputs.parameters[key]
    }

    private func artifacts(_ task: String, _ key: String) -> [RuntimeArtifact]? {
        guard let outcome = outcomes[task], outcome.state == .succeeded else { return nil }
        return outcome.outputs.artifacts[key]
    }
}
