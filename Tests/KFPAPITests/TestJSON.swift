import Foundation
import KFPAPI
import KFPSpec

/// Small helpers shared by the KFPAPI tests.
enum TestJSON {
    /// Parses JSON text written in a test.
    static func parse(_ text: String) throws -> JSONValue { try APIJSON.parse(text) }

    /// A date from whole Unix seconds.
    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// 2024-05-01T12:00:00Z.
    static let may1 = date(1_714_564_800)

    /// A small IR document as the Python client sends it inside `pipeline_spec` (camelCase keys).
    static let pipelineSpec = """
        {"components": {"comp-say": {"executorLabel": "exec-say",
           "inputDefinitions": {"parameters": {"name": {"parameterType": "STRING"}}}}},
         "deploymentSpec": {"executors": {"exec-say": {"container": {"image": "python:3.11",
           "command": ["echo"], "args": ["{{$.inputs.parameters['name']}}"]}}}},
         "pipelineInfo": {"name": "two-step"},
         "root": {"dag": {"tasks": {"say": {"cachingOptions": {"enableCache": true},
           "componentRef": {"name": "comp-say"}, "taskInfo": {"name": "say"}}}},
           "inputDefinitions": {"parameters": {"name": {"defaultValue": "kfp", "parameterType": "STRING",
             "isOptional": true}, "flag": {"defaultValue": false, "parameterType": "BOOLEAN"}}}},
         "schemaVersion": "2.1.0", "sdkVersion": "kfp-2.17.3"}
        """
}
