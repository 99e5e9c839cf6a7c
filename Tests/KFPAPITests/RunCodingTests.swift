import Foundation
import KFPAPI
import KFPSpec
import Testing

/// ``Run`` read from the Python client's bodies and written as the KFP server answers.
@Suite("Run coding")
struct RunCodingTests {
    /// The body `kfp.Client.create_run_from_pipeline_package(..., arguments={"name": "kfp"}, run_name="pkg-run")` sends.
    static let pythonBody = """
        {"experiment_id": "06af1969-132a-4141-ba43-3412695a31dd", "display_name": "pkg-run",
         "pipeline_spec": \(TestJSON.pipelineSpec), "runtime_config": {"parameters": {"name": "kfp"}}}
        """

    @Test("the Python client's create_run_from_pipeline_package body decodes field by field")
    func decodesPythonBody() throws {
        let run = try Run(jsonData: Data(Self.pythonBody.utf8), path: "run")
        let expected = Run(
            experimentID: "06af1969-132a-4141-ba43-3412695a31dd", displayName: "pkg-run",
            pipelineSpec: try TestJSON.parse(TestJSON.pipelineSpec),
            runtimeConfig: RuntimeConfig(parameters: ["name": "kfp"]))
        #expect(run == expected)
        #expect(run.pipelineSpec?.objectValue?["sdkVersion"] == "kfp-2.17.3")
    }

    @Test("the created run is written with defaults left out and the always-present timestamps at the epoch")
    func encodesCreatedRun() throws {
        var run = try Run(jsonData: Data(Self.pythonBody.utf8), path: "run")
        run.runID = "0d5a5f3c-8f7e-4b0c-9d51-1c0b3c8f2e11"
        run.storageState = .available
        run.createdAt = TestJSON.may1
        run.scheduledAt = TestJSON.may1
        run.state = .pending
        run.stateHistory = [RuntimeStatus(updateTime: TestJSON.may1, state: .pending)]
        let expected = try TestJSON.parse(
            """
            {"experiment_id": "06af1969-132a-4141-ba43-3412695a31dd",
             "run_id": "0d5a5f3c-8f7e-4b0c-9d51-1c0b3c8f2e11", "display_name": "pkg-run",
             "storage_state": "AVAILABLE", "pipeline_spec": \(TestJSON.pipelineSpec),
             "runtime_config": {"parameters": {"name": "kfp"}},
             "created_at": "2024-05-01T12:00:00Z", "scheduled_at": "2024-05-01T12:00:00Z",
             "finished_at": "1970-01-01T00:00:00Z", "state": "PENDING",
             "state_history": [{"update_time": "2024-05-01T12:00:00Z", "state": "PENDING"}]}
            """)
        #expect(run.json() == expected)
    }

    @Test("a run by version reference, with pipeline_root and service account, round-trips")
    func versionReference() throws {
        let body = try TestJSON.parse(
            """
            {"experiment_id": "e1", "display_name": "by-ref",
             "pipeline_version_reference": {"pipeline_id": "p1", "pipeline_version_id": "v1"},
             "runtime_config": {"parameters": {"name": "ref"}, "pipeline_root": "/tmp/root"},
             "service_account": "sa1"}
            """)
        let run = try Run(json: body, path: "run")
        #expect(run.pipelineVersionReference == PipelineVersionReference(pipelineID: "p1", pipelineVersionID: "v1"))
        #expect(run.runtimeConfig == RuntimeConfig(parameters: ["name": "ref"], pipelineRoot: "/tmp/root"))
        #expect(run.serviceAccount == "sa1")
        var echoed = body.objectValue ?? [:]
        for key in ["created_at", "scheduled_at", "finished_at"] { echoed[key] = "1970-01-01T00:00:00Z" }
        #expect(run.json() == .object(echoed))
    }

    @Test("run details write int64 ids as strings and leave empty details out")
    func runDetails() throws {
        let task = PipelineTaskDetail(
            runID: "r1", taskID: "t1", displayName: "say", createTime: TestJSON.may1,
            executorDetail: ExecutorDetail(mainJob: "say-pod", failedMainJobs: ["say-pod-1"]),
            state: .failed, executionID: 34, error: RPCStatus(.internalError, "exit 1"),
            inputs: ["data": ArtifactIDList(artifactIDs: [5, 6])], outputs: ["empty": ArtifactIDList()],
            stateHistory: [RuntimeStatus(state: .running)], childTasks: [ChildTask(taskID: "c1", podName: "p")])
        let run = Run(
            runID: "r1", finishedAt: TestJSON.may1, state: .failed, error: RPCStatus(.internalError, "exit 1"),
            runDetails: RunDetails(pipelineContextID: 12, pipelineRunContextID: 0, taskDetails: [task]))
        let error = #"{"code": 13, "message": "exit 1", "details": [{"@type": "type.googleapis.com/google.rpc.Status", "code": 13, "message": "exit 1"}]}"#
        let expected = try TestJSON.parse(
            """
            {"run_id": "r1", "created_at": "1970-01-01T00:00:00Z", "scheduled_at": "1970-01-01T00:00:00Z",
             "finished_at": "2024-05-01T12:00:00Z", "state": "FAILED", "error": \(error),
             "run_details": {"pipeline_context_id": "12", "task_details": [
               {"run_id": "r1", "task_id": "t1", "display_name": "say", "create_time": "2024-05-01T12:00:00Z",
                "executor_detail": {"main_job": "say-pod", "failed_main_jobs": ["say-pod-1"]},
                "state": "FAILED", "execution_id": "34", "error": \(error),
                "inputs": {"data": {"artifact_ids": ["5", "6"]}}, "outputs": {"empty": {}},
                "state_history": [{"state": "RUNNING"}], "child_tasks": [{"task_id": "c1", "pod_name": "p"}]}]}}
            """)
        #expect(run.json() == expected)
        // Read back, the epoch timestamps become dates and the 0 id stays unset: writing again is stable.
        #expect(try Run(json: expected, path: "run").json() == expected)
        #expect(Run(runDetails: RunDetails()).json().objectValue?["run_details"] == nil)
    }

    @Test("camelCase keys, enum numbers and int64 strings are accepted on input")
    func camelCaseInput() throws {
        let body = try TestJSON.parse(
            """
            {"experimentId": "e1", "displayName": "camel", "storageState": 2, "state": "SUCCEEDED",
             "runtimeConfig": {"parameters": {"n": 1}, "pipelineRoot": "s3://b"},
             "pipelineVersionReference": {"pipelineId": "p", "pipelineVersionId": "v"},
             "createdAt": "2024-05-01T14:00:00+02:00", "runDetails": {"pipelineContextId": "7",
               "taskDetails": [{"executionId": 9, "inputs": {"x": {"artifactIds": ["1", 2]}}}]},
             "recurringRunId": "rr", "stateHistory": [{"updateTime": "2024-05-01T12:00:00Z", "state": 3}]}
            """)
        let run = try Run(json: body, path: "run")
        #expect(run.experimentID == "e1")
        #expect(run.storageState == .archived)
        #expect(run.state == .succeeded)
        #expect(run.runtimeConfig == RuntimeConfig(parameters: ["n": 1], pipelineRoot: "s3://b"))
        #expect(run.createdAt == TestJSON.may1)
        #expect(run.runDetails?.pipelineContextID == 7)
        #expect(run.runDetails?.taskDetails.first?.executionID == 9)
        #expect(run.runDetails?.taskDetails.first?.inputs["x"] == ArtifactIDList(artifactIDs: [1, 2]))
        #expect(run.recurringRunID == "rr")
        #expect(run.stateHistory == [RuntimeStatus(updateTime: TestJSON.may1, state: .succeeded)])
    }

    @Test("emoji and other non-ASCII text round-trip byte-exact")
    func emojiRoundTrip() throws {
        let text = #"{"display_name":"訓練 🚀 run","pipeline_spec":{"pipelineInfo":{"name":"ñandú 🦤"}},"description":"😀\u00e9"}"#
        let run = try Run(jsonData: Data(text.utf8), path: "run")
        #expect(run.displayName == "訓練 🚀 run")
        #expect(run.description == "😀é")
        let written = run.jsonText()
        #expect(written.contains(#""display_name":"訓練 🚀 run""#))
        #expect(written.contains(#""pipeline_spec":{"pipelineInfo":{"name":"ñandú 🦤"}}"#))
        #expect(written.contains(#""description":"😀é""#))
    }

    @Test("false, 0, empty-string and null parameter values survive; empty parameters are left out")
    func falsyParameters() throws {
        let body = try TestJSON.parse(
            #"{"display_name": "x", "runtime_config": {"parameters": {"flag": false, "count": 0, "text": "", "none": null, "list": [], "obj": {}}}}"#)
        let run = try Run(json: body, path: "run")
        #expect(run.runtimeConfig?.parameters == ["flag": false, "count": 0, "text": "", "none": nil, "list": [], "obj": [:]])
        #expect(run.json().objectValue?["runtime_config"] == body.objectValue?["runtime_config"])
        let empty = try Run(json: ["display_name": "x", "runtime_config": ["parameters": [:]]], path: "run")
        #expect(empty.runtimeConfig == RuntimeConfig())
        #expect(empty.json().objectValue?["runtime_config"] == [:])
        #expect(Run(pipelineSpec: ["flag": false, "n": 0, "s": ""]).json().objectValue?["pipeline_spec"] == [
            "flag": false, "n": 0, "s": "",
        ])
    }

    @Test("the platform-spec wrapper form of pipeline_spec passes through unchanged")
    func wrapperSpec() throws {
        let spec: JSONValue = ["pipeline_spec": ["pipelineInfo": ["name": "p"]], "platform_spec": ["platforms": [:]]]
        let run = try Run(json: ["display_name": "plat", "pipeline_spec": spec], path: "run")
        #expect(run.pipelineSpec == spec)
        #expect(run.json().objectValue?["pipeline_spec"] == spec)
    }
}
