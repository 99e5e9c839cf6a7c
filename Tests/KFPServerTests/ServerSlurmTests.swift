import Foundation
import KFP
import KFPCompiler
import KFPSpec
import KFPTestSupport
import Testing

/// `kfp server --launcher slurm` (the built `kfp` executable, with `SLURM_URL`, `SLURM_USER` and
/// `SLURM_JWT` from the test cluster): a run created through the API executes its tasks as Slurm
/// jobs, its task details name the node (`pod_name`) and the job (`executor_detail.main_job`), and
/// terminating a run cancels its jobs.
@Suite("kfp server with the Slurm launcher", .enabled(if: SlurmTestCluster.isAvailable && ServerProcess.executable != nil))
struct ServerSlurmTests {
    static func start(_ data: URL) throws -> ServerProcess {
        let executable = try #require(ServerProcess.executable)
        return try ServerProcess(
            executable: executable, data: data, arguments: ["--launcher", "slurm", "--slurm-partition", SlurmTestCluster.partition])
    }

    /// Two tasks, each filling a node (two CPUs), that write the node they ran on; or one that sleeps.
    static func pipeline(sleeping: Bool) throws -> JSONValue {
        let script = sleeping ? "sleep 600" : "sleep 1; printf %s \"$SLURMD_NODENAME\" > \"$0\""
        let component = try Component.container(
            name: "where", inputs: [.parameter("item", .string)], outputs: [.parameter("node", .string)], image: "alpine",
            command: ["sh", "-c", .init(stringLiteral: script), .outputParameterFile("node")])
        let pipeline = try Pipeline(sleeping ? "slurm-sleeper" : "slurm-fan-out") { p in
            p.parallelFor(["a", "b"]) { p, item in
                p.task(component, ["item": item], options: .init(cachingEnabled: false, cpuLimit: "2"))
            }
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }

    /// Starts `kfp server --launcher slurm`, creates a run of ``pipeline(sleeping:)`` through the
    /// API and hands `body` the client and the run's id; stops the server afterwards.
    /// Alone on the cluster when the tasks must land on both nodes.
    static func withRun(sleeping: Bool, _ body: @Sendable (TestClient, String) async throws -> Void) async throws {
        @Sendable func go() async throws {
            let data = SlurmTestCluster.scratch("server-slurm")
            let server = try Self.start(data)
            defer {
                server.stop()
                try? FileManager.default.removeItem(at: data)
            }
            let client = TestClient(base: server.base)
            let (status, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
                "display_name": "on slurm", "pipeline_spec": try Self.pipeline(sleeping: sleeping),
            ])
            #expect(status == 200)
            try await body(client, try #require(created["run_id"]?.stringValue))
        }
        if sleeping { try await ContainerTestGate.shared.run(go) } else { try await ContainerTestGate.shared.runAlone(go) }
    }

    @Test("a run submitted through the API runs on the nodes, and its task details name them")
    func runsOnNodes() async throws {
        try await Self.withRun(sleeping: false) { client, id in
            let run = try await client.waitForState(id, ["SUCCEEDED", "FAILED", "CANCELED"])
            #expect(run["state"]?.stringValue == "SUCCEEDED", "\(run["error"] ?? .null)")
            let tasks = run["run_details"]?["task_details"]?.arrayValue ?? []
            let ran = tasks.filter { $0["display_name"]?.stringValue?.hasSuffix("/where") == true }
            #expect(ran.count == 2)
            #expect(Set(ran.compactMap { $0["pod_name"]?.stringValue }) == SlurmTestCluster.nodes)
            for task in ran {
                #expect(task["executor_detail"]?["main_job"]?.stringValue.flatMap { Int($0) } != nil, "\(task)")
            }
        }
    }

    @Test("terminating a run cancels its jobs: squeue lists none of them")
    func terminate() async throws {
        try await Self.withRun(sleeping: true) { client, id in
            var jobs: [String] = []
            for _ in 0..<240 where jobs.count < 2 {
                try await Task.sleep(for: .milliseconds(250))
                jobs = try SlurmTestCluster.jobs(containing: id, state: "RUNNING")
            }
            #expect(jobs.count == 2)
            let (status, _) = try await client.call("POST", "/apis/v2beta1/runs/\(id):terminate")
            #expect(status == 200)
            let run = try await client.waitForState(id, ["CANCELED", "FAILED", "SUCCEEDED"])
            #expect(run["state"]?.stringValue == "CANCELED")
            var left = jobs
            for _ in 0..<100 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
                left = try SlurmTestCluster.jobs(containing: id)
            }
            #expect(left == [])
        }
    }
}
