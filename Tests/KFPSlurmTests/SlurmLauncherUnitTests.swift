import Foundation
import KFPLocal
import Testing

@testable import KFPSlurm

/// A slurmrestd stand-in: submissions get ids 1, 2, ...; job states come from `states` in order
/// (the last one repeats), or an error when `states` says so.
actor FakeSlurmAPI: SlurmAPI {
    enum Answer: Sendable {
        case status(SlurmJobStatus?)
        case error(SlurmError)
    }

    nonisolated let version = "v0.0.38"
    nonisolated let baseURL = "http://fake:6820"
    private var answers: [Answer]
    private let submitError: SlurmError?
    private let nodeList: [SlurmNode]
    private(set) var submitted: [SlurmJobRequest] = []
    private(set) var canceled: [Int] = []

    init(answers: [Answer] = [], submitError: SlurmError? = nil, nodes: [SlurmNode] = []) {
        self.answers = answers
        self.submitError = submitError
        nodeList = nodes
    }

    func ping() async throws(SlurmError) {}

    func submit(_ job: SlurmJobRequest) async throws(SlurmError) -> Int {
        if let submitError { throw submitError }
        submitted.append(job)
        return submitted.count
    }

    func job(_ id: Int) async throws(SlurmError) -> SlurmJobStatus? {
        let answer = answers.count > 1 ? answers.removeFirst() : answers.first
        switch answer {
        case .status(let status): return status
        case .error(let error): throw error
        case nil: return nil
        }
    }

    func cancel(_ id: Int) async throws(SlurmError) {
        canceled.append(id)
        answers = [.status(SlurmJobStatus(state: "CANCELLED", waitStatus: 15))]
    }

    func nodes() async throws(SlurmError) -> [SlurmNode] { nodeList }

    nonisolated func shutdown() async {}
}

@Suite("Slurm launcher without a cluster")
struct SlurmLauncherUnitTests {
    static let configuration = SlurmConfiguration(
        url: URL(fileURLWithPath: "/"), user: "u", token: "t", partition: "main", gpuTypes: ["NVIDIA_TESLA_T4": "t4"],
        pollInterval: .milliseconds(10), unansweredLimit: .milliseconds(300))

    static func task(_ resources: TaskResources = TaskResources()) -> RemoteTask {
        RemoteTask(
            runID: "run-1", taskPath: "loop/0/train", attempt: 1, argv: ["python3", "-c", "print('x')"],
            environment: ["A": "1"], workingDirectory: URL(fileURLWithPath: "/shared/r/100%/train"),
            log: URL(fileURLWithPath: "/shared/r/100%/train/log.txt"), resources: resources)
    }

    static func status(_ state: String, wait: Int32 = 0, node: String? = "n1", reason: String? = nil) -> FakeSlurmAPI.Answer {
        .status(SlurmJobStatus(state: state, reason: reason, waitStatus: wait, node: node))
    }

    @Test("a task's resources become the job's CPUs (rounded up), MB, GPUs (typed when mapped) and minutes")
    func jobRequest() throws {
        let launcher = SlurmLauncher(configuration: Self.configuration, api: FakeSlurmAPI())
        let request = try launcher.jobRequest(for: Self.task(TaskResources(
            cpus: 1.2, memoryBytes: 1_500_000_000, accelerators: 2, acceleratorType: "NVIDIA_TESLA_T4", timeLimitSeconds: 61)))
        #expect(request.cpusPerTask == 2)
        #expect(request.memoryMB == 1431)
        #expect(request.gpus == "t4:2")
        #expect(request.timeLimitMinutes == 2)
        #expect(request.partition == "main")
        #expect(request.name == "kfp/loop/0/train")
        #expect(request.comment == "swift-kfp run run-1 task loop/0/train attempt 2")
        #expect(request.logPattern == "/shared/r/100%%/train/log.txt")
        #expect(request.workingDirectory == "/shared/r/100%/train")
        #expect(request.environment == ["A": "1", "PATH": "/usr/local/bin:/usr/bin:/bin"])
        #expect(request.script == "#!/bin/sh\ncd '/shared/r/100%/train' || exit 1\nexec 'python3' '-c' 'print('\\''x'\\'')'\n")
        let untyped = try launcher.jobRequest(for: Self.task(TaskResources(accelerators: 1, acceleratorType: "nvidia.com/gpu")))
        #expect(untyped.gpus == "1")
        #expect(untyped.cpusPerTask == nil && untyped.memoryMB == nil && untyped.timeLimitMinutes == nil)
    }

    @Test("exit codes come from the raw wait status; signals and Slurm's own endings are told apart")
    func endings() async {
        let watch = SlurmJobWatch(api: FakeSlurmAPI(), configuration: Self.configuration, jobID: 7, taskPath: "t")
        func ended(_ state: String, _ wait: Int32, reason: String? = nil) -> RemoteTaskOutcome {
            watch.ended(SlurmJobStatus(state: state, reason: reason, waitStatus: wait, node: "n2"))
        }
        #expect(ended("COMPLETED", 0) == RemoteTaskOutcome(status: .exited(0), node: "n2", jobID: "7"))
        #expect(ended("FAILED", 768).status == .exited(3))
        #expect(ended("FAILED", 9).status == .signaled(9))
        #expect(ended("FAILED", 0, reason: "JobLaunchFailure").status == .failed("job 7 of task 't' FAILED on node n2 (JobLaunchFailure) before its program could end"))
        #expect(ended("TIMEOUT", 15).status == .failed("job 7 of task 't' ran past its time limit on node n2 and was stopped"))
        #expect(ended("CANCELLED", 15).status == .failed("job 7 of task 't' was cancelled on node n2 outside this run"))
        #expect(ended("NODE_FAIL", 0, reason: "NodeDown").status == .failed("job 7 of task 't' ended NODE_FAIL on node n2 (NodeDown)"))
    }

    @Test("a job is followed until it ends, keeping the node it ran on")
    func follows() async {
        let api = FakeSlurmAPI(answers: [
            Self.status("PENDING", node: nil, reason: "Priority"), Self.status("RUNNING"), Self.status("COMPLETING"),
            Self.status("COMPLETED", wait: 2 << 8, node: nil),
        ])
        let launcher = SlurmLauncher(configuration: Self.configuration, api: api)
        let outcome = await launcher.run(Self.task())
        #expect(outcome == RemoteTaskOutcome(status: .exited(2), node: "n1", jobID: "1"))
    }

    @Test("when Slurm stops answering, the task fails after the bounded wait with the reason")
    func unanswered() async {
        let silence = SlurmError(.unanswered, "GET http://fake:6820/slurm/v0.0.38/job/1 got no answer: connection refused")
        let api = FakeSlurmAPI(answers: [Self.status("RUNNING"), .error(silence)])
        let launcher = SlurmLauncher(configuration: Self.configuration, api: api)
        let outcome = await launcher.run(Self.task())
        guard case .failed(let message) = outcome.status else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("job 1 of task 'loop/0/train' (last seen RUNNING on n1): Slurm has not answered for "))
        #expect(message.hasSuffix(" s: GET http://fake:6820/slurm/v0.0.38/job/1 got no answer: connection refused"))
        #expect(outcome.node == "n1")
    }

    @Test("a job Slurm forgets is a failure that says so")
    func vanished() async {
        let launcher = SlurmLauncher(configuration: Self.configuration, api: FakeSlurmAPI(answers: [Self.status("RUNNING"), .status(nil)]))
        let outcome = await launcher.run(Self.task())
        #expect(outcome.status == .failed("job 1 of task 'loop/0/train' is no longer known to Slurm at http://fake:6820 (last seen RUNNING on n1): the controller lost it or forgot it (MinJobAge)"))
    }

    @Test("a job pending for a reason no wait can change is canceled and fails")
    func hopeless() async {
        let api = FakeSlurmAPI(answers: [Self.status("PENDING", node: nil, reason: "PartitionTimeLimit")])
        let outcome = await SlurmLauncher(configuration: Self.configuration, api: api).run(Self.task())
        #expect(outcome.status == .failed("job 1 of task 'loop/0/train' cannot run: Slurm keeps it pending with reason PartitionTimeLimit"))
        #expect(await api.canceled == [1])
    }

    @Test("canceling the caller cancels the job")
    func cancel() async throws {
        let api = FakeSlurmAPI(answers: [Self.status("RUNNING")])
        let launcher = SlurmLauncher(configuration: Self.configuration, api: api)
        let running = Task { await launcher.run(Self.task()) }
        try await Task.sleep(for: .milliseconds(100))
        running.cancel()
        let outcome = await running.value
        #expect(outcome.status == .signaled(15))
        #expect(await api.canceled == [1])
    }

    @Test("a refused impossible request names the task and the resource beyond every node")
    func impossible() async {
        let refusal = SlurmError(.refused, "POST ... HTTP 500: Requested node configuration is not available (error 2014)", slurmCode: 2014)
        let nodes = [
            SlurmNode(name: "n1", cpus: 2, memoryMB: 4000, gpus: [:], partitions: ["main"]),
            SlurmNode(name: "n2", cpus: 2, memoryMB: 4000, gpus: ["": 1], partitions: ["main"]),
            SlurmNode(name: "big", cpus: 64, memoryMB: 512_000, gpus: ["": 8], partitions: ["other"]),
        ]
        func message(_ resources: TaskResources) async -> RemoteTaskOutcome.Status {
            let api = FakeSlurmAPI(submitError: refusal, nodes: nodes)
            return await SlurmLauncher(configuration: Self.configuration, api: api).run(Self.task(resources)).status
        }
        let suffix = "; Slurm refused the job: Requested node configuration is not available"
        #expect(await message(TaskResources(accelerators: 3)) == .failed("task 'loop/0/train' asks for 3 GPUs, but no node of partition 'main' has more than 1" + suffix))
        #expect(await message(TaskResources(accelerators: 1, acceleratorType: "NVIDIA_TESLA_T4")) == .failed("task 'loop/0/train' asks for 1 GPU of type 't4', but no node of partition 'main' has more than 0" + suffix))
        #expect(await message(TaskResources(cpus: 3)) == .failed("task 'loop/0/train' asks for 3 CPUs, but no node of partition 'main' has more than 2" + suffix))
        #expect(await message(TaskResources(memoryBytes: 8 << 30)) == .failed("task 'loop/0/train' asks for 8192 MB of memory, but no node of partition 'main' has more than 4000 MB" + suffix))
    }

    @Test("a job is looked at often while young, then less: 1 s after 10 s, 3 s after a minute")
    func pollIntervals() {
        #expect(SlurmJobWatch.interval(after: .seconds(2), base: .milliseconds(250)) == .milliseconds(250))
        #expect(SlurmJobWatch.interval(after: .seconds(30), base: .milliseconds(250)) == .seconds(1))
        #expect(SlurmJobWatch.interval(after: .seconds(90), base: .milliseconds(250)) == .seconds(3))
        #expect(SlurmJobWatch.interval(after: .seconds(90), base: .seconds(5)) == .seconds(5))
    }

    @Test("GPUs are read from a node's gres")
    func gres() {
        #expect(SlurmNode.gpus(inGres: "gpu:1") == ["": 1])
        #expect(SlurmNode.gpus(inGres: "gpu:tesla:2(S:0-1)") == ["tesla": 2])
        #expect(SlurmNode.gpus(inGres: "gpu:a:1,gpu:b:2,shard:4") == ["a": 1, "b": 2])
        #expect(SlurmNode.gpus(inGres: "") == [:])
    }

    @Test("settings come from options, else SLURM_URL, SLURM_USER and SLURM_JWT; a missing one is named")
    func configuration() throws {
        let resolved = try SlurmConfiguration.resolve(
            url: nil, user: nil, token: nil, environment: ["SLURM_URL": "http://head:6820", "SLURM_USER": "alice", "SLURM_JWT": "jwt"])
        #expect(resolved.url.absoluteString == "http://head:6820" && resolved.user == "alice" && resolved.token == "jwt")
        let given = try SlurmConfiguration.resolve(url: "https://h", user: "bob", token: "t2", environment: ["USER": "carol"])
        #expect(given.user == "bob" && given.token == "t2")
        #expect(throws: SlurmError.self) { try SlurmConfiguration.resolve(url: nil, user: "u", token: "t", environment: [:]) }
        #expect(throws: SlurmError.self) { try SlurmConfiguration.resolve(url: "ftp://x", user: "u", token: "t", environment: [:]) }
        do {
            _ = try SlurmConfiguration.resolve(url: "http://h:1", user: "dave", token: nil, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "no Slurm token: pass --slurm-token TOKEN or set SLURM_JWT (from `scontrol token username=dave`)")
        }
    }
}
