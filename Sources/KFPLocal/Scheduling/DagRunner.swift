import Foundation
import KFPSpec

/// Runs the tasks of one DAG: each task starts as soon as the tasks it depends on are done,
/// in a task group (structured concurrency); executors are bounded run-wide by ``ExecutionSlots``.
struct DagRunner: Sendable {
    let run: RunContext

    /// Runs `dag` of `component` in `scope` and returns the DAG's own outcome (state and `dag.outputs`).
    func run(component: ComponentSpec, dag: DagSpec, scope: DagScope) async -> TaskOutcome {
        let tasks = dag.tasks ?? [:]
        let upstream = tasks.mapValues { TaskDependencies.upstream(of: $0).filter { tasks[$0] != nil } }
        var outcomes: [String: TaskOutcome] = [:]
        var waiting = Set(tasks.keys)

        await withTaskGroup(of: (String, TaskOutcome).self) { group in
            func startReady() {
                for name in waiting.sorted() where (upstream[name] ?? []).allSatisfy({ outcomes[$0] != nil }) {
                    waiting.remove(name)
                    guard let task = tasks[name] else { continue }
                    let snapshot = outcomes
                    group.addTask {
                        let runner = TaskRunner(run: run, name: name, task: task, scope: scope, siblings: snapshot)
                        return (name, await runner.run())
                    }
                }
            }
            startReady()
            while let (name, outcome) = await group.next() {
                outcomes[name] = outcome
                startReady()
            }
        }
        for name in waiting {
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
