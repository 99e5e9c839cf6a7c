import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// `waitForRun` against fake servers whose answers the test scripts.
@Suite("waitForRun against a scripted server")
struct WaitForRunTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    @Test("RUNNING then SUCCEEDED: two requests, one poll interval apart, and the call returns right after the second")
    func returnsAtOnce() async throws {
        try await FakeServer.with(answer: { _, index in .run("r1", index == 0 ? "RUNNING" : "SUCCEEDED") }) {
            client, server in
            let updates = UpdateLog()
            let run = try await client.waitForRun(id: "r1", timeout: 120, pollInterval: 5) {
                await updates.add($0.state)
            }
            let returned = ContinuousClock.now
            #expect(run.state == .succeeded)
            #expect(run.runID == "r1")
            let requests = await server.log.requests
            #expect(requests.map(\.line) == ["GET /apis/v2beta1/runs/r1", "GET /apis/v2beta1/runs/r1"])
            #expect(await updates.states == [.running, .succeeded])
            let gap = Self.seconds(requests[0].time.duration(to: requests[1].time))
            #expect(gap >= 4.95, "the second poll came \(gap) s after the first")
            let afterTerminal = Self.seconds(requests[1].time.duration(to: returned))
            #expect(afterTerminal < 4.95, "returned \(afterTerminal) s after the terminal answer (a sleep after it takes 5 s)")
        }
    }

    @Test("CANCELED is terminal (kfp.Client would spin until its timeout), and no poll interval follows it")
    func canceled() async throws {
        try await FakeServer.with(answer: { _, _ in .run("r2", "CANCELED") }) { client, server in
            let start = ContinuousClock.now
            let run = try await client.waitForRun(id: "r2", timeout: 900, pollInterval: 600)
            #expect(run.state == .canceled)
            #expect(await server.log.requests.count == 1)
            #expect(Self.seconds(start.duration(to: .now)) < 60, "a sleep after the answer would take 600 s")
        }
    }

    @Test("FAILED and SKIPPED end the wait; PENDING, CANCELING and PAUSED do not")
    func terminalStates() async throws {
        let script = ["PENDING", "CANCELING", "PAUSED", "running", "FAILED"]
        try await FakeServer.with(answer: { _, index in .run("r3", script[min(index, script.count - 1)]) }) {
            client, server in
            let run = try await client.waitForRun(id: "r3", timeout: 30, pollInterval: 0.05)
            #expect(run.state == .failed)
            #expect(await server.log.requests.count == 5)
        }
        try await FakeServer.with(answer: { _, _ in .run("r4", "SKIPPED") }) { client, _ in
            let run = try await client.waitForRun(id: "r4", timeout: 30)
            #expect(run.state == .skipped)
        }
    }

    @Test("a run that stays RUNNING hits the timeout with the last state")
    func staysRunning() async throws {
        try await FakeServer.with(answer: { _, _ in .run("r5", "RUNNING") }) { client, server in
            let start = ContinuousClock.now
            // Generous for a loaded machine, where the first answer can take seconds.
            let error = await clientError { try await client.waitForRun(id: "r5", timeout: 6, pollInterval: 1.5) }
            let elapsed = Self.seconds(start.duration(to: .now))
            #expect(error == PipelineClientError(message: "run r5 did not finish within 6 s; last state RUNNING"))
            #expect(elapsed >= 5.95, "took \(elapsed) s")
            let count = await server.log.requests.count
            #expect((1...5).contains(count), "\(count) requests (at most one every 1.5 s until the deadline)")
        }
    }

    @Test("a server that stops answering cannot hold the wait past its timeout")
    func hungServer() async throws {
        try await FakeServer.with(answer: { _, index in
            var answer = FakeAnswer.run("r6", "RUNNING")
            if index > 0 { answer.delay = 60 }
            return answer
        }) { client, server in
            let start = ContinuousClock.now
            // Generous for a loaded machine, where the first answer can take seconds.
            let error = await clientError { try await client.waitForRun(id: "r6", timeout: 8, pollInterval: 0.2) }
            let elapsed = Self.seconds(start.duration(to: .now))
            #expect(error == PipelineClientError(message: "run r6 did not finish within 8 s; last state RUNNING"))
            #expect(elapsed < 50, "took \(elapsed) s (the server would have answered after 60 s)")
            #expect((1...2).contains(await server.log.requests.count))
        }
        try await FakeServer.with(answer: { _, _ in FakeAnswer(body: "{}", delay: 8) }) { client, _ in
            let error = await clientError { try await client.waitForRun(id: "r7", timeout: 0.5, pollInterval: 0.2) }
            #expect(
                error
                    == PipelineClientError(message: "run r7 did not finish within 0.5 s; last state unknown (no answer yet)")
            )
        }
    }

    @Test("an HTTP error while waiting ends the wait with that error")
    func httpError() async throws {
        try await FakeServer.with(answer: { _, _ in
            .json(#"{"code": 5, "message": "Run r8 not found"}"#, status: 404)
        }) { client, _ in
            let error = await clientError { try await client.waitForRun(id: "r8", timeout: 10, pollInterval: 0.1) }
            #expect(error?.status == 404)
            #expect(error?.message == "Run r8 not found")
        }
    }
}
