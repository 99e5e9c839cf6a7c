import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// Whether the browser test can run: Debian's chromium and chromedriver, selenium in the oracle
/// Python, and the wine pipeline's needs. With `KFP_UI_E2E_REQUIRED=1` (set by scripts/test.sh
/// after installing them) the test runs anyway and fails on what is missing.
enum CompareBrowser {
    static let available: Bool = {
        let chromium = ProcessInfo.processInfo.environment["KFP_UI_CHROMIUM"] ?? "/usr/bin/chromium"
        let driver = ProcessInfo.processInfo.environment["KFP_UI_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
        let ready = FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver)
            && TestEnvironment.oraclePython != nil && WineMetricsPipeline.available
        return ready || ProcessInfo.processInfo.environment["KFP_UI_E2E_REQUIRED"] == "1"
    }()
}

/// The compare, metric-column, artifacts and executions pages in headless Chromium
/// (`Oracle/compare_e2e.py`) over two real runs of the wine metrics pipeline. Screenshots go to
/// `test-artifacts/ui-compare/`.
@Suite("compare, artifacts and executions in the browser")
struct CompareBrowserTests {
    @Test("compare two runs from the runs list, metric columns, artifacts lineage and executions: in headless Chromium",
          .enabled(if: CompareBrowser.available, "needs chromium, chromedriver, selenium in .venv-oracle, the wine data and python3"))
    func compareInBrowser() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let shots = TestEnvironment.packageRoot.appendingPathComponent("test-artifacts/ui-compare")
        let data = try #require(WineMetricsPipeline.dataFile).path
        let pipelineID = try await Self.upload(runs.server)
        let output = try await TestEnvironment.runOracle(
            script: "compare_e2e.py", arguments: [runs.server.base.absoluteString, shots.path, pipelineID, data])
        let page = try #require(try? JSONDecoder().decode(JSONValue.self, from: output), "\(String(decoding: output.suffix(2_000), as: UTF8.self))")
        print("compare e2e: screenshots in \(shots.path): runs-metrics.png, compare-metrics.png, compare.png, artifacts.png, artifact.png, executions.png, execution.png, recurring-form.png, recurring.png")
        let hostile = WineRuns.hostileName

        #expect(page["steps"] == .array(["compare", "artifacts", "executions", "recurring"].map(JSONValue.string)))
        #expect(page["compare_disabled_before"] == .bool(true))
        #expect(page["compare_disabled_after"] == .bool(false))
        #expect(page["metric_column_url"] == .string("/runs?desc=1&metrics=accuracy&sort=created_at"))
        #expect(page["metric_cells"] == .object([hostile: .string("0.7667"), "wine 13": .string("1")]))
        // Newest first in the list, so the compare page's columns are the second run, then the first.
        #expect(page["compare_url"] == .string("/compare?runlist=\(runs.second),\(runs.first)"))
        #expect(page["compare_heading"] == .string("Compare 2 runs"))
        #expect(page["compare_columns"] == .array([.string("wine 13"), .string(hostile)]))
        #expect(page["parameters"] == .object([
            "data_path": .array([.string(data), .string(data)]), "features": .array([.string("13"), .string("2")]),
        ]))
        #expect(page["parameters_differ"] == .array([.string("features")]))
        #expect(page["metrics"] == .object([
            "accuracy": .array([.string("1"), .string("0.7667")]), "error_rate": .array([.string("0"), .string("0.2333")]),
            "test_rows": .array([.string("60"), .string("60")]),
        ]))
        #expect(page["metrics_differ"] == .array([.string("accuracy"), .string("error_rate")]))
        #expect(page["metrics_best"] == .array([.string("accuracy@0"), .string("error_rate@0")]))
        #expect(page["roc_curves"] == .array([.string("wine 13"), .string(hostile)]))
        #expect(page["roc_points"] == .array([.int(61), .int(61)]))
        #expect(page["roc_legend"] == .array([.string("wine 13"), .string(hostile)]))
        #expect(page["matrices"] == .int(2))
        #expect(page["documents"] == .int(4))
        #expect(page["alert"] == .null)
        #expect(page["artifacts_total"] == .string("12 in all"))
        #expect(page["metrics_artifacts"] == .array([.string("metrics"), .string("metrics")]))
        #expect(page["lineage"] == .array([
            .string("Produced by | \(hostile) | split-data | output train"),
            .string("Consumed by | \(hostile) | train-model | input train"),
            .string("Consumed by | wine 13 | train-model | input train"),
            .string("Reused by | wine 13 | split-data | outputs came from the cache"),
        ]))
        #expect(page["cached_executions"] == .array([.string("split-data")]))
        #expect(page["execution_log"] == .string("accuracy 0.7667 with 2 features"))
        #expect(page["script_elements"] == .int(0))
        // The recurring run made with the form, as the API gives it.
        #expect(page["recurring_name"] == .string("yearly <wine>"))
        #expect(page["recurring_trigger"] == .string("cron 0 0 0 1 1 *"))
        #expect(page["recurring_status"] == .string("Disabled"))
        let recurringID = try #require(page["recurring_run_id"]?.stringValue)
        let (_, recurring) = try await runs.server.client.call("GET", "/apis/v2beta1/recurringruns/\(recurringID)")
        #expect(recurring["display_name"] == .string("yearly <wine>"))
        #expect(recurring["trigger"] == ["cron_schedule": ["cron": "0 0 0 1 1 *"]])
        #expect(recurring["max_concurrency"] == .string("2"))
        #expect(recurring["no_catchup"] == .bool(true))
        #expect(recurring["status"] == .string("DISABLED"))
        #expect(recurring["pipeline_version_reference"]?["pipeline_id"] == .string(pipelineID))
        #expect(recurring["runtime_config"]?["parameters"] == ["data_path": .string(data), "features": .int(2)])
    }

    /// Uploads the wine pipeline as `wine-metrics`; returns its id.
    static func upload(_ server: ServerHarness) async throws -> String {
        let boundary = "b0undary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"wine.json\"\r\n\r\n"
            + (try WineMetricsPipeline.spec()).compactJSON() + "\r\n--\(boundary)--\r\n"
        let (_, uploaded) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=wine-metrics", body: Data(body.utf8),
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
        let pipeline = try JSONDecoder().decode(JSONValue.self, from: uploaded)
        return try #require(pipeline["pipeline_id"]?.stringValue)
    }
}
