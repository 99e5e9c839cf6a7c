import Foundation
import KFPSpec
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `kill -9` of `kfp server` while 50 clients create runs at once, ten times over on one data
/// folder: every creation the server answered 200 is there after the restart, and no run is left
/// PENDING, RUNNING or CANCELING with nothing executing it (the restart ends them FAILED, saying
/// why; KFP itself leaves such runs RUNNING, kubeflow/pipelines#5722).
@Suite("Server kill -9 during run creation", .enabled(if: ServerProcess.executable != nil, "needs the kfp executable built beside the tests"))
struct KillDuringCreationTests {
    static let rounds = 10
    static let creators = 50
    /// The kill comes once this many creations of a round have been answered.
    static let killAfter = 10

    @Test("answered creations survive ten kills; nothing is left running after each restart")
    func killDuringCreation() async throws {
        let executable = try #require(ServerProcess.executable)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-kill-create-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let spec = try ServerTestPipelines.sleepThenEcho()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = Self.creators
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        var acknowledged: [String] = []
        var failedRequests = 0
        for round in 0..<Self.rounds {
            let server = try ServerProcess(executable: executable, data: data)
            defer { server.stop() }
            if round > 0 { try await checkAfterRestart(TestClient(base: server.base, session: session), acknowledged) }
            let client = TestClient(base: server.base, session: session)
            let answered = AnswerCount()
            let ids = await withTaskGroup(of: String?.self) { group in
                for index in 0..<Self.creators {
                    group.addTask {
                        let result = try? await client.call("POST", "/apis/v2beta1/runs", body: [
                            "display_name": .string("round \(round) run \(index)"), "pipeline_spec": spec,
                        ])
                        await answered.add()
                        guard let (status, run) = result, status == 200 else { return nil }
                        return run["run_id"]?.stringValue
                    }
                }
                group.addTask {
                    await answered.wait(for: Self.killAfter)
                    server.kill9()
                    return nil
                }
                var ids: [String] = []
                for await id in group { if let id { ids.append(id) } }
                return ids
            }
            failedRequests += Self.creators - ids.count
            acknowledged += ids
        }
        let last = try ServerProcess(executable: executable, data: data)
        defer { last.stop() }
        try await checkAfterRestart(TestClient(base: last.base, session: session), acknowledged)
        print("kill -9 during creation: \(Self.rounds) rounds, \(acknowledged.count) creations answered 200 and kept, \(failedRequests) cut off by the kill")
        #expect(acknowledged.count >= Self.rounds * Self.killAfter)
        #expect(Set(acknowledged).count == acknowledged.count)
    }

    /// Every acknowledged run exists and none is PENDING, RUNNING or CANCELING.
    private func checkAfterRestart(_ client: TestClient, _ acknowledged: [String]) async throws {
        for id in acknowledged {
            let (status, run) = try await client.call("GET", "/apis/v2beta1/runs/\(id)")
            #expect(status == 200, "run \(id) answered 200 before the kill is gone")
            let state = run["state"]?.stringValue ?? ""
            #expect(["SUCCEEDED", "FAILED"].contains(state), "run \(id) is \(state)")
            if state == "FAILED" {
                let message = run["error"]?["message"]?.stringValue ?? ""
                #expect(message.hasPrefix("the server stopped while the run was not finished (restarted at "), "\(message)")
                #expect(message.hasSuffix("); retry it to resume"), "\(message)")
            }
        }
        for state in ["PENDING", "RUNNING", "CANCELING"] {
            let filter = #"{"predicates":[{"key":"state","operation":"EQUALS","string_value":"\#(state)"}]}"#
            let encoded = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let (status, page) = try await client.call("GET", "/apis/v2beta1/runs?filter=\(encoded)")
            #expect(status == 200)
            #expect(page["total_size"] == nil, "runs left \(state) after the restart: \(page)")
        }
    }
}

/// How many creations of a round have been answered (or failed); the killer waits on it.
private actor AnswerCount {
    private var count = 0
    private var waiters: [(Int, CheckedContinuation<Void, Never>)] = []

    func add() {
        count += 1
        let ready = waiters.filter { $0.0 <= count }
        waiters.removeAll { $0.0 <= count }
        for (_, waiter) in ready { waiter.resume() }
    }

    func wait(for target: Int) async {
        if count >= target { return }
        await withCheckedContinuation { waiters.append((target, $0)) }
    }
}
