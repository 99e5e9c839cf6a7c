import Foundation
import KFPAPI
import KFPSpec
import Testing

/// `init(response:)`: what a client reads from a newer KFP server, while `init(json:path:)` stays strict.
@Suite("Lenient response reading")
struct LenientReadingTests {
    /// A run as a future server might answer: unknown fields at several levels, an unknown enum name.
    static let futureRun = """
        {"run_id": "r1", "display_name": "nightly", "state": "RUNNING", "brand_new": {"x": 1},
         "runtime_config": {"parameters": {"n": 3}, "pipeline_root": "/tmp/r", "newer_field": true},
         "run_details": {"task_details": [{"task_id": "t1", "display_name": "train", "state": "HIBERNATING",
            "gpu_seconds": "12", "state_history": [{"state": "PENDING", "note": "queued"}]}]},
         "storage_state": "AVAILABLE", "created_at": "2024-05-01T12:00:00Z"}
        """

    @Test("unknown fields are ignored at every level and unknown enum names read as UNSPECIFIED")
    func ignoresUnknown() throws {
        let run = try Run(response: try TestJSON.parse(Self.futureRun))
        #expect(run.runID == "r1")
        #expect(run.displayName == "nightly")
        #expect(run.state == .running)
        #expect(run.storageState == .available)
        #expect(run.createdAt == TestJSON.may1)
        #expect(run.runtimeConfig == RuntimeConfig(parameters: ["n": 3], pipelineRoot: "/tmp/r"))
        let task = try #require(run.runDetails?.taskDetails.first)
        #expect(task.taskID == "t1")
        #expect(task.state == .unspecified)
        #expect(task.stateHistory == [RuntimeStatus(state: .pending)])
    }

    @Test("the same body is still refused by the strict reader")
    func strictUnchanged() throws {
        let json = try TestJSON.parse(Self.futureRun)
        #expect(throws: APIError.invalidArgument(#"unknown field "brand_new" in run"#)) {
            try Run(json: json, path: "run")
        }
        let experiment = try TestJSON.parse(#"{"experiment_id": "e", "storage_state": "FROZEN"}"#)
        #expect(throws: APIError.self) { try Experiment(json: experiment, path: "experiment") }
        #expect(try Experiment(response: experiment).storageState == .unspecified)
    }

    @Test("enum names match ignoring case; the snake_case spelling wins over a duplicate")
    func caseAndDuplicates() throws {
        let run = try Run(
            response: try TestJSON.parse(#"{"state": "succeeded", "displayName": "b", "display_name": "a"}"#))
        #expect(run.state == .succeeded)
        #expect(run.displayName == "a")
        let recurring = try RecurringRun(
            response: try TestJSON.parse(
                #"{"recurring_run_id": "rr", "status": "ENABLED", "trigger": {"cron_schedule": {"cron": "0 * * * * *", "timezone": "UTC"}}, "extra": []}"#
            ))
        #expect(recurring.trigger == .cron(CronSchedule(cron: "0 * * * * *")))
        #expect(recurring.status == .enabled)
    }

    @Test("values of the wrong type still throw, naming the field")
    func wrongTypes() throws {
        let json = try TestJSON.parse(#"{"run_id": 7}"#)
        #expect(
            throws: APIError.invalidArgument("invalid value for response.run_id: expected a string, found number 7")
        ) {
            try Run(response: json)
        }
        let healthz = try Healthz(
            response: try TestJSON.parse(#"{"multi_user": false, "pipeline_store": "db", "uptime": 5}"#))
        #expect(healthz == Healthz(multiUser: false, pipelineStore: "db"))
    }
}
