import Foundation
import KFPAPI
import KFPSpec
import Testing

/// ``RecurringRun`` and ``Trigger`` with the Python client's cron and periodic bodies.
@Suite("Recurring run coding")
struct RecurringRunCodingTests {
    @Test("the cron body of create_recurring_run decodes and is written back with int64 strings")
    func cronBody() throws {
        let body = try TestJSON.parse(
            """
            {"display_name": "cron-job", "pipeline_spec": \(TestJSON.pipelineSpec),
             "runtime_config": {"parameters": {"name": "cron"}}, "max_concurrency": 2,
             "trigger": {"cron_schedule": {"cron": "0 0 * * * *"}}, "mode": "ENABLE",
             "experiment_id": "06af1969-132a-4141-ba43-3412695a31dd"}
            """)
        var job = try RecurringRun(json: body, path: "recurring_run")
        #expect(job.displayName == "cron-job")
        #expect(job.maxConcurrency == 2)
        #expect(job.trigger == .cron(CronSchedule(cron: "0 0 * * * *")))
        #expect(job.mode == .enable)
        #expect(job.runtimeConfig == RuntimeConfig(parameters: ["name": "cron"]))

        job.recurringRunID = "c99cd160-96cb-4c72-bce0-1b42c251404b"
        job.createdAt = TestJSON.may1
        job.updatedAt = TestJSON.may1
        job.status = .enabled
        let expected = try TestJSON.parse(
            """
            {"recurring_run_id": "c99cd160-96cb-4c72-bce0-1b42c251404b", "display_name": "cron-job",
             "pipeline_spec": \(TestJSON.pipelineSpec), "runtime_config": {"parameters": {"name": "cron"}},
             "max_concurrency": "2", "trigger": {"cron_schedule": {"cron": "0 0 * * * *"}}, "mode": "ENABLE",
             "created_at": "2024-05-01T12:00:00Z", "updated_at": "2024-05-01T12:00:00Z", "status": "ENABLED",
             "experiment_id": "06af1969-132a-4141-ba43-3412695a31dd"}
            """)
        #expect(job.json() == expected)
    }

    @Test("the periodic body with a version reference, DISABLE and no_catchup decodes and round-trips")
    func periodicBody() throws {
        let body = try TestJSON.parse(
            """
            {"display_name": "periodic-job",
             "pipeline_version_reference": {"pipeline_id": "eac89221", "pipeline_version_id": "8b05d5d6"},
             "runtime_config": {"parameters": {}}, "max_concurrency": 1,
             "trigger": {"periodic_schedule": {"start_time": "2030-01-01T00:00:00Z", "interval_second": 3600}},
             "mode": "DISABLE", "no_catchup": true, "experiment_id": "e1"}
            """)
        let job = try RecurringRun(json: body, path: "recurring_run")
        #expect(job.trigger == .periodic(PeriodicSchedule(startTime: TestJSON.date(1_893_456_000), intervalSecond: 3600)))
        #expect(job.mode == .disable)
        #expect(job.noCatchup)
        #expect(job.maxConcurrency == 1)
        #expect(job.pipelineVersionReference == PipelineVersionReference(pipelineID: "eac89221", pipelineVersionID: "8b05d5d6"))
        let expected = try TestJSON.parse(
            """
            {"display_name": "periodic-job",
             "pipeline_version_reference": {"pipeline_id": "eac89221", "pipeline_version_id": "8b05d5d6"},
             "runtime_config": {}, "max_concurrency": "1",
             "trigger": {"periodic_schedule": {"start_time": "2030-01-01T00:00:00Z", "interval_second": "3600"}},
             "mode": "DISABLE", "no_catchup": true, "experiment_id": "e1",
             "created_at": "1970-01-01T00:00:00Z", "updated_at": "1970-01-01T00:00:00Z"}
            """)
        #expect(job.json() == expected)
        var readBack = try RecurringRun(json: expected, path: "recurring_run")
        #expect(readBack.createdAt == TestJSON.date(0))
        readBack.createdAt = nil
        readBack.updatedAt = nil
        #expect(readBack == job)
    }

    @Test("Status numbers follow the proto (DISABLED is 3); names and numbers both decode")
    func statusNumbers() throws {
        #expect(RecurringRunStatus.disabled.protoNumber == 3)
        #expect(RecurringRunStatus(protoNumber: 2) == nil)
        let job = try RecurringRun(json: ["status": 3, "mode": 1, "maxConcurrency": "10"], path: "recurring_run")
        #expect(job.status == .disabled)
        #expect(job.mode == .enable)
        #expect(job.maxConcurrency == 10)
        #expect(throws: APIError.invalidArgument(
            "invalid value for recurring_run.status: expected a RecurringRun.Status name (STATUS_UNSPECIFIED, ENABLED, DISABLED) or its number, found number 2"
        )) { try RecurringRun(json: ["status": 2], path: "recurring_run") }
    }

    @Test("an empty trigger is no trigger; both schedules at once is a oneof error")
    func triggerOneOf() throws {
        #expect(try RecurringRun(json: ["trigger": [:]], path: "recurring_run").trigger == nil)
        let both: JSONValue = ["trigger": ["cron_schedule": ["cron": "* * * * * *"], "periodicSchedule": ["interval_second": 60]]]
        #expect(throws: APIError.invalidArgument(
            "recurring_run.trigger: only one of cron_schedule, periodic_schedule may be set (oneof trigger), found cron_schedule and periodic_schedule"
        )) { try RecurringRun(json: both, path: "recurring_run") }
    }

    @Test("cron schedule times and a camelCase periodic interval given as a string")
    func scheduleTimes() throws {
        let trigger = try Trigger(
            json: ["cronSchedule": ["startTime": "2024-05-01T12:00:00Z", "endTime": "2030-01-01T00:00:00Z", "cron": "0 * * * * *"]],
            path: "trigger")
        #expect(trigger == .cron(CronSchedule(startTime: TestJSON.may1, endTime: TestJSON.date(1_893_456_000), cron: "0 * * * * *")))
        #expect(trigger?.json() == [
            "cron_schedule": ["start_time": "2024-05-01T12:00:00Z", "end_time": "2030-01-01T00:00:00Z", "cron": "0 * * * * *"]
        ])
        let periodic = try Trigger(json: ["periodicSchedule": ["intervalSecond": "86400"]], path: "trigger")
        #expect(periodic == .periodic(PeriodicSchedule(intervalSecond: 86_400)))
    }
}
