import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// Bad, odd and newer answers, connection failures and timeouts.
@Suite("Response handling")
struct ResponseHandlingTests {
    @Test(
        "error bodies give the status and the server's message",
        arguments: [
            (
                404,
                #"{"code": 5, "message": "Run x not found", "details": [{"@type": "type.googleapis.com/google.rpc.Status", "code": 5, "message": "user text"}]}"#,
                "Run x not found"
            ),
            (409, #"{"error_message": "name taken", "error_details": "name taken"}"#, "name taken"),
            (400, #"{"error": "old gateway", "code": 3}"#, "old gateway"),
            (500, "<html>upstream exploded</html>", "<html>upstream exploded</html>"),
            (503, "", "Service Unavailable"),
        ])
    func errorBodies(status: Int, body: String, message: String) async throws {
        try await FakeServer.with(answer: { _, _ in FakeAnswer(status: status, body: body, contentType: "text/plain") })
        { client, _ in
            let error = await clientError { try await client.run(id: "x") }
            #expect(error == PipelineClientError(status: status, message: message, body: body))
            #expect(error?.description == "HTTP \(status): \(message)")
        }
    }

    @Test("a 200 answer that is not JSON, or has a field of the wrong type, is a clear error, not a crash")
    func badSuccessBodies() async throws {
        try await FakeServer.with(answer: { request, _ in
            switch request.path {
            case "/apis/v2beta1/runs/x": return FakeAnswer(body: "<html>login page</html>", contentType: "text/html")
            case "/apis/v2beta1/runs": return .json(#"{"runs": {"not": "a list"}}"#)
            case "/apis/v2beta1/experiments": return .json("[1, 2]")
            default: return .json(#"{"run_id": 5}"#)
            }
        }) { client, _ in
            let html = await clientError { try await client.run(id: "x") }
            #expect(
                html
                    == PipelineClientError(
                        message:
                            "the answer to GET /apis/v2beta1/runs/x is not JSON (HTTP 200, text/html): <html>login page</html>",
                        body: "<html>login page</html>"))
            let wrongType = await clientError { try await client.run(id: "y") }
            #expect(wrongType?.status == nil)
            #expect(
                wrongType?.message
                    == "the answer to GET /apis/v2beta1/runs/y is not a valid run: invalid value for run.run_id: expected a string, found number 5"
            )
            let notList = await clientError { try await client.listRuns() }
            #expect(
                notList?.message
                    == #"the answer to GET /apis/v2beta1/runs has 'runs' that is not a list: {"not":"a list"}"#)
            let notObject = await clientError { try await client.listExperiments() }
            #expect(notObject?.message == "the answer to GET /apis/v2beta1/experiments is not a JSON object: [1,2]")
        }
    }

    @Test("newer answers: unknown fields are ignored, totals may be strings, an empty token ends the listing")
    func newerAnswers() async throws {
        try await FakeServer.with(answer: { request, _ in
            switch request.path {
            case "/apis/v2beta1/runs":
                return .json(
                    #"{"runs": [{"run_id": "a", "state": "RUNNING", "plugins_output": {}, "new_field": 1}], "total_size": "3", "next_page_token": "", "extra": true}"#
                )
            case "/apis/v2beta1/recurringruns":
                return .json(
                    #"{"recurring_runs": [{"recurring_run_id": "rr", "status": "ENABLED", "new": {}}], "total_size": 1}"#
                )
            case "/apis/v2beta1/experiments":
                return .json("{}")
            default:
                return .json(#"{"multi_user": true, "commit_sha": "abc", "frontend": "v3"}"#)
            }
        }) { client, _ in
            let runs = try await client.listRuns()
            #expect(runs.items.map(\.runID) == ["a"])
            #expect(runs.items.first?.state == .running)
            #expect(runs.totalSize == 3)
            #expect(runs.nextPageToken == nil)
            let recurring = try await client.listRecurringRuns()
            #expect(recurring.items.map(\.status) == [.enabled])
            let empty = try await client.listExperiments()
            #expect(empty.items.isEmpty && empty.totalSize == 0 && empty.nextPageToken == nil)
            #expect(try await client.healthz() == Healthz(commitSHA: "abc", multiUser: true))
        }
    }

    @Test("a listing whose server repeats a page token stops with an error instead of looping")
    func repeatedToken() async throws {
        try await FakeServer.with(answer: { _, _ in
            .json(#"{"experiments": [{"experiment_id": "e", "display_name": "x"}], "next_page_token": "same"}"#)
        }) { client, server in
            var seen = 0
            let error = await clientError {
                for try await _ in client.allExperiments() { seen += 1 }
                return seen
            }
            #expect(
                error == PipelineClientError(message: "the server returned the page token 'same' twice; stopped listing"))
            #expect(seen == 1)
            #expect(await server.log.requests.count == 2)
        }
    }

    @Test("connection refused is retried connectionRetries times, 0.5 s apart, then reported")
    func connectionRefused() async throws {
        let configuration = PipelineClient.Configuration(
            endpoint: try #require(URL(string: "http://127.0.0.1:1")), connectionRetries: 2)
        let client = PipelineClient(configuration: configuration)
        let start = ContinuousClock.now
        let error = await clientError { try await client.healthz() }
        let elapsed = WaitForRunTests.seconds(start.duration(to: .now))
        try await client.shutdown()
        #expect(error?.status == nil)
        #expect(error?.message.hasPrefix("cannot connect to the KFP API at http://127.0.0.1:1: ") == true)
        #expect(error?.message.hasSuffix(" (tried 3 times)") == true)
        #expect(elapsed >= 0.95, "took \(elapsed) s: two 0.5 s pauses between the three attempts")
    }

    @Test("a request over requestTimeout fails with the timeout, without retries")
    func requestTimeout() async throws {
        try await FakeServer.with(
            client: {
                $0.requestTimeout = 0.5
                $0.connectionRetries = 3
            },
            answer: { _, _ in
                FakeAnswer(body: "{}", delay: 3)
            }
        ) { client, server in
            let error = await clientError { try await client.healthz() }
            #expect(error == PipelineClientError(message: "GET /apis/v2beta1/healthz got no answer within 0.5 s"))
            #expect(await server.log.requests.count == 1)
        }
    }
}
