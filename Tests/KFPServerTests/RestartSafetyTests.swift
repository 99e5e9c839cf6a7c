import Foundation
import KFPSpec
import Testing

/// `kill -9` during a run, then a restart on the same data folder: nothing written is lost, the
/// interrupted run ends FAILED saying why, and retry resumes it through the cache.
@Suite("Server restart after kill -9", .enabled(if: ServerProcess.executable != nil, "needs the kfp executable built beside the tests"))
struct RestartSafetyTests {
    @Test("records survive, the interrupted run is FAILED with a reason, retry reuses the finished task", .enabled(if: ServerProcess.executable != nil, "the kfp executable is not built beside the tests; the kill -9 test is skipped"))
    func killAndRestart() async throws {
        let executable = try #require(ServerProcess.executable)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-kill-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let counter = folder.appendingPathComponent("count.txt")
        let marker = folder.appendingPathComponent("marker")
        let spec = try ServerTestPipelines.countThenWait(counter: counter, marker: marker)

        let first = try ServerProcess(executable: executable, data: data)
        defer { first.stop() }
        var client = TestClient(base: first.base)
        let (_, experiment) = try await client.call("POST", "/apis/v2beta1/experiments", body: ["display_name": "before the kill 🔪"])
        let experimentID = try #require(experiment["experiment_id"]?.stringValue)
        var runIDs: [String] = []
        for index in 0..<3 {
            let (status, run) = try await client.call("POST", "/apis/v2beta1/runs", body: [
                "display_name": .string("echo \(index)"), "experiment_id": .string(experimentID),
                "pipeline_spec": try ServerTestPipelines.echo(), "runtime_config": ["parameters": ["text": .string("run \(index)")]],
            ])
            #expect(status == 200)
            runIDs.append(try #require(run["run_id"]?.stringValue))
        }
        for id in runIDs { _ = try await client.waitForState(id, ["SUCCEEDED"]) }
        let (_, waiting) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "interrupted", "experiment_id": .string(experimentID), "pipeline_spec": spec,
        ])
        let waitingID = try #require(waiting["run_id"]?.stringValue)
        let running = try await waitForTask(client, waitingID, task: "wait", state: "RUNNING")
        #expect(running)
        let before = try await counts(client)
        first.kill9()
        // The `wait` task's shell loop outlives the server: an orphan until the next start.
        let orphans = Self.markedProcesses(dataFolder: data)
        #expect(!orphans.isEmpty, "the wait task's processes should carry KFP_SERVER_DATA_FOLDER")

        let second = try ServerProcess(executable: executable, data: data)
        defer { second.stop() }
        client = TestClient(base: second.base)
        var left = Self.markedProcesses(dataFolder: data)
        for _ in 0..<20 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            left = Self.markedProcesses(dataFolder: data)
        }
        #expect(left.isEmpty, "task processes left by the killed server still run: \(left) of \(orphans)")
        for pid in orphans { #expect(!Self.isRunning(pid), "process \(pid) is still alive") }
        let after = try await counts(client)
        print("kill -9 restart: records before \(before), after \(after)")
        #expect(after == before)
        #expect(before == ["experiments": 2, "runs": 4])
        let (_, interrupted) = try await client.call("GET", "/apis/v2beta1/runs/\(waitingID)")
        #expect(interrupted["state"] == "FAILED")
        let message = interrupted["error"]?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("the server stopped while the run was not finished"), "\(message)")
        for id in runIDs {
            let (_, run) = try await client.call("GET", "/apis/v2beta1/runs/\(id)")
            #expect(run["state"] == "SUCCEEDED")
        }

        try Data().write(to: marker)
        let (status, _) = try await client.call("POST", "/apis/v2beta1/runs/\(waitingID):retry")
        #expect(status == 200)
        let resumed = try await client.waitForState(waitingID, ["SUCCEEDED", "FAILED"])
        #expect(resumed["state"] == "SUCCEEDED", "\(resumed["error"] ?? .null)")
        let executions = try String(contentsOf: counter, encoding: .utf8).split(separator: "\n").count
        #expect(executions == 1, "count ran \(executions) times; the retry should take it from the cache")
    }

    /// The live processes whose environment marks them as started by a server on `dataFolder`.
    static func markedProcesses(dataFolder: URL) -> [Int32] {
        let marker = "KFP_SERVER_DATA_FOLDER=\(dataFolder.standardizedFileURL.path)"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environment.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == marker }
        }.sorted()
    }

    /// Whether `pid` exists and is not a zombie (a killed orphan stays one where nothing reaps it).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return false }
        return stat[close.upperBound...].split(separator: " ").first != "Z"
    }

    private func counts(_ client: TestClient) async throws -> [String: Int] {
        let (_, experiments) = try await client.call("GET", "/apis/v2beta1/experiments?page_size=200")
        let (_, runs) = try await client.call("GET", "/apis/v2beta1/runs?page_size=200")
        return ["experiments": experiments["total_size"]?.intValue ?? 0, "runs": runs["total_size"]?.intValue ?? 0]
    }

    private func waitForTask(_ client: TestClient, _ id: String, task: String, state: String) async throws -> Bool {
        for _ in 0..<600 {
            let (_, run) = try await client.call("GET", "/apis/v2beta1/runs/\(id)")
            let tasks = run["run_details"]?["task_details"]?.arrayValue ?? []
            if tasks.contains(where: { $0["display_name"]?.stringValue == task && $0["state"]?.stringValue == state }) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
