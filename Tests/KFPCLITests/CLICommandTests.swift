import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Every `kfp` server verb against `kfp server`, asserting what each prints with `--output json`.
@Suite("kfp CLI against kfp server")
struct CLICommandTests {
    /// A pipeline declaring an integer, a boolean, a list and a string parameter.
    static func typedPipeline(_ folder: URL) throws -> URL {
        let show = try Component.container(
            name: "show", inputs: [.parameter("count", .numberInteger), .parameter("flag", .boolean),
                                   .parameter("tags", .list), .parameter("label", .string)],
            image: "alpine:3.19",
            command: ["echo", .inputValue("count"), .inputValue("flag"), .inputValue("tags"), .inputValue("label")])
        let pipeline = try Pipeline("typed-args") { p in
            p.task(show, ["count": p.parameter("count", .numberInteger), "flag": p.parameter("flag", .boolean),
                          "tags": p.parameter("tags", .list), "label": p.parameter("label", .string)])
        }
        let file = folder.appendingPathComponent("typed.yaml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SpecWriter().write(try PipelineCompiler().compile(pipeline)).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("experiment, pipeline, run and recurring-run verbs return the server's values; arguments follow parameter types", .enabled(if: CLIHarness.executable != nil, "the kfp executable is not built beside the tests; the CLI test is skipped"))
    func everyVerb() async throws {
        let executable = try #require(CLIHarness.executable)
        let cli = try await CLIHarness.start(executable: executable)
        let file = try Self.typedPipeline(cli.folder)

        // Experiments
        let experiment = try await cli.json(["experiment", "create", "cli ✓", "--description", "from the CLI"])
        let experimentID = try #require(experiment["experiment_id"]?.stringValue)
        #expect(experiment["display_name"] == "cli ✓")
        #expect(try await cli.json(["experiment", "get", experimentID])["description"] == "from the CLI")
        #expect(try await cli.json(["experiment", "get", "--name", "cli ✓"])["experiment_id"]?.stringValue == experimentID)
        let experiments = try await cli.json(["experiment", "list", "--sort-by", "display_name"])
        #expect(experiments.arrayValue?.compactMap { $0["display_name"]?.stringValue } == ["Default", "cli ✓"])
        #expect(try await cli.kfp(["experiment", "archive", experimentID]).status == 0)
        #expect(try await cli.json(["experiment", "get", experimentID])["storage_state"] == "ARCHIVED")
        #expect(try await cli.kfp(["experiment", "unarchive", experimentID]).status == 0)

        // Pipelines and versions
        let pipeline = try await cli.json(["pipeline", "create", "--pipeline-name", "typed", file.path])
        let pipelineID = try #require(pipeline["pipeline_id"]?.stringValue)
        let version = try await cli.json(["pipeline", "create-version", "--pipeline-id", pipelineID, "--pipeline-version", "v2", file.path])
        let versionID = try #require(version["pipeline_version_id"]?.stringValue)
        #expect(version["display_name"] == "v2")
        #expect(try await cli.json(["pipeline", "get", pipelineID])["display_name"] == "typed")
        #expect(try await cli.json(["pipeline", "get", "--name", "typed"])["pipeline_id"]?.stringValue == pipelineID)
        #expect(try await cli.json(["pipeline", "list"]).arrayValue?.count == 1)
        #expect(try await cli.json(["pipeline", "list-versions", pipelineID]).arrayValue?.count == 2)
        #expect(try await cli.json(["pipeline", "get-version", "--pipeline-id", pipelineID, versionID])["pipeline_spec"]?["pipelineInfo"]?["name"] == "typed-args")

        // Runs: NAME=VALUE converted by the declared types
        let run = try await cli.json([
            "run", "create", "--experiment-name", "cli ✓", "--package-file", file.path, "--run-name", "typed ✓", "--watch",
            "--poll-interval", "0.2", "count=123", "flag=true", #"tags=["a","b"]"#, "label=123",
        ])
        let runID = try #require(run["run_id"]?.stringValue)
        #expect(run["state"] == "SUCCEEDED")
        #expect(run["runtime_config"]?["parameters"] == ["count": 123, "flag": true, "tags": ["a", "b"], "label": "123"])
        #expect(run["experiment_id"]?.stringValue == experimentID)
        let fetched = try await cli.json(["run", "get", runID])
        #expect(fetched["run_details"]?["task_details"]?[0]?["state"] == "SUCCEEDED")
        #expect(fetched["run_details"]?["task_details"]?[0]?["display_name"] == "show")
        let fromVersion = try await cli.json([
            "run", "create", "--pipeline-id", pipelineID, "--version", versionID, "--watch", "--poll-interval", "0.2",
            "count=1", "flag=false", "tags=[]", "label=",
        ])
        #expect(fromVersion["state"] == "SUCCEEDED")
        #expect(fromVersion["pipeline_version_reference"]?["pipeline_version_id"]?.stringValue == versionID)
        let runs = try await cli.json(["run", "list", "--experiment-id", experimentID])
        #expect(runs.arrayValue?.compactMap { $0["run_id"]?.stringValue } == [runID])
        let bad = try await cli.kfp(["run", "create", "--package-file", file.path, "count=12x", "flag=true", "tags=[]", "label=x"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("argument count: expected an integer (NUMBER_INTEGER), found '12x'"))
        #expect(try await cli.kfp(["run", "archive", runID]).status == 0)
        #expect(try await cli.json(["run", "get", runID])["storage_state"] == "ARCHIVED")
        #expect(try await cli.kfp(["run", "unarchive", runID]).status == 0)
        let terminateFinished = try await cli.kfp(["run", "terminate", runID])
        #expect(terminateFinished.status != 0)
        #expect(terminateFinished.errors.contains("HTTP 400"))
        #expect(try await cli.kfp(["run", "delete", runID]).status == 0)
        #expect(try await cli.kfp(["run", "get", runID]).errors.contains("HTTP 404"))

        // Recurring runs
        let recurring = try await cli.json([
            "recurring-run", "create", "--job-name", "nightly", "--experiment-id", experimentID,
            "--cron-expression", "0 0 3 * * *", "--package-file", file.path, "--disabled",
            "count=5", "flag=true", "tags=[]", "label=x",
        ])
        let recurringID = try #require(recurring["recurring_run_id"]?.stringValue)
        #expect(recurring["status"] == "DISABLED")
        #expect(recurring["trigger"] == ["cron_schedule": ["cron": "0 0 3 * * *"]])
        #expect(try await cli.kfp(["recurring-run", "enable", recurringID]).status == 0)
        #expect(try await cli.json(["recurring-run", "get", recurringID])["status"] == "ENABLED")
        #expect(try await cli.kfp(["recurring-run", "disable", recurringID]).status == 0)
        #expect(try await cli.json(["recurring-run", "list", "--experiment-id", experimentID]).arrayValue?.count == 1)
        #expect(try await cli.kfp(["recurring-run", "delete", recurringID]).status == 0)

        // Deletes, and connection options before the group
        #expect(try await cli.kfp(["--endpoint", cli.endpoint, "pipeline", "delete-version", "--pipeline-id", pipelineID, versionID]).status == 0)
        #expect(try await cli.kfp(["pipeline", "delete", pipelineID]).errors.contains("HTTP 400"))
        #expect(try await cli.kfp(["pipeline", "delete", pipelineID, "--cascade"]).status == 0)
        #expect(try await cli.kfp(["experiment", "delete", experimentID]).status == 0)
        #expect(try await cli.kfp(["experiment", "get", experimentID]).errors.contains("HTTP 404"))
        await cli.stop()
    }
}
