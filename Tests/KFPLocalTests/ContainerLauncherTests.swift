import Foundation
import KFPLocal
import KFPSpec
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The container launcher inside real runs, with a fake engine (beside the real-engine tests, for
/// machines without one, and to see every argument the runner passes):
/// a run asked to use an absent or broken engine fails before it starts; with a working one every
/// container task goes through `<engine> run` with the argv the runner resolved.
@Suite("Container launcher in runs")
struct ContainerLauncherTests {
    /// A fake engine: answers `version`, `info` and `image`; for `run`, records its arguments
    /// (NUL-separated) in `calls/<task>.txt` (the task from the `io.swift-kfp.task` label)
    /// beside itself, then (for the image `fake/local` only) runs the command on this machine in the
    /// working directory with the `--env` variables, as the real engine would inside the image.
    static let fakeEngine = #"""
        #!/bin/sh
        case "$1" in version|info|image) exit 0 ;; esac
        task=$(printf '%s\n' "$@" | sed -n 's/^io.swift-kfp.task=//p' | head -n1)
        mkdir -p "$(dirname "$0")/calls" && printf '%s\0' "$@" > "$(dirname "$0")/calls/$task.txt"
        shift 2
        while [ $# -gt 0 ]; do
          case "$1" in
            --name|--user|--volume|--label|--cpus|--memory|--network) shift 2 ;;
            --userns=*) shift ;;
            --workdir) cd "$2" || exit 125; shift 2 ;;
            --env) export "$2"; shift 2 ;;
            --entrypoint) entrypoint=$2; shift 2 ;;
            *) break ;;
          esac
        done
        image=$1; shift
        [ "$image" = fake/local ] || exit 0
        if [ -n "$entrypoint" ]; then exec "$entrypoint" "$@"; fi
        exec "$@"
        """#

    /// `write` puts `$GREETING` in its artifact; `read` copies that file to its output parameter.
    static let pipeline = """
        pipelineInfo: {name: in-containers}
        schemaVersion: 2.1.0
        components:
          comp-write:
            executorLabel: exec-write
            outputDefinitions: {artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}}
          comp-read:
            executorLabel: exec-read
            inputDefinitions: {artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}}
            outputDefinitions: {parameters: {text: {parameterType: STRING}}}
        deploymentSpec:
          executors:
            exec-write:
              container:
                image: fake/local
                command: [sh, -c, 'printf "%s" "$GREETING" > "$0"']
                args: ["{{$.outputs.artifacts['data'].path}}"]
                env: [{name: GREETING, value: hello from the image}]
            exec-read:
              container: {image: fake/local, command: [cp], args: ["{{$.inputs.artifacts['data'].path}}", "{{$.outputs.parameters['text'].output_file}}"]}
        root:
          dag:
            tasks:
              write: {componentRef: {name: comp-write}, taskInfo: {name: write}}
              read:
                componentRef: {name: comp-read}
                taskInfo: {name: read}
                inputs: {artifacts: {data: {taskOutputArtifact: {producerTask: write, outputArtifactKey: data}}}}
        """

    static let runID = "0c0c0c0c-aaaa-4bbb-8ccc-dddddddddddd"

    @Test("an absent engine fails the run up front, naming what was searched; no run folder is made")
    func absentEngine() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let options = LocalRunnerOptions(pipelineRoot: harness.root, launcher: .container(ContainerEngine(candidates: ["kfp-no-such-engine"])))
        let error = await #expect(throws: LocalRunError.self) {
            try await LocalRunner(options: options).run(try harness.spec(Self.pipeline))
        }
        #expect(error?.message.hasPrefix("the container launcher needs kfp-no-such-engine, but 'kfp-no-such-engine' was not found (searched PATH: ") == true)
        #expect(!FileManager.default.fileExists(atPath: harness.root.path))
    }

    @Test("an engine that cannot run containers fails the run up front with its own words")
    func brokenEngine() async throws {
        let harness = RunnerHarness()
        let folder = try ContainerInvocationTests.folder(with: [])
        defer { harness.cleanUp(); try? FileManager.default.removeItem(at: folder) }
        let engine = folder.appendingPathComponent("docker")
        try Data("#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\nexit 1\n".utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let options = LocalRunnerOptions(pipelineRoot: harness.root, launcher: .container(ContainerEngine(candidates: [engine.path])))
        let error = await #expect(throws: LocalRunError.self) {
            try await LocalRunner(options: options).run(try harness.spec(Self.pipeline))
        }
        #expect(error?.message == "\(engine.path) cannot run containers: 'docker version' exited with status 1;"
            + " start the engine's daemon (dockerd) or point DOCKER_HOST at it, or use --launcher subprocess:\n"
            + "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.")
        #expect(!FileManager.default.fileExists(atPath: harness.root.path))
    }

    @Test("each task runs through '<engine> run': image, labels, env, same-path mounts, the image's workdir; outputs land where the runner reads them")
    func runsThroughEngine() async throws {
        let harness = RunnerHarness()
        let folder = try ContainerInvocationTests.folder(with: [])
        defer { harness.cleanUp(); try? FileManager.default.removeItem(at: folder) }
        let engine = folder.appendingPathComponent("docker")
        try Data(Self.fakeEngine.utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let options = LocalRunnerOptions(
            pipelineRoot: harness.root, cachingEnabled: false, launcher: .container(ContainerEngine(candidates: [engine.path])))
        let run = try await LocalRunner(options: options).run(try harness.spec(Self.pipeline), runID: Self.runID)
        #expect(run.state == .succeeded)
        #expect(run.tasks["read"]?.outputs.parameters["text"] == .string("hello from the image"))

        let runRoot = harness.root.standardizedFileURL.path + "/in-containers/\(Self.runID)"
        // docker as a user other than root runs the task as that user (files stay the user's).
        let user = getuid() == 0 ? [] : ["--user", "\(getuid()):\(getgid())"]
        let home = getuid() == 0 ? [] : ["--env", "HOME=/tmp"]
        func labels(_ task: String) -> [String] {
            ["--label", "io.swift-kfp.run-id=\(Self.runID)", "--label", "io.swift-kfp.task=\(task)"]
        }
        let write = try Self.call(folder, "write")
        let name = try #require(write.dropFirst(3).first)
        #expect(name.hasPrefix("kfp-0c0c0c0c-") && name.hasSuffix("-write-0") && name.count == "kfp-0c0c0c0c-a1b2c3-write-0".count)
        let launch = name.dropFirst(13).prefix(6)
        #expect(write == ["run", "--rm", "--name", name] + labels("write") + user
            + ["--network", "host", "--volume", "\(runRoot)/workspace:\(runRoot)/workspace", "--volume", "\(runRoot)/write:\(runRoot)/write",
               "--env", "GREETING=hello from the image"] + home
            + ["--entrypoint", "sh", "fake/local", "-c", #"printf "%s" "$GREETING" > "$0""#, "\(runRoot)/write/artifacts/data"])
        let read = try Self.call(folder, "read")
        let data = "\(runRoot)/write/artifacts/data"
        #expect(read == ["run", "--rm", "--name", "kfp-0c0c0c0c-\(launch)-read-0"] + labels("read") + user
            + ["--network", "host", "--volume", "\(runRoot)/read:\(runRoot)/read", "--volume", "\(runRoot)/workspace:\(runRoot)/workspace",
               "--volume", "\(data):\(data):ro"] + home
            + ["--entrypoint", "cp", "fake/local", data, "\(runRoot)/read/outputs/text"])
    }

    /// A lightweight Python component: KFP's pip prelude, launch script and source.
    static let python = """
        pipelineInfo: {name: python-in-image}
        schemaVersion: 2.1.0
        components:
          comp-hello: {executorLabel: exec-hello}
        deploymentSpec:
          executors:
            exec-hello:
              container:
                image: python:3.11
                command: [sh, -c, "python3 -m pip install --quiet 'kfp==2.14.6' && \\"$0\\" \\"$@\\"\\n", sh, -ec, "launch", "def hello(): print('hi')"]
                args: [--executor_input, "{{$}}", --function_to_execute, hello]
        root:
          dag:
            tasks:
              hello: {componentRef: {name: comp-hello}, taskInfo: {name: hello}}
        """

    @Test("a lightweight Python component runs its whole command, pip prelude included, in its image; no managed environment is made")
    func pythonInImage() async throws {
        let harness = RunnerHarness()
        let folder = try ContainerInvocationTests.folder(with: [])
        defer { harness.cleanUp(); try? FileManager.default.removeItem(at: folder) }
        let engine = folder.appendingPathComponent("podman")
        try Data(Self.fakeEngine.utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let environments = folder.appendingPathComponent("python-environments")
        let options = LocalRunnerOptions(
            pipelineRoot: harness.root, cachingEnabled: false, pythonEnvironmentsRoot: environments,
            launcher: .container(ContainerEngine(candidates: [engine.path])))
        let spec = try harness.spec(Self.python)
        let run = try await LocalRunner(options: options).run(spec, runID: Self.runID)
        #expect(run.state == .succeeded)
        #expect(!FileManager.default.fileExists(atPath: environments.path))
        let call = try Self.call(folder, "hello")
        let command = spec.deploymentSpec?.executors?["exec-hello"]?.container?.command ?? []
        let entrypoint = try #require(call.firstIndex(of: "--entrypoint"))
        #expect(Array(call[entrypoint...].prefix(9)) == ["--entrypoint", "sh", "python:3.11"] + command.dropFirst())
        #expect(!call.contains("--userns=keep-id") && !call.contains("--user"))
        #expect(Array(call.suffix(4)).enumerated().filter { $0.offset != 1 }.map(\.element)
            == ["--executor_input", "--function_to_execute", "hello"])
        let folderOfTask = try #require(run.tasks["hello"]?.taskRoot)
        let written = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: folderOfTask + "/executor_input.json")))
        let passed = try JSONDecoder().decode(JSONValue.self, from: Data(call[call.count - 3].utf8))
        #expect(passed == written)
    }

    /// The arguments the fake engine recorded for a task.
    static func call(_ folder: URL, _ name: String) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("calls/\(name).txt"), encoding: .utf8)
        return text.split(separator: "\0", omittingEmptySubsequences: false).map(String.init).dropLast()
    }
}
