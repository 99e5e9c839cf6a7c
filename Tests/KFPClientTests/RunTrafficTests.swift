import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// Run and recurring-run requests compared with what `kfp.Client` 2.17.3 sends.
@Suite("Run requests match kfp.Client's")
struct RunTrafficTests {
    /// A fake that knows the Default experiment and answers every other call with `{}`-like bodies.
    static func answer(_ request: RecordedRequest, _ index: Int) -> FakeAnswer {
        switch (request.method, request.path) {
        case ("GET", "/apis/v2beta1/experiments"): return .json(RequestTrafficTests.defaultExperiment)
        case ("POST", "/apis/v2beta1/runs"): return .run("r1", "PENDING")
        case ("POST", "/apis/v2beta1/recurringruns"): return .json(#"{"recurring_run_id": "rr1", "status": "ENABLED"}"#)
        case ("GET", "/apis/v2beta1/pipelines/p1"): return .json(#"{"pipeline_id": "p1", "display_name": "stored"}"#)
        default: return .json("{}")
        }
    }

    static func body(_ request: RecordedRequest) throws -> [String: JSONValue] {
        try #require(try APIJSON.parse(request.body).objectValue)
    }

    @Test("createRun(spec:) posts the IR, arguments, root, account; the experiment is looked up first")
    func runFromSpec() async throws {
        let spec = try ClientTestPipelines.twoStep()
        try await FakeServer.with(answer: Self.answer) { client, server in
            let options = RunOptions(runName: "R", description: "D", pipelineRoot: "/tmp/root", serviceAccount: "sa1")
            let run = try await client.createRun(spec: spec, arguments: ["text": "kfp", "n": 3], options: options)
            #expect(run.runID == "r1")
            let requests = await server.log.requests
            #expect(
                requests.map(\.line) == [
                    "GET /apis/v2beta1/experiments?\(RequestTrafficTests.nameFilter("Default"))&namespace=",
                    "POST /apis/v2beta1/runs",
                ])
            let body = try Self.body(requests[1])
            #expect(
                Set(body.keys) == [
                    "experiment_id", "display_name", "description", "pipeline_spec", "runtime_config",
                    "service_account",
                ])
            #expect(body["experiment_id"] == "e1")
            #expect(body["display_name"] == "R")
            #expect(body["description"] == "D")
            #expect(body["service_account"] == "sa1")
            #expect(body["runtime_config"] == ["parameters": ["text": "kfp", "n": 3], "pipeline_root": "/tmp/root"])
            #expect(body["pipeline_spec"] == (try SpecWriter().tree(of: spec)))
        }
    }

    @Test("enableCaching rewrites every task's cachingOptions; a platform spec makes the wrapper form")
    func cachingAndPlatform() async throws {
        var spec = try ClientTestPipelines.twoStep()
        spec.platformSpec = ["platforms": ["kubernetes": ["deploymentSpec": ["executors": [:]]]]]
        try await FakeServer.with(answer: Self.answer) { client, server in
            _ = try await client.createRun(
                spec: spec, options: RunOptions(runName: "off", experimentID: "e9", enableCaching: false))
            _ = try await client.createRun(
                spec: spec, options: RunOptions(runName: "on", experimentID: "e9", enableCaching: true))
            let requests = await server.log.requests
            #expect(requests.map(\.line) == ["POST /apis/v2beta1/runs", "POST /apis/v2beta1/runs"])
            for (request, expected) in zip(requests, [JSONValue.object([:]), ["enableCache": true]]) {
                let body = try Self.body(request)
                #expect(body["experiment_id"] == "e9")
                #expect(body["runtime_config"] == ["parameters": [:]])
                let wrapper = try #require(body["pipeline_spec"]?.objectValue)
                #expect(wrapper["platform_spec"] == spec.platformSpec)
                let tasks = wrapper["pipeline_spec"]?.objectValue?["root"]?.objectValue?["dag"]?.objectValue?["tasks"]?
                    .objectValue
                #expect(tasks?["produce"]?.objectValue?["cachingOptions"] == expected)
                #expect(tasks?["consume"]?.objectValue?["cachingOptions"] == expected)
            }
        }
    }

    @Test("createRun(pipelineID:) sends a version reference; without a version id it is left out")
    func runFromPipeline() async throws {
        try await FakeServer.with(answer: Self.answer) { client, server in
            _ = try await client.createRun(
                pipelineID: "p1", versionID: "v1", arguments: ["a": true], options: RunOptions(runName: "J"))
            let unnamed = try await client.createRun(pipelineID: "p1", options: RunOptions(experimentID: "e5"))
            #expect(unnamed.runID == "r1")
            let requests = await server.log.requests
            #expect(
                requests.map(\.line) == [
                    "GET /apis/v2beta1/experiments?\(RequestTrafficTests.nameFilter("Default"))&namespace=",
                    "POST /apis/v2beta1/runs",
                    "GET /apis/v2beta1/pipelines/p1",
                    "POST /apis/v2beta1/runs",
                ])
            #expect(
                try Self.body(requests[1]) == [
                    "experiment_id": "e1", "display_name": "J",
                    "pipeline_version_reference": ["pipeline_id": "p1", "pipeline_version_id": "v1"],
                    "runtime_config": ["parameters": ["a": true]],
                ])
            let second = try Self.body(requests[3])
            #expect(second["pipeline_version_reference"] == ["pipeline_id": "p1"])
            #expect(second["display_name"]?.stringValue.map { RunCallTests.isDefaultName($0, base: "stored") } == true)
        }
    }

    @Test("run lists, verbs and deletes use kfp's paths and query order")
    func runCalls() async throws {
        try await FakeServer.with(answer: Self.answer) { client, server in
            _ = try await client.listRuns()
            _ = try await client.listRuns(ListOptions(pageSize: 1, sortBy: "created_at desc"), experimentID: "E")
            _ = try await client.run(id: "r1")
            try await client.terminateRun(id: "r1")
            try await client.retryRun(id: "r1")
            try await client.archiveRun(id: "r1")
            try await client.unarchiveRun(id: "r1")
            try await client.deleteRun(id: "r1")
            #expect(
                await server.log.lines == [
                    "GET /apis/v2beta1/runs?namespace=&page_token=&page_size=20&sort_by=",
                    "GET /apis/v2beta1/runs?experiment_id=E&page_token=&page_size=1&sort_by=created_at+desc",
                    "GET /apis/v2beta1/runs/r1",
                    "POST /apis/v2beta1/runs/r1:terminate",
                    "POST /apis/v2beta1/runs/r1:retry",
                    "POST /apis/v2beta1/runs/r1:archive",
                    "POST /apis/v2beta1/runs/r1:unarchive",
                    "DELETE /apis/v2beta1/runs/r1",
                ])
        }
    }

    @Test("recurring runs: the body kfp sends (numbers for int64, mode names) and the list/verb paths")
    func recurringRuns() async throws {
        let start = Date(timeIntervalSince1970: 1_893_456_000)
        try await FakeServer.with(answer: Self.answer) { client, server in
            _ = try await client.createRecurringRun(
                name: "hourly", trigger: .periodic(PeriodicSchedule(startTime: start, intervalSecond: 3600)),
                pipelineID: "p1",
                versionID: "v1", options: RecurringRunOptions(experimentID: "E", noCatchup: true, enabled: false))
            _ = try await client.createRecurringRun(
                name: "cron", trigger: .cron(CronSchedule(cron: "0 0 * * * *")),
                spec: try ClientTestPipelines.twoStep(),
                arguments: ["text": "x"],
                options: RecurringRunOptions(experimentID: "E", description: "D", maxConcurrency: 2))
            _ = try await client.listRecurringRuns(experimentID: "E")
            _ = try await client.listRecurringRuns()
            _ = try await client.recurringRun(id: "rr1")
            try await client.enableRecurringRun(id: "rr1")
            try await client.disableRecurringRun(id: "rr1")
            try await client.deleteRecurringRun(id: "rr1")
            let requests = await server.log.requests
            #expect(
                requests.map(\.line) == [
                    "POST /apis/v2beta1/recurringruns",
                    "POST /apis/v2beta1/recurringruns",
                    "GET /apis/v2beta1/recurringruns?page_token=&page_size=20&sort_by=&experiment_id=E",
                    "GET /apis/v2beta1/recurringruns?page_token=&page_size=20&sort_by=",
                    "GET /apis/v2beta1/recurringruns/rr1",
                    "POST /apis/v2beta1/recurringruns/rr1:enable",
                    "POST /apis/v2beta1/recurringruns/rr1:disable",
                    "DELETE /apis/v2beta1/recurringruns/rr1",
                ])
            #expect(
                try Self.body(requests[0]) == [
                    "display_name": "hourly", "experiment_id": "E", "max_concurrency": 1, "mode": "DISABLE",
                    "no_catchup": true,
                    "pipeline_version_reference": ["pipeline_id": "p1", "pipeline_version_id": "v1"],
                    "runtime_config": ["parameters": [:]],
                    "trigger": ["periodic_schedule": ["start_time": "2030-01-01T00:00:00Z", "interval_second": 3600]],
                ])
            let cron = try Self.body(requests[1])
            #expect(cron["trigger"] == ["cron_schedule": ["cron": "0 0 * * * *"]])
            #expect(cron["mode"] == "ENABLE")
            #expect(cron["max_concurrency"] == 2)
            #expect(cron["description"] == "D")
            #expect(cron["no_catchup"] == nil)
            #expect(cron["runtime_config"] == ["parameters": ["text": "x"]])
            #expect(cron["pipeline_spec"]?.objectValue?["pipelineInfo"] == ["name": "two-step"])
        }
    }
}
