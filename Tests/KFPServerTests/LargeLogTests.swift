import Foundation
import KFPSpec
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A task that writes a 1 GiB log: the log endpoint and the task panel send a bounded page of it,
/// and the server (a child process, so its memory can be read) never holds the log in memory.
@Suite("A task with a 1 GiB log", .enabled(if: ServerProcess.executable != nil, "needs the kfp executable built beside the tests"))
struct LargeLogTests {
    static let logBytes = 1 << 30
    static let line = "a line of the log of a task that talks a great deal: 64 bytes..\n"
    /// A bound on the server's peak resident memory, far below the log's size.
    static let memoryBound = 400 << 20

    @Test("the log endpoint and the task panel page or tail the log; the server's peak memory stays bounded")
    func largeLog() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-large-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(executable: try #require(ServerProcess.executable), data: data)
        defer { server.stop() }
        let client = TestClient(base: server.base)
        let (_, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "talkative", "pipeline_spec": try ServerTestPipelines.largeLog(bytes: Self.logBytes),
        ])
        let runID = try #require(created["run_id"]?.stringValue)
        let run = try await client.waitForState(runID, ["SUCCEEDED", "FAILED"])
        #expect(run["state"] == "SUCCEEDED")
        let task = try #require(run["run_details"]?["task_details"]?.arrayValue?.first { $0["display_name"] == "talk" })
        let taskID = try #require(task["task_id"]?.stringValue)
        let path = "/apis/v1alpha1/runs/\(runID)/nodes/\(taskID)/log"

        // The end of the log, from a line's start: at most 1 MiB.
        let (tail, tailHeaders) = try await Self.get(server.base, path)
        #expect(tail.count == 1 << 20)
        #expect(tailHeaders["X-KFP-Log-Size"] == "\(Self.logBytes)")
        #expect(tailHeaders["X-KFP-Log-Offset"] == "\(Self.logBytes - tail.count)")
        #expect(String(decoding: tail.prefix(Self.line.utf8.count), as: UTF8.self) == Self.line)
        // A page from the start, and a limit over the maximum lowered to it.
        let (page, pageHeaders) = try await Self.get(server.base, path + "?offset=640&limit=130")
        #expect(String(decoding: page, as: UTF8.self) == String(repeating: Self.line, count: 2) + String(Self.line.prefix(2)))
        #expect(pageHeaders["X-KFP-Log-Offset"] == "640")
        let (big, _) = try await Self.get(server.base, path + "?offset=0&limit=999999999")
        #expect(big.count == 1 << 20)
        let (bad, _) = try await client.call("GET", path + "?offset=-1")
        #expect(bad == 400)

        // The task panel shows the log's last 64 KiB.
        let (status, html) = try await client.raw("GET", "/runs/\(runID)?task=talk")
        #expect(status == 200)
        #expect(html.count < 256 << 10)
        #expect(String(decoding: html, as: UTF8.self).contains(Self.line.trimmingCharacters(in: .newlines)))

        let peak = try Self.peakResidentBytes(server.process.processIdentifier)
        print("1 GiB log: the server's peak resident memory was \(peak >> 20) MiB (bound \(Self.memoryBound >> 20) MiB)")
        #expect(peak < Self.memoryBound)
    }

    /// A GET's body and response headers.
    static func get(_ base: URL, _ path: String) async throws -> (Data, [String: String]) {
        let url = try #require(URL(string: base.absoluteString + path))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200, "\(path)")
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return (data, headers)
    }

    /// `VmHWM` of `/proc/<pid>/status`: the process's peak resident set, in bytes.
    static func peakResidentBytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kilobytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kilobytes * 1024
    }
}
