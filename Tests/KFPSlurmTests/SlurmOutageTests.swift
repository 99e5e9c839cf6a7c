import Foundation
import KFP
import KFPCompiler
import KFPLocal
import KFPSlurm
import KFPSpec
import KFPTestSupport
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// A second, throwaway cluster whose controller is killed while a task runs: the run fails after
/// the bounded wait with the reason, and a rerun on the suite's cluster resumes it, the task that
/// had finished coming from the cache.
@Suite("Slurm controller outage", .enabled(if: SlurmTestCluster.isAvailable && getuid() == 0))
struct SlurmOutageTests {
    /// `cluster.sh start|stop DIR` with its own prefix.
    struct Cluster {
        let folder: URL
        let prefix: String

        static var script: URL { TestEnvironment.packageRoot.appendingPathComponent("scripts/slurm/cluster.sh") }

        /// Runs the script with swift-subprocess, which waits for the script itself (Foundation's
        /// `Process` waits until every inheritor of its descriptors is gone: the daemons).
        func control(_ verb: String) async throws -> Bool {
            var environment: [Environment.Key: String] = [:]
            for (key, value) in ProcessInfo.processInfo.environment where !key.hasPrefix("SLURM") && !key.hasPrefix("KFP_SLURM") {
                environment[Environment.Key(stringLiteral: key)] = value
            }
            environment["KFP_SLURM_PREFIX"] = prefix
            let result = try await Subprocess.run(
                .path(FilePath(Self.script.path)), arguments: [verb, folder.path], environment: .custom(environment),
                output: .discarded, error: .discarded)
            return result.terminationStatus.isSuccess
        }

        /// `SLURM_URL`, `SLURM_USER` and `SLURM_JWT` of its `env.sh`.
        func variables() throws -> [String: String] {
            let text = try String(contentsOf: folder.appendingPathComponent("env.sh"), encoding: .utf8)
            var found: [String: String] = [:]
            for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                found[pair[0]] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            }
            return found
        }

        /// The PID of one of its daemons (`slurmctld`), from its pids file.
        func pid(of daemon: String) throws -> pid_t? {
            let text = try String(contentsOf: folder.appendingPathComponent("run/pids"), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline) {
                let fields = line.split(separator: " ")
                if fields.count == 2, fields[0] == daemon { return pid_t(String(fields[1])) }
            }
            return nil
        }
    }

    /// `first` writes a value; `wait` (after it) sleeps `seconds`.
    static func pipeline() throws -> Pipeline {
        let first = try Component.container(
            name: "first", outputs: [.parameter("out", .string)], image: "alpine",
            command: ["sh", "-c", "printf done > \"$0\"", .outputParameterFile("out")])
        let wait = try Component.container(
            name: "wait", inputs: [.parameter("seconds", .numberInteger), .parameter("after", .string)], image: "alpine",
            command: ["sh", "-c", "sleep \"$0\"", .inputValue("seconds")])
        return try Pipeline("outage") { p in
            let seconds = p.parameter("seconds", .numberInteger, default: 1)
            let done = p.task(first)
            p.task(wait, ["seconds": seconds, "after": done.outputs["out"]])
        }
    }

    @Test("a dead controller fails the run after the bounded wait with the reason; a rerun resumes from the cache")
    func controllerDies() async throws {
        let base = URL(fileURLWithPath: "/tmp").appendingPathComponent("kfp-outage-\(UUID().uuidString.prefix(8))")
        let cluster = Cluster(folder: base.appendingPathComponent("cluster"), prefix: "kfpo" + UUID().uuidString.prefix(4).lowercased())
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        _ = chmod(base.path, 0o755)
        let status = try await cluster.control("start")
        let outcome = await Task { try await Self.runThrough(cluster, started: status, base: base) }.result
        _ = try? await cluster.control("stop")
        try? FileManager.default.removeItem(at: base)
        try outcome.get()
    }

    static func runThrough(_ cluster: Cluster, started status: Bool, base: URL) async throws {
        try #require(status, "the second cluster started")
        var configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: try cluster.variables())
        configuration.unansweredLimit = .seconds(4)
        configuration.requestTimeout = .seconds(2)
        let dying = SlurmLauncher(configuration: configuration)
        let spec = try PipelineCompiler().compile(try Self.pipeline())
        let root = base.appendingPathComponent("root")
        let runID = "outage-\(UUID().uuidString.prefix(8).lowercased())"
        let waitLog = root.appendingPathComponent("outage/\(runID)/wait/log.txt")
        let first = try await ContainerTestGate.shared.run {
            let running = Task {
                try await LocalRunner(options: .init(pipelineRoot: root, launcher: .remote(dying))).run(spec, arguments: ["seconds": 600], runID: runID)
            }
            // The log appears when the job starts on its node.
            for _ in 0..<240 where !FileManager.default.fileExists(atPath: waitLog.path) {
                try await Task.sleep(for: .milliseconds(250))
            }
            // A few polls later the launcher has seen the job RUNNING.
            try await Task.sleep(for: .seconds(1))
            let controller = try #require(try cluster.pid(of: "slurmctld"))
            kill(controller, SIGKILL)
            let started = ContinuousClock.now
            let run = try await running.value
            return (run, ContinuousClock.now - started)
        }
        await dying.shutdown()
        let (run, elapsed) = first
        #expect(run.state == .failed)
        #expect(run.tasks["first"]?.state == .succeeded)
        let message = run.tasks["wait"]?.message ?? ""
        #expect(message.hasPrefix("job 2 of task 'wait' (last seen RUNNING on n"), "\(message)")
        #expect(message.contains("): Slurm has not answered for "), "\(message)")
        #expect(elapsed < .seconds(30), "took \(elapsed)")

        let slurm = try SlurmClusterTests.launcher()
        let rerun = try await ContainerTestGate.shared.run {
            try await LocalRunner(options: .init(pipelineRoot: root, launcher: .remote(slurm))).run(spec, arguments: ["seconds": 1])
        }
        await slurm.shutdown()
        #expect(rerun.state == .succeeded, "\(rerun.tasks.mapValues { $0.message ?? "" })")
        #expect(rerun.tasks["first"]?.cached == true)
        #expect(rerun.tasks["first"]?.slurmJobID == nil)
        #expect(rerun.tasks["wait"]?.cached == false)
        #expect(rerun.tasks["wait"]?.slurmJobID != nil)
    }
}
