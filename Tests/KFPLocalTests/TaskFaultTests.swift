import Foundation
import KFPLocal
import KFPSpec
import Testing

/// Tasks that end badly: killed by a signal, or canceled while ignoring SIGTERM.
@Suite("Task faults")
struct TaskFaultTests {
    /// One task running `script` with `sh -c`.
    static func shell(_ script: String) -> String {
        """
        pipelineInfo: {name: faults}
        schemaVersion: 2.1.0
        components:
          comp-step: {executorLabel: exec-step}
        deploymentSpec:
          executors:
            exec-step:
              container: {image: alpine, command: [sh, -c, '\(script)']}
        root:
          dag:
            tasks:
              step: {componentRef: {name: comp-step}, taskInfo: {name: step}}
        """
    }

    @Test("a task killed by a signal FAILS naming the signal", arguments: [
        ("KILL", "SIGKILL (9)"), ("SEGV", "SIGSEGV (11)"), ("TERM", "SIGTERM (15)"), ("ABRT", "SIGABRT (6)"),
    ])
    func killedBySignal(signal: String, name: String) async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.shell("echo about to die; kill -\(signal) $$"), caching: false)
        let task = try #require(run.tasks["step"])
        #expect(run.state == .failed)
        #expect(task.state == .failed)
        let log = URL(fileURLWithPath: try #require(task.taskRoot)).appendingPathComponent("log.txt").path
        #expect(task.message == "killed by signal \(name); last lines of \(log):\nabout to die")
    }

    /// The task's child ignores SIGTERM, and so does its grandchild `sleep`; with `leaderIgnores`
    /// the task's own shell too (then the group outlives the grace period), else the shell ends at
    /// SIGTERM and leaves its child behind. Either way nothing of the task may be left.
    @Test("a canceled task that ignores SIGTERM is killed after the grace period, and so are its children",
          arguments: [true, false])
    func cancelIgnoringTerm(leaderIgnores: Bool) async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let marker = "kfp-fault-\(UUID().uuidString.prefix(8))"
        let script = (leaderIgnores ? "trap \"\" TERM; " : "")
            + "sh -c \"trap \\\"\\\" TERM; sleep 600; : \(marker)-child\" & echo ready; sleep 600; : \(marker)"
        let yaml = Self.shell(script.replacingOccurrences(of: "'", with: "''"))
        let runner = Task { try await harness.run(yaml, caching: false) }
        let log = try await waitForLog(in: harness.root, containing: "ready")
        #expect(processes(containing: marker).count == 2, "the task and its child are running")
        runner.cancel()
        let run = try await runner.value
        #expect(run.state == .canceled)
        #expect(run.tasks["step"]?.state == .canceled)
        #expect(try String(contentsOf: log, encoding: .utf8) == "ready\n")
        #expect(processes(containing: marker) == [], "no process of the task is left")
    }

    /// Waits (at most 60 s) for a task's `log.txt` under `root` that holds `text`.
    private func waitForLog(in root: URL, containing text: String) async throws -> URL {
        for _ in 0..<600 {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.lastPathComponent == "log.txt" } ?? []
            if let file = files.first(where: { (try? String(contentsOf: $0, encoding: .utf8))?.contains(text) == true }) {
                return file
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CancellationError()
    }
}

/// The pids of this machine's processes whose command line contains `text` (from `/proc`).
func processes(containing text: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { Int32($0) }.filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        return line.contains(text)
    }.sorted()
}
