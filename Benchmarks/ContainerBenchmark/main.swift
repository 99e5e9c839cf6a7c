// Container launcher benchmarks, each printed beside its anchor measured in the same run:
//   (a) 100 independent and 100 chained container tasks: the cost per task above the engine's
//       own `run --rm IMAGE sh -c ...` of the same command and mount, run as many at a time as the
//       runner runs tasks (goal: at most 50 ms above it per task);
//   (b) a 20-task container pipeline compiled by kfp 2.17.3: ours with docker beside kfp.local's
//       DockerRunner against the same dockerd (goal: at most 0.5 of its time).
//
//   swift run -c release ContainerBenchmark [--engine podman|docker] [--python PATH] [--tasks N] [--parallel N] [--only a|b]
// Needs the engine set up as scripts/test.sh does (scripts/containers/setup.sh, dockerd.sh for
// docker and (b)); (b) also needs docker-py in the Python environment (`pip install docker`).
import BenchmarkSupport
import Foundation
import KFPLocal
import KFPSpec

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let engineName = option("--engine") ?? "podman"
let python = option("--python") ?? ProcessInfo.processInfo.environment["KFP_ORACLE_PYTHON"] ?? ".venv-oracle/bin/python"
let tasks = Int(option("--tasks") ?? "") ?? 100
/// How many tasks run at once: the runner's default (the number of cores), or `--parallel N`.
let parallel = Int(option("--parallel") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
let only = option("--only")
let cores = parallel
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-container-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

guard let engine = EngineFloor.locate(engineName) else {
    print("\(engineName) is not on PATH; set the engine up first (scripts/containers/setup.sh)")
    exit(2)
}

func runner(_ name: String, engine: URL, parallel: Int = cores) -> LocalRunner {
    LocalRunner(options: LocalRunnerOptions(
        pipelineRoot: scratch.appendingPathComponent(name), maxParallel: parallel, cachingEnabled: false,
        launcher: .container(ContainerEngine(candidates: [engine.path]))))
}

if only == nil || only == "a" {
    print("(a) \(engineName): \(tasks) container tasks in python:3.11, \(cores) at a time, beside the engine's own runs")
    let floor = EngineFloor(engine: engine, folder: scratch.appendingPathComponent("floor"))
    for chained in [false, true] {
        let parallel = chained ? 1 : cores
        let floorSeconds = try await floor.measure(runs: tasks, parallel: parallel)
        let spec = ShellPipelines.make(tasks: tasks, chained: chained, image: "python:3.11")
        var state = TaskState.pending
        let elapsed = try await seconds { state = try await runner(chained ? "chain" : "fan", engine: engine).run(spec).state }
        let perTask = elapsed * 1000 / Double(tasks)
        let floorPerTask = floorSeconds * 1000 / Double(tasks)
        print(String(format: "    %d %@ tasks: %.2f s (%@), %.1f ms per task; engine's own runs: %.2f s, %.1f ms per run;"
                     + " %.1f ms per task above the engine (goal: at most 50), ratio %.2f",
                     tasks, chained ? "chained" : "independent", elapsed, state.rawValue, perTask, floorSeconds, floorPerTask,
                     perTask - floorPerTask, elapsed / floorSeconds))
    }
}

if only == nil || only == "b" {
    let count = 20
    print("(b) a \(count)-task container pipeline compiled by kfp 2.17.3: ours (docker) beside kfp.local's DockerRunner")
    if let docker = EngineFloor.locate("docker"), ProcessInfo.processInfo.environment["DOCKER_HOST"] != nil {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("kfp_local_docker.py")
        let yaml = scratch.appendingPathComponent("containers-\(count).yaml")
        do {
            let theirs = try await KFPLocalDocker(python: python, script: script).run(yaml: yaml, tasks: count)
            let spec = try SpecLoader(file: yaml.path).loadPipelineSpec(String(contentsOf: yaml, encoding: .utf8))
            var run: LocalRun?
            let ours = try await seconds { run = try await runner("kfp-local-shape", engine: docker).run(spec) }
            let succeeded = run?.tasks.values.filter { $0.state == .succeeded }.count ?? 0
            print(String(format: "    kfp.local DockerRunner: %.2f s (%d of %d tasks wrote their output)", theirs.seconds, theirs.succeeded, count))
            print(String(format: "    ours, docker, %d at a time: %.2f s (%d of %d tasks succeeded); ratio %.2f (goal: at most 0.5)",
                         cores, ours, succeeded, count, ours / theirs.seconds))
        } catch {
            print("    not measured: \(error)")
        }
    } else {
        print("    not measured: no DOCKER_HOST (start a daemon with scripts/containers/dockerd.sh)")
    }
}
