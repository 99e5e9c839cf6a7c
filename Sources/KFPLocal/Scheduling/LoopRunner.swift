import Foundation
import KFPSpec

/// Runs a ParallelFor task: one run of the loop component's DAG per item (raw JSON list, list
/// parameter, or artifact list), at most `parallelismLimit` at a time, and gathers each iteration's
/// DAG outputs into lists in item order (`Collected`).
struct LoopRunner {
    let run: RunContext
    let path: TaskPath
    let task: PipelineTaskSpec
    let component: ComponentSpec
    let inputs: ResolvedInputs

    func run() async -> TaskOutcome {
        guard let dag = component.dag else {
            return .failed("a loop task must run a DAG component; '\(task.componentRef.name)' is not one")
        }
        let items: [Item]
        do {
            items = try loopItems()
        } catch {
            return .failed(error.message)
        }
        let limit = task.iteratorPolicy?.parallelismLimit ?? 0
        let width = limit > 0 ? limit : max(1, items.count)
        var results = [TaskOutcome?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, TaskOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count else { return }
                let index = next
                next += 1
                let item = items[index]
                group.addTask {
                    (index, await iteration(index, item: item, dag: dag))
                }
            }
            for _ in 0..<min(width, items.count) { startNext() }
            while let (index, outcome) = await group.next() {
                results[index] = outcome
                startNext()
            }
        }
        let outcomes = results.compactMap { $0 }
        var collected = TaskOutputs()
        for (name, _) in component.outputDefinitions?.parameters ?? [:] {
            collected.parameters[name] = .array(outcomes.compactMap { $0.outputs.parameters[name] })
        }
        for (name, _) in component.outputDefinitions?.artifacts ?? [:] {
            collected.artifacts[name] = outcomes.flatMap { $0.outputs.artifacts[name] ?? [] }
        }
        let failed = outcomes.enumerated().filter { $0.element.state == .failed }.map { "\($0.offset)" }
        if !failed.isEmpty {
            return TaskOutcome(state: .failed, outputs: collected,
                               message: "iteration \(failed.joined(separator: ", ")) of \(items.count) failed")
        }
        // A canceled iteration (a canceled run) cancels the loop, as a canceled task cancels its DAG.
        let canceled = outcomes.enumerated().filter { $0.element.state == .canceled }.map { "\($0.offset)" }
        if !canceled.isEmpty {
            return TaskOutcome(state: .canceled, outputs: collected,
                               message: "iteration \(canceled.joined(separator: ", ")) of \(items.count) was canceled")
        }
        return TaskOutcome(state: .succeeded, outputs: collected, iterations: outcomes.map(\.outputs))
    }

    private enum Item: Sendable {
        case parameter(JSONValue)
        case artifact(RuntimeArtifact)
    }

    private func iteration(_ index: Int, item: Item, dag: DagSpec) async -> TaskOutcome {
        var scopeInputs = inputs
        switch item {
        case .parameter(let value):
            if let name = task.parameterIterator?.itemInput { scopeInputs.parameters[name] = value }
        case .artifact(let artifact):
            if let name = task.artifactIterator?.itemInput { scopeInputs.artifacts[name] = [artifact] }
        }
        let iterationPath = path.appending("\(index)")
        do {
            let scope = try DagScopeBuilder.scope(for: component, inputs: scopeInputs, path: iterationPath)
            return await DagRunner(run: run).run(component: component, dag: dag, scope: scope)
        } catch {
            return .failed(error.message)
        }
    }

    private func loopItems() throws(TaskFailure) -> [Item] {
        if let iterator = task.artifactIterator {
            guard let name = iterator.items.inputArtifact, let list = inputs.artifacts[name] else {
                throw TaskFailure("loop items: input artifact '\(iterator.items.inputArtifact ?? "")' was not given")
            }
            return list.map(Item.artifact)
        }
        guard let items = task.parameterIterator?.items else { return [] }
        let value: JSONValue
        if let raw = items.raw {
            guard let parsed = try? JSONValue.parse(json: raw) else {
                throw TaskFailure("loop items: 'raw' is not JSON: \(raw)")
            }
            value = parsed
        } else if let name = items.inputParameter, let given = inputs.parameters[name] {
            value = given
        } else {
            throw TaskFailure("loop items: input parameter '\(items.inputParameter ?? "")' was not given")
        }
        switch value {
        case .array(let elements): return elements.map(Item.parameter)
        case .string(let text):
            if case .array(let elements)? = try? JSONValue.parse(json: text) { return elements.map(Item.parameter) }
            throw TaskFailure("loop items: expected a list, found the string '\(text.prefix(200))'")
        default:
            throw TaskFailure("loop items: expected a list, found \(value.kindName) \(value.compactJSON().prefix(200))")
        }
    }
}
