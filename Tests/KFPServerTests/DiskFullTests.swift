import Foundation
import KFPSpec
import Testing

/// A run whose pipeline root fills up: its task FAILS saying the disk is full and where, the
/// server keeps answering and its records stay as they were.
@Suite("Server with a full pipeline root", .enabled(if: getuid() == 0, "mounts a 1 MiB tmpfs as the pipeline root, which needs root"))
struct DiskFullTests {
    @Test("the task FAILS naming the full filesystem; the server and its records are unharmed")
    func fullPipelineRoot() async throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mount) }
        try Self.shell("mount -t tmpfs -o size=1m kfp-test-full '\(mount.path)'")
        defer { try? Self.shell("umount '\(mount.path)' || umount -l '\(mount.path)'") }

        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let client = server.client
        let (_, echo) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "before", "pipeline_spec": try ServerTestPipelines.echo(),
        ])
        let echoID = try #require(echo["run_id"]?.stringValue)
        _ = try await client.waitForState(echoID, ["SUCCEEDED"])
        let (_, before) = try await client.call("GET", "/apis/v2beta1/runs/\(echoID)")

        let (status, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "fills the disk", "pipeline_spec": try ServerTestPipelines.fillDisk(),
            "runtime_config": ["pipeline_root": .string(mount.path)],
        ])
        #expect(status == 200)
        let runID = try #require(created["run_id"]?.stringValue)
        let run = try await client.waitForState(runID, ["SUCCEEDED", "FAILED"])
        #expect(run["state"] == "FAILED")
        let taskRoot = mount.appendingPathComponent("fill").appendingPathComponent(runID).appendingPathComponent("fill").path
        let note = "the disk is full: \(mount.path) (the filesystem of \(taskRoot)) has 0 bytes free of 1 MiB; exited with status 1"
        let message = run["error"]?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("task fill failed: \(note); last lines of \(taskRoot)/log.txt:"), "\(message)")
        let task = run["run_details"]?["task_details"]?.arrayValue?.first { $0["display_name"] == "fill" }
        #expect(task?["state"] == "FAILED")
        #expect((task?["error"]?["message"]?.stringValue ?? "").hasPrefix(note))

        // The server answers, runs elsewhere, and what it recorded is unchanged.
        let (health, _) = try await client.call("GET", "/apis/v2beta1/healthz")
        #expect(health == 200)
        let (_, after) = try await client.call("GET", "/apis/v2beta1/runs/\(echoID)")
        #expect(after == before)
        let (_, again) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "after", "pipeline_spec": try ServerTestPipelines.echo(),
        ])
        let againRun = try await client.waitForState(try #require(again["run_id"]?.stringValue), ["SUCCEEDED", "FAILED"])
        #expect(againRun["state"] == "SUCCEEDED")
        let (_, list) = try await client.call("GET", "/apis/v2beta1/runs")
        #expect(list["total_size"]?.intValue == 3)
    }

    static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessError(message: "'\(command)' exited with status \(process.terminationStatus)")
        }
    }
}
