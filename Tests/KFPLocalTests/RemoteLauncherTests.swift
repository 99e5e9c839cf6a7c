import Foundation
import KFPLocal
import KFPSpec
import Testing

/// A remote launcher that runs each task here with `Process` (as a node would), or pretends to:
/// it records what it was sent, and answers as told.
final class FakeRemoteLauncher: RemoteTaskLauncher, @unchecked Sendable {
    enum Behavior: Sendable {
        /// Runs the program here and reports its exit status.
        case run
        /// Reports this status without running anything (a node that does not see the root).
        case pretend(RemoteTaskOutcome.Status)
        /// Runs the program, then reports this status (a job Slurm stopped at its time limit).
        case runThen(RemoteTaskOutcome.Status)
    }

    let behavior: Behavior
    let pythonEnvironmentsRoot: URL?
    private let lock = NSLock()
    private var sentTasks: [RemoteTask] = []

    init(_ behavior: Behavior, pythonEnvironmentsRoot: URL? = nil) {
        self.behavior = behavior
        self.pythonEnvironmentsRoot = pythonEnvironmentsRoot
    }

    var name: String { "fake" }
    var sent: [RemoteTask] { lock.withLock { sentTasks } }

    func check() async throws(LocalRunError) {}

    func run(_ task: RemoteTask) async -> RemoteTaskOutcome {
        let jobID = lock.withLock {
            sentTasks.append(task)
            return String(sentTasks.count)
        }
        switch behavior {
        case .pretend(let status):
            return RemoteTaskOutcome(status: status, node: "node-a", jobID: jobID)
        case .run:
            return RemoteTaskOutcome(status: await Self.execute(task), node: "node-a", jobID: jobID)
        case .runThen(let status):
            _ = await Self.execute(task)
            return RemoteTaskOutcome(status: status, node: "node-a", jobID: jobID)
        }
    }

    private static func execute(_ task: RemoteTask) async -> RemoteTaskOutcome.Status {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = task.argv
        process.environment = task.environment
        process.currentDirectoryURL = task.workingDirectory
        FileManager.default.createFile(atPath: task.log.path, contents: nil)
        guard let log = try? FileHandle(forWritingTo: task.log) else { return .failed("cannot open \(task.log.path)") }
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        return await withCheckedContinuation { continuation in
            process.terminationHandler = { process in
                try? log.close()
                continuation.resume(returning: .exited(process.terminationStatus))
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: .failed("cannot start: \(error)"))
            }
        }
    }
}

/// The runner's remote path (``TaskLauncherKind/remote(_:)``) with a fake launcher: what a task
/// sends (argv, environment, folder, log, resources), what it records (node, job id), and the
/// message when a job leaves nothing in the task folder.
@Suite("Remote task launchers")
struct RemoteLauncherTests {
    static let pipeline = """
        pipelineInfo: {name: remote}
        schemaVersion: 2.1.0
        components:
          comp-write:
            executorLabel: exec-write
            inputDefinitions:
              parameters:
                text: {parameterType: STRING}
            outputDefinitions:
              parameters:
                out: {parameterType: STRING}
        deploymentSpec:
          executors:
            exec-write:
              container:
                image: alpine
                command: [sh, -c, 'printf "%s|%s" "$1" "$GREETING" > "$0"; echo wrote']
                args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['text']}}"]
                env: [{name: GREETING, value: hello}]
                resources:
                  resourceCpuRequest: 500m
                  resourceCpuLimit: '1.5'
                  resourceMemoryLimit: 512Mi
                  accelerator: {resourceType: nvidia.com/gpu, resourceCount: '1'}
        root:
          dag:
            tasks:
              write:
                componentRef: {name: comp-write}
                inputs: {parameters: {text: {runtimeValue: {constant: "it's ünï"}}}}
        ---
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-write: {activeDeadlineSeconds: '90'}
        """

    static func run(_ launcher: FakeRemoteLauncher) async throws -> (LocalRun, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-remote-\(UUID().uuidString)")
        let spec = try SpecLoader(file: "remote.yaml").loadPipelineSpec(Self.pipeline)
        let runner = LocalRunner(options: LocalRunnerOptions(pipelineRoot: root, cachingEnabled: false, launcher: .remote(launcher)))
        return (try await runner.run(spec), root)
    }

    @Test("a task runs through the launcher with its argv, environment, folder, log and resources, and records node and job id")
    func sendsTheTask() async throws {
        let launcher = FakeRemoteLauncher(.run)
        let (run, root) = try await Self.run(launcher)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.state == .succeeded, "\(run.tasks)")
        #expect(run.launcher == "fake")
        let record = try #require(run.tasks["write"])
        #expect(record.outputs.parameters == ["out": "it's ünï|hello"])
        #expect(record.node == "node-a")
        #expect(record.slurmJobID == "1")
        #expect(run.ignoredSettings == [])
        let task = try #require(launcher.sent.first)
        #expect(task.taskPath == "write")
        #expect(task.attempt == 0)
        #expect(task.argv.prefix(2) == ["sh", "-c"])
        #expect(task.argv.last == "it's ünï")
        #expect(task.workingDirectory.path == record.taskRoot)
        #expect(task.log.lastPathComponent == "log.txt")
        #expect(try String(contentsOf: task.log, encoding: .utf8) == "wrote\n")
        #expect(task.resources == TaskResources(
            cpus: 1.5, memoryBytes: 512 << 20, accelerators: 1, acceleratorType: "nvidia.com/gpu", timeLimitSeconds: 90))
        #expect(task.environment["GREETING"] == "hello")
        #expect(task.environment["PATH"] == ProcessInfo.processInfo.environment["PATH"])
        let portable: Set<String> = ["GREETING", "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ"]
        #expect(task.environment.keys.allSatisfy { portable.contains($0) || $0.hasPrefix("LC_") }, "\(task.environment.keys.sorted())")
        let json = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: run.runRoot).appendingPathComponent("run.json")), encoding: .utf8))
        #expect(json.contains("\"slurm_job_id\" : \"1\"") || json.contains("\"slurm_job_id\": \"1\""))
    }

    /// A component with a KFP-like pip prelude (`pip install` not run for real) whose program
    /// writes the environment it runs in.
    static let pythonLike = """
        pipelineInfo: {name: remote-python}
        schemaVersion: 2.1.0
        components:
          comp-env:
            executorLabel: exec-env
            outputDefinitions:
              parameters:
                venv: {parameterType: STRING}
        deploymentSpec:
          executors:
            exec-env:
              container:
                image: python:3.11
                command: [sh, -c, 'echo "no pip install here" && "$0" "$@"', sh, -c, 'printf %s "$VIRTUAL_ENV" > "$0"']
                args: ["{{$.outputs.parameters['venv'].output_file}}"]
        root:
          dag:
            tasks:
              env:
                componentRef: {name: comp-env}
        """

    @Test("a Python component's environment is made here under <pipeline root>/.kfp-python and the job runs without the prelude")
    func pythonEnvironmentUnderTheRoot() async throws {
        let launcher = FakeRemoteLauncher(.run)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-remote-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let spec = try SpecLoader(file: "python.yaml").loadPipelineSpec(Self.pythonLike)
        let run = try await LocalRunner(options: LocalRunnerOptions(pipelineRoot: root, cachingEnabled: false, launcher: .remote(launcher)))
            .run(spec)
        #expect(run.state == .succeeded, "\(run.tasks)")
        let venv = try #require(run.tasks["env"]?.outputs.parameters["venv"]?.stringValue)
        #expect(venv.hasPrefix(root.standardizedFileURL.path + "/.kfp-python/"))
        #expect(FileManager.default.fileExists(atPath: venv + "/.kfp-ready"))
        let task = try #require(launcher.sent.first)
        #expect(Array(task.argv.prefix(3)) == ["sh", "-c", "printf %s \"$VIRTUAL_ENV\" > \"$0\""])
        #expect(task.environment["VIRTUAL_ENV"] == venv)
        #expect(task.environment["PATH"]?.hasPrefix(venv + "/bin:") == true)
    }

    @Test("a job that exits 0 without the outputs it should leave fails, asking whether the root is shared")
    func noExecutorOutput() async throws {
        let (run, root) = try await Self.run(FakeRemoteLauncher(.pretend(.exited(0))))
        defer { try? FileManager.default.removeItem(at: root) }
        let record = try #require(run.tasks["write"])
        #expect(record.state == .failed)
        let output = "\(record.taskRoot ?? "")/outputs/out"
        #expect(record.message == "job 1 on node node-a exited 0 but left no executor output where it should be (output parameter 'out' was not written: expected the file \(output) or a value in executor_output.json); is the pipeline root \(root.standardizedFileURL.path) on a filesystem every node sees at the same path?")
        #expect(record.node == "node-a")
    }

    @Test("a job that fails without writing to the log asks whether the root is shared")
    func silentFailure() async throws {
        let (run, root) = try await Self.run(FakeRemoteLauncher(.pretend(.exited(1))))
        defer { try? FileManager.default.removeItem(at: root) }
        let record = try #require(run.tasks["write"])
        #expect(record.state == .failed)
        #expect(record.message == "job 1 on node node-a exited with status 1 and wrote nothing to \(record.taskRoot ?? "")/log.txt; is the pipeline root \(root.standardizedFileURL.path) on a filesystem every node sees at the same path?")
    }

    @Test("a job that ran and failed for the scheduler's reason has its log's last lines in the message")
    func failureAfterRunning() async throws {
        let reason = "job 1 of task 'write' ran past its time limit on node node-a and was stopped"
        let (run, root) = try await Self.run(FakeRemoteLauncher(.runThen(.failed(reason))))
        defer { try? FileManager.default.removeItem(at: root) }
        let record = try #require(run.tasks["write"])
        #expect(record.message == "\(reason); last lines of \(record.taskRoot ?? "")/log.txt:\nwrote")
    }

    @Test("a launcher's own failure is the task's message, as given")
    func launcherFailure() async throws {
        let (run, root) = try await Self.run(FakeRemoteLauncher(.pretend(.failed("task 'write' asks for 3 GPUs, but no node has more than 1"))))
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.tasks["write"]?.message == "task 'write' asks for 3 GPUs, but no node has more than 1")
        #expect(run.state == .failed)
    }
}
