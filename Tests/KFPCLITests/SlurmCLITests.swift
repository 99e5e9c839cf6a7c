import Foundation
import KFP
import KFPCompiler
import KFPSpec
import KFPTestSupport
import Testing

/// `kfp local run --launcher slurm`: the options reach the launcher, `--json` names each task's
/// node and Slurm job, and a missing or misplaced setting is one error line with exit status 2.
@Suite("kfp local run --launcher slurm", .enabled(if: CLIHarness.executable != nil))
struct SlurmCLITests {
    /// Two tasks that each fill a node (two CPUs), writing the node they ran on (or sleeping).
    static func pipelineFile(in folder: URL, sleeping: Bool = false) throws -> URL {
        let script = sleeping ? "sleep 600" : "printf %s \"$SLURMD_NODENAME\" > \"$0\""
        let component = try Component.container(
            name: "where", inputs: [.parameter("item", .string)], outputs: [.parameter("node", .string)], image: "alpine",
            command: ["sh", "-c", .init(stringLiteral: script), .outputParameterFile("node")])
        let pipeline = try Pipeline("cli-slurm") { p in
            p.parallelFor(["a", "b"]) { p, item in
                p.task(component, ["item": item], options: .init(cachingEnabled: false, cpuLimit: "2"))
            }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("pipeline.yaml")
        try SpecWriter().write(try PipelineCompiler().compile(pipeline)).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func kfp(_ arguments: [String], environment: [String: String], scratch: URL) async throws -> (status: Int32, output: String, errors: String) {
        let executable = try #require(CLIHarness.executable)
        // Exactly `environment`: variables of this process it leaves out are removed.
        var variables: [String: String?] = environment.mapValues { $0 }
        for key in ProcessInfo.processInfo.environment.keys where environment[key] == nil { variables[key] = .some(nil) }
        let run = try await ProgramRun.run(executable, arguments, environment: variables)
        return (run.status, run.output, run.errors)
    }

    @Test("--json names each task's node and Slurm job", .enabled(if: SlurmTestCluster.isAvailable))
    func json() async throws {
        let folder = SlurmTestCluster.scratch("cli-slurm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.pipelineFile(in: folder)
        // Alone on the cluster, so that no other test's job holds a node.
        let result = try await ContainerTestGate.shared.runAlone {
            try await Self.kfp(
                ["local", "run", file.path, "--launcher", "slurm", "--slurm-partition", SlurmTestCluster.partition,
                 "--pipeline-root", folder.appendingPathComponent("root").path, "--json"],
                environment: ProcessInfo.processInfo.environment, scratch: folder)
        }
        #expect(result.status == 0, "\(result.errors)")
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
        #expect(report["launcher"]?.stringValue?.hasPrefix("slurm (http://") == true)
        #expect(report["launcher"]?.stringValue?.hasSuffix(", partition \(SlurmTestCluster.partition))") == true)
        let tasks = (report["tasks"]?.objectValue ?? [:]).filter { $0.key.hasSuffix("/where") }
        #expect(tasks.count == 2)
        #expect(Set(tasks.values.compactMap { $0["node"]?.stringValue }) == SlurmTestCluster.nodes)
        for (path, task) in tasks {
            #expect(task["outputs"]?["parameters"]?["node"] == task["node"], "\(path)")
            #expect(task["slurm_job_id"]?.stringValue.flatMap { Int($0) } != nil, "\(path)")
        }
    }

    @Test("Ctrl-C cancels the run's jobs: squeue lists none of them, the run ends CANCELED", .enabled(if: SlurmTestCluster.isAvailable))
    func interrupt() async throws {
        let folder = SlurmTestCluster.scratch("cli-slurm-interrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.pipelineFile(in: folder, sleeping: true)
        let root = folder.appendingPathComponent("root")
        let executable = try #require(CLIHarness.executable)
        try await ContainerTestGate.shared.run {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["local", "run", file.path, "--launcher", "slurm", "--pipeline-root", root.path, "--json"]
            let output = folder.appendingPathComponent("stdout")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            let ended = AsyncStream<Int32> { continuation in
                process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
            }
            try process.run()
            var jobs: [String] = []
            for _ in 0..<240 where jobs.count < 2 {
                try await Task.sleep(for: .milliseconds(250))
                jobs = try SlurmTestCluster.jobs(containing: root.path, state: "RUNNING")
            }
            #expect(jobs.count == 2)
            kill(process.processIdentifier, SIGINT)
            var status: Int32 = -1
            for await value in ended { status = value }
            #expect(status == 1)
            #expect(try SlurmTestCluster.jobs(containing: root.path) == [])
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: output))
            #expect(report["state"]?.stringValue == "CANCELED")
            let recorded = (report["tasks"]?.objectValue ?? [:]).values.compactMap { $0["slurm_job_id"]?.stringValue }
            #expect(Set(recorded) == Set(jobs))
        }
    }

    @Test("without a URL, or with --slurm-* but another launcher, one error line and exit status 2")
    func settingErrors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-cli-slurm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.pipelineFile(in: folder)
        var environment = ProcessInfo.processInfo.environment
        for name in ["SLURM_URL", "SLURM_JWT", "SLURM_USER"] { environment[name] = nil }
        let missing = try await Self.kfp(["local", "run", file.path, "--launcher", "slurm"], environment: environment, scratch: folder)
        #expect(missing.status == 2)
        #expect(missing.errors == "error: no slurmrestd URL: pass --slurm-url URL or set SLURM_URL\n")
        let misplaced = try await Self.kfp(
            ["local", "run", file.path, "--slurm-partition", "main"], environment: environment, scratch: folder)
        #expect(misplaced.status == 2)
        #expect(misplaced.errors == "error: the --slurm-* options need --launcher slurm\n")
    }
}
