import Foundation
import KFPLocal
import KFPSlurm
import KFPSpec
import KFPTestSupport
import Testing

/// The Python corpus pipelines of the podman differential, run with the subprocess launcher and as
/// Slurm jobs on the real two-node cluster (their managed environments made on this machine, in a
/// folder the nodes see): the same tasks end in the same states with the same outputs and
/// artifact contents, and every task that ran names its node and job.
@Suite("Subprocess and Slurm give the same runs", .enabled(if: SlurmTestCluster.isAvailable && TestEnvironment.corpus != nil))
struct SlurmDifferentialTests {
    @Test("same task states, outputs and artifact contents", arguments: PodmanDifferentialTests.names)
    func sameRun(_ file: String) async throws {
        let arguments = PodmanDifferentialTests.cases.first { $0.file == file }?.arguments ?? [:]
        let corpus = try #require(TestEnvironment.corpus)
        let url = corpus.appendingPathComponent("pipelines/valid/\(file).yaml")
        let spec = try SpecLoader(file: url.path).loadPipelineSpec(String(contentsOf: url, encoding: .utf8))
        let scratch = SlurmTestCluster.scratch("slurm-diff")
        var passed = false
        defer {
            if passed { try? FileManager.default.removeItem(at: scratch) } else { print("slurm differential: \(file): kept \(scratch.path)") }
        }
        var configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: SlurmTestCluster.variables)
        configuration.partition = SlurmTestCluster.partition
        configuration.pythonEnvironmentsRoot = LocalRunnerOptions.defaultCacheFolder.appendingPathComponent("python")
        let slurm = SlurmLauncher(configuration: configuration)
        @Sendable func run(_ launcher: TaskLauncherKind, _ side: String) async throws -> LocalRun {
            let runner = LocalRunner(options: LocalRunnerOptions(
                pipelineRoot: scratch.appendingPathComponent(side), maxParallel: 2, cachingEnabled: false, launcher: launcher))
            return try await LocalOracleTests.withTimeout(seconds: 600) { try await runner.run(spec, arguments: arguments) }
        }
        let here = try await run(.subprocess, "subprocess")
        let onSlurm: LocalRun
        do {
            onSlurm = try await ContainerTestGate.shared.run { try await run(.remote(slurm), "slurm") }
            await slurm.shutdown()
        } catch {
            await slurm.shutdown()
            throw error
        }
        var differences = RunComparison.differences(here, onSlurm)
        for (path, record) in onSlurm.tasks where record.taskRoot != nil {
            if record.node.map(SlurmTestCluster.nodes.contains) != true || record.slurmJobID == nil {
                differences.append("\(path): ran without a node and job id (node \(record.node ?? "-"), job \(record.slurmJobID ?? "-"))")
            }
        }
        for difference in differences {
            Issue.record("\(file): \(difference)")
        }
        for (path, record) in onSlurm.tasks.sorted(by: { $0.key < $1.key }) where record.state == .failed && !differences.isEmpty {
            print("slurm differential: \(file): \(path) failed on Slurm: \(record.message ?? "")")
        }
        passed = differences.isEmpty
        await SlurmTally.shared.record(file, passed: passed)
    }
}

/// Counts the differential's pipelines and prints `slurm differential: P passed of T tried` once
/// all have run.
actor SlurmTally {
    static let shared = SlurmTally()
    private var passed = 0
    private var tried = 0

    func record(_ name: String, passed ok: Bool) {
        tried += 1
        if ok { passed += 1 }
        if tried == PodmanDifferentialTests.cases.count {
            print("slurm differential: \(passed) passed of \(tried) tried")
        }
    }
}
