import Foundation
import KFPSpec

/// Runs the tasks of one DAG: each task starts as soon as the tasks it depends on are done,
/// in a task group (structured concurrency); executors are bounded run-wide by ``ExecutionSlots``.
///
/// Scheduling is linear in the number of tasks and edges: each task keeps a count of unfinished
/// upstream tasks, and each finished task wakes only its own dependents.
struct DagRunner: Sendable {
    let run: RunContext

    /// Runs `dag` of `component` in `scope` and returns the DAG's own outcome (state and `dag.outputs`).
    func run(component: ComponentSpec, dag: DagSpec, scope: DagScope) async -> TaskOutcome {
        let tasks = dag.tasks ?? [:]
        var upstream: [String: [String]] = [:]
        var dependents: [String: [String]] = [:]
        var pending: [String: Int] = [:]
        for (name, task) in tasks {
            let names = task.upstreamTaskNames.filter { tasks[$0] != nil }.sorted()
            upstream[name] = names
            pending[name] = names.count
            for producer in names { dependents[producer, default: []].append(name) }
        }
        var outcomes: [String: TaskOutcome] = [:]
        var ready = tasks.keys.filter { pending[$0] == 0 }.sorted()[...]
        // Ready tasks beyond this many wait unstarted (cheap) instead of as suspended child tasks
        // holding their inputs (memory); executors are bounded by the run's slots anyway.
        let inFlightLimit = max(64, 8 * run.options.maxParallel)
        var inFlight = 0

        await withTaskGroup(of: (String, TaskOutcome).self) { group in
            func startReady() {
                while inFlight < inFlightLimit, let name = ready.popFirst() {
                    guard let task = tasks[name] else { continue }
                    inFlight += 1
                    var siblings: [String: TaskOutcome] = [:]
                    for producer in upstream[name] ?? [] { siblings[producer] = outcomes[producer] }
                    let inputs = siblings
                    group.addTask {
                        let runner = TaskRunner(run: run, name: name, task: task, scope: scope, siblings: inputs)
                        return (name, await runner.run())
                    }
                }
            }
            startReady()
            while let (name, outcome) = await group.next() {
                outcomes[name] = outcome
                inFlight -= 1
                var woken: [String] = []
                for dependent in dependents[name] ?? [] {
                    pending[dependent, default: 1] -= 1
                    if pending[dependent] == 0 { woken.append(dependent) }
                }
                if !woken.isEmpty { ready = (ready + woken.sorted())[...] }
                startReady()
            }
        }
        for name in tasks.keys where outcomes[name] == nil {
            outcomes[name] = .failed("task '\(name)' never became ready: its dependencies form a cycle")
        }
        return DagOutputResolver(component: component, dag: dag, outcomes: outcomes).outcome()
    }
}

/// The tasks a task waits for (see `PipelineTaskSpec.upstreamTaskNames`).
enum TaskDependencies {
    static func upstream(of task: PipelineTaskSpec) -> Set<String> {
        task.upstreamTaskNames
    }
}
