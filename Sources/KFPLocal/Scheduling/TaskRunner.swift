import Foundation
import KFPCEL
import KFPSpec

/// Runs one task of a DAG: checks its upstream tasks and condition, resolves its inputs, then runs
/// its loop, its sub-DAG or its executor, and records the outcome.
struct TaskRunner {
    let run: RunContext
    let name: String
    let task: PipelineTaskSpec
    let scope: DagScope
    let siblings: [String: TaskOutcome]

    var path: TaskPath { scope.path.appending(name) }

    func run() async -> TaskOutcome {
        let started = Date()
        let outcome = await evaluate()
        let duration = outcome.state == .skipped ? 0 : Date().timeIntervalSince(started)
        let missReason = outcome.message.flatMap { $0.hasPrefix("cache miss: ") ? String($0.dropFirst(12)) : nil }
        let message = missReason == nil && outcome.message != "cache hit" ? outcome.message : nil
        let taskRoot = component?.executorLabel != nil && outcome.state != .skipped && !outcome.cached
            ? run.taskRoot(path).path : nil
        await run.recorder.record(path, TaskRecord(
            state: outcome.state, cached: outcome.cached, outputs: outcome.outputs, message: message,
            cacheMissReason: missReason, duration: duration, taskRoot: taskRoot, node: outcome.node, slurmJobID: outcome.jobID))
        run.emit(
            path, outcome.state, duration: duration, cached: outcome.cached,
            message: message ?? missReason.map { "cache miss: \($0)" }, outputs: outcome.outputs, taskRoot: taskRoot,
            node: outcome.node, jobID: outcome.jobID)
        return outcome
    }

    private var component: ComponentSpec? { run.spec.component(named: task.componentRef.name) }

    private func evaluate() async -> TaskOutcome {
        if Task.isCancelled {
            return TaskOutcome(state: .canceled, message: "the run was canceled before this task started")
        }
        if task.triggerPolicy?.strategy != .allUpstreamTasksCompleted {
            for upstream in TaskDependencies.upstream(of: task).sorted() {
                if let outcome = siblings[upstream], outcome.state != .succeeded {
                    return .skipped("upstream task '\(upstream)' ended \(outcome.state.rawValue)")
                }
            }
        }
        guard let component else {
            return .failed("component '\(task.componentRef.name)' does not exist in the spec")
        }
        let inputs: ResolvedInputs
        do {
            inputs = try TaskInputResolver(run: run, taskName: name, task: task, scope: scope, siblings: siblings,
                                           definitions: component.inputDefinitions).resolve()
        } catch {
            return .failed(error.message)
        }
        if let condition = task.triggerPolicy?.condition, !condition.isEmpty {
            do {
                let artifacts = inputs.artifacts.mapValues { list in
                    JSONValue.object(["artifacts": .array(list.map { .object(["uri": .string($0.uri)]) })])
                }
                guard try CELProgram(condition).evaluateCondition(parameterValues: inputs.parameters, artifacts: artifacts) else {
                    return .skipped("condition is false: \(condition)")
                }
            } catch {
                return .failed("condition cannot be evaluated: \(condition): \(error)")
            }
        }
        run.emit(path, .running)
        if task.parameterIterator != nil || task.artifactIterator != nil {
            return await LoopRunner(run: run, path: path, task: task, component: component, inputs: inputs).run()
        }
        return await execute(component, inputs: inputs)
    }

    private func execute(_ component: ComponentSpec, inputs: ResolvedInputs) async -> TaskOutcome {
        if let dag = component.dag {
            do {
                let scope = try DagScopeBuilder.scope(for: component, inputs: inputs, path: path)
                return await DagRunner(run: run).run(component: component, dag: dag, scope: scope)
            } catch {
                return .failed(error.message)
            }
        }
        guard let label = component.executorLabel, let executor = run.spec.executor(labeled: label) else {
            return .failed("executor '\(component.executorLabel ?? "")' does not exist in the spec")
        }
        if let container = executor.container {
            return await ContainerExecution(run: run, path: path, taskName: name, task: task, component: component,
                                            container: container, inputs: inputs).execute()
        }
        if let importer = executor.importer {
            return ImporterExecution(run: run, taskName: name, component: component, importer: importer, inputs: inputs).execute()
        }
        return .failed("executor '\(label)' is a \(executor.resolver != nil ? "resolver" : "custom job"), which runs only on Vertex AI; the local runner runs containers and importers")
    }
}

/// The scope a sub-DAG runs in: the task's resolved inputs plus the component's declared defaults.
enum DagScopeBuilder {
    static func scope(for component: ComponentSpec, inputs: ResolvedInputs, path: TaskPath) throws(TaskFailure) -> DagScope {
        var parameters = inputs.parameters
        for (name, definition) in component.inputDefinitions?.parameters ?? [:] where parameters[name] == nil {
            if let value = definition.defaultValue {
                parameters[name] = try ParameterValues.convert(value, to: definition.parameterType ?? .unspecified)
            }
        }
        return DagScope(path: path, parameters: parameters, artifacts: inputs.artifacts)
    }
}
