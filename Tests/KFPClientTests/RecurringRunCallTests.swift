import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// The recurring-run calls against an in-process `kfp server`.
@Suite("Recurring run calls against kfp server")
struct RecurringRunCallTests {
    /// Every 1 January at midnight: never fires while a test runs.
    static let yearly = Trigger.cron(CronSchedule(cron: "0 0 0 1 1 *"))

    @Test("create from a spec and from a stored pipeline; get, list, enable, disable and delete")
    func lifecycle() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let spec = try ClientTestPipelines.twoStep()
            let nightly = try await client.createRecurringRun(
                name: "nightly", trigger: Self.yearly, spec: spec, arguments: ["text": "cron"],
                options: RecurringRunOptions(experimentName: "schedules", description: "every year", maxConcurrency: 2))
            let experiment = try await client.experiment(named: "schedules")
            #expect(nightly.displayName == "nightly")
            #expect(nightly.description == "every year")
            #expect(nightly.experimentID == experiment.experimentID)
            #expect(nightly.maxConcurrency == 2)
            #expect(nightly.status == .enabled)
            #expect(nightly.trigger == Self.yearly)
            #expect(nightly.runtimeConfig?.parameters == ["text": "cron"])

            let pipeline = try await client.uploadPipeline(spec: spec, name: "scheduled")
            let start = Date(timeIntervalSince1970: 1_893_456_000)
            let hourly = try await client.createRecurringRun(
                name: "hourly", trigger: .periodic(PeriodicSchedule(startTime: start, intervalSecond: 3600)),
                pipelineID: pipeline.pipelineID,
                options: RecurringRunOptions(experimentID: experiment.experimentID, noCatchup: true, enabled: false))
            #expect(hourly.status == .disabled)
            #expect(hourly.noCatchup)
            #expect(hourly.trigger == .periodic(PeriodicSchedule(startTime: start, intervalSecond: 3600)))
            #expect(hourly.pipelineVersionReference?.pipelineID == pipeline.pipelineID)
            #expect(try await client.recurringRun(id: hourly.recurringRunID) == hourly)

            let listed = try await client.listRecurringRuns(
                ListOptions(sortBy: "display_name"), experimentID: experiment.experimentID)
            #expect(listed.items.map(\.displayName) == ["hourly", "nightly"])
            #expect(listed.totalSize == 2)
            #expect(try await client.listRecurringRuns(ListOptions(pageSize: 1)).nextPageToken != nil)

            try await client.enableRecurringRun(id: hourly.recurringRunID)
            #expect(try await client.recurringRun(id: hourly.recurringRunID).status == .enabled)
            try await client.disableRecurringRun(id: hourly.recurringRunID)
            #expect(try await client.recurringRun(id: hourly.recurringRunID).status == .disabled)
            try await client.deleteRecurringRun(id: hourly.recurringRunID)
            let gone = await clientError { try await client.recurringRun(id: hourly.recurringRunID) }
            #expect(gone?.status == 404)
            #expect(gone?.message == "RecurringRun \(hourly.recurringRunID) not found")
        }
    }

    @Test("a package file source works; bad sources and server refusals are errors")
    func sourcesAndErrors() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let file = try ClientHarness.temporaryFile(
                "two_step.yaml", try ClientTestPipelines.yaml(try ClientTestPipelines.twoStep()))
            let fromFile = try await client.createRecurringRun(
                name: "from file", trigger: Self.yearly, packageFile: file)
            #expect(fromFile.pipelineSpec?.objectValue?["pipelineInfo"] == ["name": "two-step"])
            #expect(fromFile.experimentID == (try await client.experiment(named: "Default")).experimentID)

            let none = await clientError { try await client.createRecurringRun(name: "x", trigger: Self.yearly) }
            #expect(
                none
                    == PipelineClientError(
                        message:
                            "a recurring run needs exactly one pipeline source: a package file, a spec or a pipeline id"
                    ))
            let two = await clientError {
                try await client.createRecurringRun(name: "x", trigger: Self.yearly, packageFile: file, pipelineID: "p")
            }
            #expect(two?.status == nil)
            let badCron = await clientError {
                try await client.createRecurringRun(
                    name: "x", trigger: .cron(CronSchedule(cron: "every day")), packageFile: file)
            }
            #expect(badCron?.status == 400)
            let tooMany = await clientError {
                try await client.createRecurringRun(
                    name: "x", trigger: Self.yearly, packageFile: file, options: RecurringRunOptions(maxConcurrency: 11)
                )
            }
            #expect(tooMany?.status == 400)
            #expect(tooMany?.message == "Invalid recurring_run: max_concurrency must be between 1 and 10, found 11")
        }
    }
}
