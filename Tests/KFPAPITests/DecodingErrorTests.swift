import Foundation
import KFPAPI
import KFPSpec
import Testing

/// protojson request parsing errors: each names the field path, what was expected and what was found.
@Suite("Decoding errors")
struct DecodingErrorTests {
    @Test(
        "unknown, duplicate and oneof fields are rejected with the field path",
        arguments: [
            (#"{"display_name": "x", "foo": 1}"#, #"unknown field "foo" in run"#),
            (#"{"runtime_config": {"parameters": {}, "pipelineroot": "/x"}}"#, #"unknown field "pipelineroot" in run.runtime_config"#),
            (#"{"state_history": [{}, {"when": "now"}]}"#, #"unknown field "when" in run.state_history[1]"#),
            (#"{"DisplayName": "x"}"#, #"unknown field "DisplayName" in run"#),
            (#"{"display_name": "a", "displayName": "b"}"#, #"duplicate field "display_name" in run"#),
            (
                #"{"pipeline_spec": {}, "pipeline_version_reference": {"pipeline_id": "p"}}"#,
                "run: only one of pipeline_version_id, pipeline_spec, pipeline_version_reference may be set (oneof pipeline_source), found pipeline_spec and pipeline_version_reference"
            ),
        ])
    func structural(body: String, message: String) {
        #expect(throws: APIError.invalidArgument(message)) { try Run(jsonData: Data(body.utf8), path: "run") }
    }

    @Test(
        "a value of the wrong type names the path, the expectation and the value found",
        arguments: [
            (#"{"display_name": 3}"#, "invalid value for run.display_name: expected a string, found number 3"),
            (#"{"display_name": ["a"]}"#, "invalid value for run.display_name: expected a string, found a list"),
            (#"{"runtime_config": "x"}"#, #"invalid value for run.runtime_config: expected an object, found string "x""#),
            (#"{"runtime_config": {"parameters": [1]}}"#, "invalid value for run.runtime_config.parameters: expected an object, found a list"),
            (#"{"pipeline_spec": "yaml text"}"#, #"invalid value for run.pipeline_spec: expected an object, found string "yaml text""#),
            (
                #"{"created_at": "yesterday"}"#,
                #"invalid value for run.created_at: expected an RFC 3339 timestamp such as "2024-05-01T12:00:00Z", found string "yesterday""#
            ),
            (
                #"{"state": "DONE"}"#,
                #"invalid value for run.state: expected a RuntimeState name (RUNTIME_STATE_UNSPECIFIED, PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, CANCELING, CANCELED, PAUSED) or its number, found string "DONE""#
            ),
            (
                #"{"storage_state": 9}"#,
                "invalid value for run.storage_state: expected a StorageState name (STORAGE_STATE_UNSPECIFIED, AVAILABLE, ARCHIVED) or its number, found number 9"
            ),
            (
                #"{"run_details": {"pipeline_context_id": "twelve"}}"#,
                #"invalid value for run.run_details.pipeline_context_id: expected an int64 (a number or a decimal string), found string "twelve""#
            ),
            (
                #"{"run_details": {"task_details": [{"execution_id": 1.5}]}}"#,
                "invalid value for run.run_details.task_details[0].execution_id: expected an int64 (a number or a decimal string), found number 1.5"
            ),
            (
                #"{"run_details": {"task_details": [{"inputs": {"a": {"artifact_ids": [true]}}}]}}"#,
                #"invalid value for run.run_details.task_details[0].inputs["a"].artifact_ids[0]: expected an int64 (a number or a decimal string), found boolean true"#
            ),
            (
                #"{"error": {"code": 4294967296}}"#,
                "invalid value for run.error.code: expected an int32 (a number or a decimal string), found number 4294967296"
            ),
            ("[]", "invalid value for run: expected an object, found a list"),
        ])
    func wrongType(body: String, message: String) {
        #expect(throws: APIError.invalidArgument(message)) { try Run(jsonData: Data(body.utf8), path: "run") }
    }

    @Test("booleans must be JSON booleans; long strings are cut in the message")
    func booleansAndLongValues() {
        #expect(throws: APIError.invalidArgument(
            #"invalid value for recurring_run.no_catchup: expected true or false, found string "true""#
        )) { try RecurringRun(json: ["no_catchup": "true"], path: "recurring_run") }
        let long = String(repeating: "x", count: 100)
        #expect(throws: APIError.invalidArgument(
            "invalid value for experiment.description: expected a string, found a list"
        )) { try Experiment(json: ["description": [.string(long)]], path: "experiment") }
        #expect(throws: APIError.invalidArgument(
            "invalid value for run.created_at: expected an RFC 3339 timestamp such as \"2024-05-01T12:00:00Z\", found string \""
                + String(repeating: "x", count: 58) + "…\""
        )) { try Run(json: ["created_at": .string(long)], path: "run") }
    }

    @Test("null means not set, at any level")
    func nullIsAbsent() throws {
        let run = try Run(
            json: ["display_name": nil, "pipeline_spec": nil, "runtime_config": nil, "state": nil, "error": nil],
            path: "run")
        #expect(run == Run())
        #expect(try Run(json: ["pipeline_spec": nil, "pipeline_version_reference": ["pipeline_id": "p"]], path: "run")
            .pipelineVersionReference?.pipelineID == "p")
    }

    @Test("int64 and int32 accept numbers, decimal strings and whole exponent forms")
    func integerForms() throws {
        for value: JSONValue in [5, "5", 5.0, "5e0", "+5"] {
            #expect(try RecurringRun(json: ["max_concurrency": value], path: "r").maxConcurrency == 5)
        }
        #expect(try RecurringRun(json: ["max_concurrency": "-9223372036854775808"], path: "r").maxConcurrency == .min)
        #expect(throws: APIError.invalidArgument(
            #"invalid value for r.max_concurrency: expected an int64 (a number or a decimal string), found string "0x10""#
        )) { try RecurringRun(json: ["max_concurrency": "0x10"], path: "r") }
        #expect(throws: APIError.invalidArgument(
            #"invalid value for r.max_concurrency: expected an int64 (a number or a decimal string), found string """#
        )) { try RecurringRun(json: ["max_concurrency": ""], path: "r") }
    }

    @Test("bad JSON text in a body is an invalid-argument error")
    func badJSON() {
        #expect(throws: APIError.invalidArgument("invalid JSON at offset 21: expected a string key in an object")) {
            try Experiment(jsonData: Data(#"{"display_name": "x",}"#.utf8), path: "experiment")
        }
    }
}
