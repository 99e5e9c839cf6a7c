import Foundation
import KFPSpec
import Testing

/// Two finished runs of ``WineMetricsPipeline`` on a fresh server: `features` 2 (named with
/// markup, to check it stays text) and 13. The second run's `split-data` comes from the cache.
struct WineRuns {
    static let hostileName = "wine <b>2</b> & \"two\""
    static let secondName = "wine 13"

    let server: ServerHarness
    let first: String
    let second: String

    static func start(sourceLocation: SourceLocation = #_sourceLocation) async throws -> WineRuns {
        let server = try await ServerHarness.start()
        let spec = try WineMetricsPipeline.spec()
        let data = try #require(WineMetricsPipeline.dataFile, sourceLocation: sourceLocation).path
        var ids: [String] = []
        for (name, features) in [(hostileName, 2), (secondName, 13)] {
            let (status, run) = try await server.client.call(
                "POST", "/apis/v2beta1/runs",
                body: ["display_name": .string(name), "pipeline_spec": spec,
                       "runtime_config": ["parameters": ["data_path": .string(data), "features": .int(features)]]])
            #expect(status == 200, sourceLocation: sourceLocation)
            let id = try #require(run["run_id"]?.stringValue, sourceLocation: sourceLocation)
            let finished = try await server.client.waitForState(id, ["SUCCEEDED", "FAILED"])
            #expect(finished["state"] == "SUCCEEDED", "\(finished["error"]?.compactJSON() ?? "")", sourceLocation: sourceLocation)
            ids.append(id)
        }
        return WineRuns(server: server, first: ids[0], second: ids[1])
    }

    /// A UI page's HTML and status.
    func page(_ path: String) async throws -> (Int, String) {
        let (status, data) = try await server.client.raw("GET", path)
        return (status, String(decoding: data, as: UTF8.self))
    }

    func stop() async { await server.stop() }

    /// A task's entry in `run_details.task_details` of run `runID`.
    func task(_ runID: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let (_, run) = try await server.client.call("GET", "/apis/v2beta1/runs/\(runID)")
        let tasks = run["run_details"]?["task_details"]?.arrayValue ?? []
        return try #require(tasks.first { $0["display_name"]?.stringValue == name }, sourceLocation: sourceLocation)
    }

    /// The id of output artifact `output` of task `name` of run `runID`.
    func artifactID(_ runID: String, _ name: String, _ output: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let task = try await task(runID, name, sourceLocation: sourceLocation)
        return try #require(task["outputs"]?[output]?["artifact_ids"]?.arrayValue?.first?.stringValue, sourceLocation: sourceLocation)
    }
}
