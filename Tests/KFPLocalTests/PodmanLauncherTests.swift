import Foundation
@testable import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// The container launcher's behaviour with a real podman: limits reach the container's cgroup, a
/// missing image fails its task with one line, a canceled run leaves no container, and
/// `--launcher auto` says what it chose.
@Suite("Container launcher with podman", .enabled(if: ContainerEngines.podman != nil))
struct PodmanLauncherTests {
    static var podman: URL { ContainerEngines.podman ?? URL(fileURLWithPath: "/usr/bin/podman") }
    static var launcher: TaskLauncherKind { .container(ContainerEngine(candidates: [podman.path])) }

    /// Runs `spec` with podman, as one of the container runs the test process allows at once.
    static func run(_ spec: PipelineSpec, root: URL) async throws -> LocalRun {
        try await ContainerTestGate.shared.run {
            try await LocalRunner(options: LocalRunnerOptions(pipelineRoot: root, launcher: launcher)).run(spec)
        }
    }

    /// One task in `image` running `script` with `sh -c`, its argument the `out` parameter's file.
    static func pipeline(_ name: String, image: String, script: String, resources: String = "") -> String {
        """
        pipelineInfo: {name: \(name)}
        schemaVersion: 2.1.0
        components:
          comp-probe:
            executorLabel: exec-probe
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
        deploymentSpec:
          executors:
            exec-probe:
              container:
                image: \(image)
                command: [sh, -c, '\(script)']
                args: ["{{$.outputs.parameters['out'].output_file}}"]
                \(resources)
        root:
          dag:
            tasks:
              probe: {componentRef: {name: comp-probe}, taskInfo: {name: probe}}
        """
    }

    @Test("CPU and memory limits reach the container's cgroup (500m: quota 50000 of 100000; 256Mi in bytes)")
    func limits() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let script = #"if [ -f /sys/fs/cgroup/memory.max ]; then m=$(cat /sys/fs/cgroup/memory.max); c=$(cut -d" " -f1 /sys/fs/cgroup/cpu.max); else m=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes); c=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us); fi; mkdir -p $(dirname $0); printf "%s %s" $m $c > $0"#
        let spec = try harness.spec(Self.pipeline(
            "limits", image: "python:3.11", script: script,
            resources: "resources: {resourceCpuLimit: 500m, resourceMemoryLimit: 256Mi, cpuRequest: 0.25}"))
        let run = try await Self.run(spec, root: harness.root)
        #expect(run.state == .succeeded, "\(run.tasks["probe"]?.message ?? "")")
        #expect(run.tasks["probe"]?.outputs.parameters["out"] == .string("268435456 50000"))
        #expect(run.ignoredSettings == ["exec-probe: resources.cpuRequest"])
    }

    @Test("a task runs as its image's user (uid 1001 here) and can still write its outputs into the task folder")
    func imageUser() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let spec = try harness.spec(Self.pipeline("image-user", image: "localhost/kfp-test/nonroot", script: #"id -u > $0"#))
        let run = try await Self.run(spec, root: harness.root)
        #expect(run.state == .succeeded, "\(run.tasks["probe"]?.message ?? "")")
        #expect(run.tasks["probe"]?.outputs.parameters["out"] == .string("1001\n"))
    }

    @Test("an image that cannot be had fails its task with one line naming the image, the engine and its reason")
    func missingImage() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let image = "127.0.0.1:9/kfp-missing/nothing:1"
        let spec = try harness.spec(Self.pipeline("missing", image: image, script: "true"))
        let run = try await Self.run(spec, root: harness.root)
        #expect(run.state == .failed)
        let message = try #require(run.tasks["probe"]?.message)
        #expect(message.hasPrefix("image '\(image)' could not be pulled by podman: "))
        #expect(message.contains("connection refused"))
        #expect(!message.contains("\n"))
    }

    @Test("a canceled run stops its container at once: the task is CANCELED and no container of the run is left")
    func cancel() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let spec = try harness.spec(Self.pipeline("sleeper", image: "python:3.11", script: "echo started; sleep 300"))
        let runID = UUID().uuidString.lowercased()
        let options = LocalRunnerOptions(pipelineRoot: harness.root, cachingEnabled: false, launcher: Self.launcher)
        let log = harness.root.appendingPathComponent("sleeper/\(runID)/probe/log.txt")
        // The gate is held for the whole test, so the wait for the container's first line starts with the run.
        let (run, seconds) = try await ContainerTestGate.shared.run {
            let started = Date()
            let running = Task { try await LocalRunner(options: options).run(spec, runID: runID) }
            for _ in 0..<6000 {
                if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("started") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            running.cancel()
            return (try await running.value, Date().timeIntervalSince(started))
        }
        #expect(run.state == .canceled)
        #expect(run.tasks["probe"]?.state == .canceled)
        // Not a timing test: the sleep is 300 s; this only shows it was cut short.
        #expect(seconds < 280, "took \(seconds) s")
        let left = await ContainerEngines.output(Self.podman, ["ps", "--all", "--quiet", "--filter", "label=io.swift-kfp.run-id=\(runID)"])
        #expect(left == "")
    }

    @Test("--launcher auto: the first engine that answers, else subprocess with each engine's reason")
    func auto() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-auto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path
        let none = try await LauncherChoice.make(.auto, environment: environment, processes: SubprocessLauncher())
        #expect(none.containers == nil && none.remote == nil)
        #expect(none.note == "subprocess (auto: no container engine answered: docker: the container launcher needs docker,"
            + " but 'docker' was not found (searched PATH: \(folder.path)); install one, or use the subprocess launcher;"
            + " podman: the container launcher needs podman, but 'podman' was not found (searched PATH: \(folder.path));"
            + " install one, or use the subprocess launcher)")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("podman"), withDestinationURL: Self.podman)
        let found = try await LauncherChoice.make(.auto, environment: environment, processes: SubprocessLauncher())
        #expect(found.containers?.engine.path == folder.path + "/podman")
        #expect(found.note == "podman (auto)")
    }
}
