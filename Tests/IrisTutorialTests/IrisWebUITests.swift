import Foundation
import IrisTutorial
import KFP
import KFPAPI
import KFPCompiler
import KFPServer
import KFPSpec
import KFPTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The main job through `kfp server`'s web UI in headless Chromium (`Oracle/ui_e2e.py`, selenium
/// with Debian's chromium and chromedriver): upload, create a run with the `url` typed into the
/// form, watch every task SUCCEED, open the merge task's CSV preview and log; a pipeline named
/// `<script>alert(1)</script>` stays text; a run made with `kfp.Client` is listed with its state;
/// the form checks values by `parameterType`. Screenshots go to `test-artifacts/ui-e2e/`.
@Suite("Iris tutorial through the web UI")
struct IrisWebUITests {
    @Test(
        "upload, run, watch, task panel, escaping, kfp.Client run listed, typed form: in headless Chromium",
        .enabled(if: UIBrowser.shouldRun, "needs chromium, chromedriver and selenium in the oracle venv"))
    func endToEnd() async throws {
        try #require(UIBrowser.missing.isEmpty, "the web UI browser test needs \(UIBrowser.missing.joined(separator: ", ")) (scripts/test.sh installs them)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iris-ui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pipelineFile = folder.appendingPathComponent("pipeline.yaml")
        try SpecWriter().write(try PipelineCompiler().compile(try IrisTutorial.pipeline())).write(to: pipelineFile, atomically: true, encoding: .utf8)
        let typedFile = folder.appendingPathComponent("typed.yaml")
        try SpecWriter().write(try Self.typedPipeline()).write(to: typedFile, atomically: true, encoding: .utf8)
        let shots = TestEnvironment.packageRoot.appendingPathComponent("test-artifacts/ui-e2e")

        let server = try await PipelineServer(options: ServerOptions(port: 0, dataFolder: folder.appendingPathComponent("data"))).start()
        let endpoint = server.endpoint.absoluteString
        let name = IrisTutorial.tarballName
        let output = try await LoopbackFileServer.serving([name: IrisTutorial.tarball], port: 0) { base in
            try await TestEnvironment.runOracle(
                script: "ui_e2e.py",
                arguments: [endpoint, pipelineFile.path, base.appendingPathComponent(name).absoluteString, shots.path, typedFile.path])
        }
        guard let page = try? JSONDecoder().decode(JSONValue.self, from: output) else {
            Issue.record("ui_e2e.py printed no JSON result: \(String(decoding: output.suffix(2_000), as: UTF8.self))")
            await server.stop()
            return
        }
        print("web UI e2e: steps \(page["steps"]?.compactJSON() ?? "")")
        print("web UI e2e: screenshots in \(shots.path): pipeline.png, run.png, task.png, task-log.png, escaping.png")

        // Upload and the static graph.
        #expect(page["pipeline_heading"] == .string("iris-ui"))
        #expect(page["pipeline_nodes"] == .array([.string("download-data"), .string("merge-csv")]))
        #expect(page["pipeline_edges"] == .array([.string("download-data->merge-csv")]))
        // The form: one field per pipeline parameter; the required url is checked before sending.
        #expect(page["form_fields"] == .array([.string("url:STRING")]))
        #expect(page["empty_url_error"] == .string("url is required"))
        // The run page agrees with the API.
        let runID = try #require(page["run_id"]?.stringValue)
        let api = try await Self.getRun(endpoint, runID)
        #expect(api["state"] == .string("SUCCEEDED"))
        #expect(page["run_state"] == .string("SUCCEEDED"))
        #expect(page["node_states"] == .object(["download-data": .string("SUCCEEDED"), "merge-csv": .string("SUCCEEDED")]))
        let apiStates = (api["run_details"]?["task_details"]?.arrayValue ?? []).compactMap { task -> (String, JSONValue)? in
            guard let name = task["display_name"]?.stringValue, let state = task["state"] else { return nil }
            return (name, state)
        }
        #expect(JSONValue.object(Dictionary(uniqueKeysWithValues: apiStates)) == page["node_states"])
        #expect(page["run_parameters"]?["url"]?.stringValue?.hasSuffix("/\(name)") == true)
        // The merge task: the merged CSV's first rows (the first file of the tarball) and its log.
        #expect(page["task_name"] == .string("merge-csv"))
        #expect(page["csv_rows"] == .array([
            .array(["5.1", "3.5", "1.4", "0.2", "setosa"].map(JSONValue.string)),
            .array(["4.9", "3.0", "1.4", "0.2", "setosa"].map(JSONValue.string)),
            .array(["4.7", "3.2", "1.3", "0.2", "setosa"].map(JSONValue.string)),
        ]))
        #expect(page["csv_row_count"] == .int(20))
        #expect(page["log_visible"] == .bool(true))
        #expect(page["log_lines"]?.arrayValue?.count == 1)
        #expect(page["task_state"] == .string("SUCCEEDED"))
        #expect(page["task_cache"] == .string("miss: the task ran"))
        // Escaping: the name is text, no script ran, no script element came from data.
        #expect(page["hostile_heading"] == .string("<script>alert(1)</script>"))
        #expect(page["hostile_alert_on_details"] == .null)
        #expect(page["hostile_alert_on_list"] == .null)
        #expect(page["pipeline_list_names"] == .array([.string("<script>alert(1)</script>"), .string("iris-ui")]))
        #expect(page["script_elements"] == .int(0))
        // A kfp.Client run is listed with the state the API gives.
        #expect(page["client_state"] == .string("SUCCEEDED"))
        #expect(page["client_row"] == .object([
            "name": .string("from kfp.Client"), "state": .string("SUCCEEDED"), "experiment": .string("client-experiment"),
        ]))
        #expect(page["runs_listed"] == .int(2))
        // The typed form: defaults shown, wrong values refused, right values sent as typed JSON.
        #expect(page["typed_defaults"] == .object([
            "count": .string("3"), "ratio": .string("0.5"), "flag": .string("true"), "tags": .string("[\"a\"]"),
            "options": .string("{\"k\":1}"), "text": .string(""),
        ]))
        #expect(page["typed_errors"] == .object([
            "count": .string("count: expected an integer (NUMBER_INTEGER), found '12x'"),
            "ratio": .string("ratio: expected a number (NUMBER_DOUBLE), found 'abc'"),
            "tags": .string("tags: expected a JSON list (LIST), like [1, 2]"),
            "options": .string("options: expected a JSON object (STRUCT), like {\"a\": 1}"),
            "text": .string("text is required"),
        ]))
        #expect(page["still_on_form"] == .bool(true))
        let typedRun = try await Self.getRun(endpoint, try #require(page["typed_run_id"]?.stringValue))
        #expect(typedRun["runtime_config"]?["parameters"] == .object([
            "count": .int(42), "ratio": .double(2.5), "flag": .bool(false), "tags": .array([.string("x"), .int(2)]),
            "options": .object(["k": .array([.bool(true)])]), "text": .string("<b>bold</b> & 'quotes'"),
        ]))
        await server.stop()
    }

    /// One task that echoes a parameter of every type (the form's typed fields).
    static func typedPipeline() throws -> PipelineSpec {
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("text", .string)], image: "alpine:3.19", command: ["echo", .inputValue("text")])
        let pipeline = try Pipeline("typed-form") { p in
            _ = p.parameter("count", .numberInteger, default: .int(3))
            _ = p.parameter("ratio", .numberDouble, default: .double(0.5))
            _ = p.parameter("flag", .boolean, default: .bool(true))
            _ = p.parameter("tags", .list, default: .array([.string("a")]))
            _ = p.parameter("options", .struct, default: .object(["k": .int(1)]))
            let text = p.parameter("text", .string)
            p.task(echo, ["text": text])
        }
        return try PipelineCompiler().compile(pipeline)
    }

    static func getRun(_ endpoint: String, _ runID: String) async throws -> JSONValue {
        let url = try #require(URL(string: "\(endpoint)/apis/v2beta1/runs/\(runID)"))
        let (data, _) = try await URLSession.shared.data(from: url)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// Whether the browser test can run: Debian's chromium and chromedriver, and selenium in the
/// oracle Python. Without them the test is skipped with a notice, unless `KFP_UI_E2E_REQUIRED=1`
/// (set by scripts/test.sh after installing them), which makes their absence a failure.
enum UIBrowser {
    /// What the browser test needs and this machine lacks.
    static let missing: [String] = {
        let chromium = ProcessInfo.processInfo.environment["KFP_UI_CHROMIUM"] ?? "/usr/bin/chromium"
        let driver = ProcessInfo.processInfo.environment["KFP_UI_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append(chromium) }
        if !FileManager.default.isExecutableFile(atPath: driver) { missing.append(driver) }
        if TestEnvironment.oraclePython == nil { missing.append("the oracle Python (with selenium)") }
        return missing
    }()

    /// Run the test when all it needs is here, or when scripts/test.sh requires it
    /// (`KFP_UI_E2E_REQUIRED=1`): then what is missing fails it.
    static var shouldRun: Bool { missing.isEmpty || ProcessInfo.processInfo.environment["KFP_UI_E2E_REQUIRED"] == "1" }
}
