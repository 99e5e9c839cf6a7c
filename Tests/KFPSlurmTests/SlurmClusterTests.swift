import Foundation
import KFP
import KFPCompiler
import KFPLocal
import KFPSlurm
import KFPSpec
import KFPTestSupport
import Testing

/// Pipelines on the real two-node cluster of `scripts/slurm/cluster.sh` (n2 has the GPU), through
/// slurmrestd: where tasks ran, what a task asks of Slurm, failures that must come fast and say why,
/// and cancellation leaving no job behind.
@Suite("Slurm launcher on a real cluster", .enabled(if: SlurmTestCluster.isAvailable))
struct SlurmClusterTests {
    /// A task that sleeps a little and writes `<node> <CUDA_VISIBLE_DEVICES or none>`.
    static func whereComponent() throws -> Component {
        try Component.container(
            name: "where", inputs: [.parameter("item", .string)], outputs: [.parameter("node", .string)], image: "alpine",
            command: ["sh", "-c", "sleep 1; printf '%s %s' \"$SLURMD_NODENAME\" \"${CUDA_VISIBLE_DEVICES:-none}\" > \"$0\"", .outputParameterFile("node")])
    }

    static func launcher(unansweredLimit: Duration = .seconds(60)) throws -> SlurmLauncher {
        var configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: SlurmTestCluster.variables)
        configuration.partition = SlurmTestCluster.partition
        configuration.pythonEnvironmentsRoot = LocalRunnerOptions.defaultCacheFolder.appendingPathComponent("python")
        configuration.unansweredLimit = unansweredLimit
        return SlurmLauncher(configuration: configuration)
    }

    /// How a run goes through ``ContainerTestGate/shared``.
    enum Gate {
        /// With at most one other run.
        case shared
        /// With no other run (tasks that must land on both nodes).
        case alone
        /// Not at all: the caller holds the gate.
        case held
    }

    /// Runs `pipeline` on the cluster (at most two Slurm runs at once across the test process).
    static func run(
        _ pipeline: Pipeline, runID: String? = nil, maxParallel: Int = 2, gate: Gate = .shared,
        onEvent: @escaping @Sendable (TaskEvent) -> Void = { _ in }
    ) async throws -> LocalRun {
        let spec = try PipelineCompiler().compile(pipeline)
        let root = SlurmTestCluster.scratch("slurm-launcher")
        defer { try? FileManager.default.removeItem(at: root) }
        let slurm = try launcher()
        let options = LocalRunnerOptions(
            pipelineRoot: root, maxParallel: maxParallel, cachingEnabled: false, launcher: .remote(slurm), onEvent: onEvent)
        do {
            @Sendable func go() async throws -> LocalRun { try await LocalRunner(options: options).run(spec, runID: runID) }
            let run: LocalRun
            switch gate {
            case .shared: run = try await ContainerTestGate.shared.run(go)
            case .alone: run = try await ContainerTestGate.shared.runAlone(go)
            case .held: run = try await go()
            }
            await slurm.shutdown()
            return run
        } catch {
            await slurm.shutdown()
            throw error
        }
    }

    @Test("a fan-out's tasks run on both nodes and give their outputs")
    func fanOutOnBothNodes() async throws {
        let component = try Self.whereComponent()
        let pipeline = try Pipeline("fan-out") { p in
            p.parallelFor(["a", "b", "c", "d"]) { p, item in
                // Two CPUs fill a node, so two tasks at once cannot share one.
                p.task(component, ["item": item], options: .init(cachingEnabled: false, cpuLimit: "2"))
            }
        }
        // Alone on the cluster, so that no other test's job holds a node.
        let run = try await Self.run(pipeline, gate: .alone)
        #expect(run.state == .succeeded, "\(run.tasks.mapValues { $0.message ?? "" })")
        let tasks = run.tasks.filter { $0.key.hasSuffix("/where") }
        #expect(tasks.count == 4)
        #expect(Set(tasks.values.compactMap(\.node)) == SlurmTestCluster.nodes)
        for (path, record) in tasks {
            #expect(record.outputs.parameters["node"] == .string("\(record.node ?? "?") none"), "\(path)")
            #expect(record.slurmJobID.flatMap(Int.init) != nil, "\(path)")
        }
        #expect(Set(tasks.values.compactMap(\.slurmJobID)).count == 4)
        #expect(run.launcher.hasPrefix("slurm (http://"))
    }

    @Test("a GPU task runs on the GPU node and sees its GPU")
    func gpuTask() async throws {
        let component = try Self.whereComponent()
        let pipeline = try Pipeline("gpu") { p in
            p.task(component, ["item": "gpu"], options: .init(cachingEnabled: false, acceleratorType: "nvidia.com/gpu", acceleratorLimit: "1"))
        }
        let run = try await Self.run(pipeline)
        #expect(run.state == .succeeded, "\(run.tasks.mapValues { $0.message ?? "" })")
        #expect(run.tasks["where"]?.node == SlurmTestCluster.gpuNode)
        #expect(run.tasks["where"]?.outputs.parameters["node"] == .string("\(SlurmTestCluster.gpuNode) 0"))
        #expect(run.ignoredSettings == [])
    }

    @Test("three GPUs on a cluster with one fail at once, naming the task and the resource")
    func impossibleGPURequest() async throws {
        let component = try Self.whereComponent()
        let pipeline = try Pipeline("too-many-gpus") { p in
            p.task(component, ["item": "x"], options: .init(cachingEnabled: false, acceleratorType: "nvidia.com/gpu", acceleratorLimit: "3"))
        }
        let run = try await Self.run(pipeline)
        // Not a timing test: the job never reached the queue (no job id), so nothing waited for it;
        // the bound only shows the run did not sit pending (a loaded machine took 11.6 s).
        let elapsed = run.endTime - run.startTime
        #expect(run.state == .failed)
        #expect(run.tasks["where"]?.message == "task 'where' asks for 3 GPUs, but no node of partition 'main' has more than 1; Slurm refused the job: Requested node configuration is not available")
        #expect(run.tasks["where"]?.slurmJobID == nil)
        #expect(elapsed < 120, "took \(elapsed) s")
    }

    @Test("a failing task reports its exit status and log; a retried task succeeds on its second job")
    func exitStatusAndRetries() async throws {
        let failing = try Component.container(
            name: "fail", image: "alpine", command: ["sh", "-c", "echo 'about to fail' >&2; exit 3"])
        let flaky = try Component.container(
            name: "flaky", outputs: [.parameter("out", .string)], image: "alpine",
            command: ["sh", "-c", "if [ ! -e marker ]; then touch marker; exit 4; fi; printf ok > \"$0\"", .outputParameterFile("out")])
        let pipeline = try Pipeline("exits") { p in
            p.task(failing, options: .init(cachingEnabled: false))
            p.task(flaky, options: .init(cachingEnabled: false, retry: .init(maxRetryCount: 1)))
        }
        let events = EventLog()
        let run = try await Self.run(pipeline, onEvent: { events.append($0) })
        let failed = try #require(run.tasks["fail"])
        #expect(failed.state == .failed)
        let log = "\(failed.taskRoot ?? "")/log.txt"
        #expect(failed.message == "exited with status 3; last lines of \(log):\nabout to fail")
        #expect(failed.node.map(SlurmTestCluster.nodes.contains) == true)
        #expect(run.tasks["flaky"]?.state == .succeeded)
        #expect(run.tasks["flaky"]?.outputs.parameters == ["out": "ok"])
        #expect(events.messages(of: "flaky").contains("attempt 1 failed; retrying in 0.0 s"))
    }

    @Test("canceling a run cancels its jobs: squeue lists none of them afterwards")
    func cancelLeavesNoJob() async throws {
        let sleeper = try Component.container(name: "sleeper", image: "alpine", command: ["sh", "-c", "sleep 600"])
        let pipeline = try Pipeline("cancel") { p in
            p.parallelFor(["a", "b"]) { p, _ in p.task(sleeper, options: .init(cachingEnabled: false)) }
        }
        let runID = "cancel-\(UUID().uuidString.lowercased())"
        // The gate is held around the whole test, so that the wait for the jobs starts with the run.
        let (run, jobs) = try await ContainerTestGate.shared.run {
            let running = Task { try await Self.run(pipeline, runID: runID, gate: .held) }
            var jobs: [String] = []
            // At most 5 minutes on a loaded machine.
            for _ in 0..<1200 where jobs.count < 2 {
                try await Task.sleep(for: .milliseconds(250))
                jobs = try SlurmTestCluster.jobs(containing: runID, state: "RUNNING")
            }
            running.cancel()
            return (try await running.value, jobs)
        }
        #expect(jobs.count == 2)
        #expect(run.state == .canceled, "\(run.tasks.mapValues { "\($0.state) \($0.message ?? "")" })")
        let recorded = run.tasks.values.compactMap(\.slurmJobID)
        #expect(Set(recorded) == Set(jobs))
        #expect(try SlurmTestCluster.queued(jobs) == [])
        #expect(try SlurmTestCluster.jobs(containing: runID) == [])
    }

    @Test("a URL where no slurmrestd answers fails the run before it starts, naming the URL")
    func unreachable() async throws {
        var configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: SlurmTestCluster.variables)
        configuration.url = URL(string: "http://127.0.0.1:9")!
        let slurm = SlurmLauncher(configuration: configuration)
        let component = try Self.whereComponent()
        let spec = try PipelineCompiler().compile(try Pipeline("unreachable") { p in p.task(component, ["item": "x"]) })
        let root = SlurmTestCluster.scratch("unreachable")
        await #expect {
            try await LocalRunner(options: .init(pipelineRoot: root, launcher: .remote(slurm))).run(spec)
        } throws: { error in
            "\(error)".hasPrefix("the Slurm launcher cannot reach the cluster: GET http://127.0.0.1:9/slurm/v0.0.38/ping got no answer: ")
        }
        await slurm.shutdown()
        try? FileManager.default.removeItem(at: root)
    }
}

/// Task events collected from the runner's callback.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [TaskEvent] = []

    func append(_ event: TaskEvent) { lock.withLock { events.append(event) } }

    func messages(of taskPath: String) -> [String] {
        lock.withLock { events.filter { $0.taskPath == taskPath }.compactMap(\.message) }
    }
}
