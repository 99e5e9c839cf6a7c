// Runner benchmarks, printed beside kfp.local 2.17.3 measured in the same run where it can run them:
//   (a) 40 independent lightweight Python tasks (kfp.local and ours);
//   (b) 1,000 independent shell tasks and a 1,000-task chain, per task above spawning `sh -c true`;
//   (c) peak memory of a 10,000-task pipeline.
//
//   swift run -c release RunnerBenchmark [--python PATH] [--only a|b|c]
import BenchmarkSupport
import Foundation
import KFPLocal
import KFPSpec

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let python = option("--python") ?? ProcessInfo.processInfo.environment["KFP_ORACLE_PYTHON"] ?? ".venv-oracle/bin/python"
let only = option("--only")
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-runner-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }

func runner(_ name: String, caching: Bool = false) -> LocalRunner {
    LocalRunner(options: LocalRunnerOptions(pipelineRoot: scratch.appendingPathComponent(name), cachingEnabled: caching))
}

if only == nil || only == "a" {
    print("(a) 40 independent lightweight Python tasks")
    try await PythonBenchmark(python: python, folder: scratch).run()
}

if only == nil || only == "b" {
    print("(b) shell tasks, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    let spawns = 1000
    let baseline = await seconds {
        for _ in 0..<spawns {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "true"]
            try? process.run()
            process.waitUntilExit()
        }
    }
    print(String(format: "    spawning `sh -c true` %d times, one after another: %.3f s (%.2f ms each)", spawns, baseline, baseline * 1000 / Double(spawns)))
    for chained in [false, true] {
        let spec = ShellPipelines.make(tasks: 1000, chained: chained)
        var state = TaskState.pending
        let elapsed = try await seconds { state = try await runner(chained ? "chain" : "fan").run(spec).state }
        let perTask = elapsed * 1000 / 1000
        let spawnCost = baseline * 1000 / Double(spawns) / (chained ? 1 : Double(ProcessInfo.processInfo.activeProcessorCount))
        print(String(format: "    1,000 %@ tasks: %.3f s, %.2f ms per task, %.2f ms above spawning (%@)", chained ? "chained" : "independent",
                     elapsed, perTask, perTask - spawnCost, state.rawValue))
    }
    print("    kfp.local: not measured (its subprocess runner refuses container components)")
}

if only == nil || only == "c" {
    print("(c) peak memory, 10,000 independent shell tasks")
    let before = PeakMemory.residentMegabytes()
    let spec = ShellPipelines.make(tasks: Int(option("--tasks") ?? "") ?? 10_000, chained: false)
    var state = TaskState.pending
    let elapsed = try await seconds { state = try await runner("ten-thousand").run(spec).state }
    print(String(format: "    %.1f s, %@; peak resident memory %.1f MB (%.1f MB before the run)", elapsed, state.rawValue,
                 PeakMemory.residentMegabytes(), before))
    print("    kfp.local: not measured (container components; it runs tasks one at a time)")
}

if only == "s" {
    let launcher = SubprocessProbe()
    let elapsed = await seconds { await launcher.run(count: 200) }
    print(String(format: "swift-subprocess: 200 x sh -c true: %.3f s (%.2f ms each)", elapsed, elapsed * 5))
}
