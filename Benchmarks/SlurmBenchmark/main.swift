// Slurm launcher benchmark: on a running cluster (the test cluster of scripts/test.sh, or
// `scripts/slurm/cluster.sh start DIR` and `. DIR/env.sh`), a fan-out of independent trivial shell
// tasks and a chain of them, run by our runner with the Slurm launcher, each beside the same number
// of trivial jobs submitted straight to Slurm with `sbatch` and waited for (the floor: a chain's
// jobs linked with `--dependency=afterok`), in the same run. Goal: at most 1.2 times the floor.
//
//   swift run -c release SlurmBenchmark [--fan N] [--chain N]     (defaults 100 and 50)
// Needs SLURM_URL, SLURM_JWT (and SLURM_USER) for our launcher and SLURM_CONF for sbatch/squeue.
import BenchmarkSupport
import Foundation
import KFPLocal
import KFPSlurm
import KFPSpec

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let fan = Int(option("--fan") ?? "") ?? 100
let chain = Int(option("--chain") ?? "") ?? 50
let environment = ProcessInfo.processInfo.environment
let configuration: SlurmConfiguration
do {
    configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: environment)
} catch {
    print("no cluster: \(error) (start one with scripts/slurm/cluster.sh and source its env.sh)")
    exit(2)
}
// The pipeline root must be seen by every node: a folder under /tmp is, on the test cluster.
let scratch = URL(fileURLWithPath: "/tmp").appendingPathComponent("kfp-slurm-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

print("Slurm: \(configuration.url.absoluteString)")
for (count, chained) in [(fan, false), (chain, true)] where count > 0 {
    let floor = try await SbatchFloor(folder: scratch).measure(jobs: count, chained: chained)
    let spec = ShellPipelines.make(tasks: count, chained: chained)
    let launcher = SlurmLauncher(configuration: configuration)
    let runner = LocalRunner(options: LocalRunnerOptions(
        pipelineRoot: scratch.appendingPathComponent(chained ? "chain" : "fan"), maxParallel: 32, cachingEnabled: false,
        launcher: .remote(launcher)))
    var run: LocalRun?
    let ours = try await seconds { run = try await runner.run(spec) }
    await launcher.shutdown()
    let succeeded = run?.tasks.values.filter { $0.state == .succeeded }.count ?? 0
    let nodes = Set(run?.tasks.values.compactMap(\.node) ?? []).sorted()
    print(String(format: "  %d %@ tasks: ours %.2f s (%d succeeded, on %@); sbatch floor %.2f s; ratio %.2f (goal: at most 1.2)",
                 count, chained ? "chained" : "independent", ours, succeeded, nodes.joined(separator: ", "), floor, ours / floor))
}
