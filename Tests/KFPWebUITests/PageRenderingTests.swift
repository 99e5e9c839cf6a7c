import Foundation
import KFPAPI
import KFPSpec
import Testing
@testable import KFPWebUI

/// The pages as HTML: exact rows and links from API messages, and every hostile name, value,
/// log line and preview escaped (or sandboxed) in the rendered document.
@Suite("Web UI pages")
struct PageRenderingTests {
    static let hostile = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    let renderer: PageRenderer

    init() throws {
        renderer = try PageRenderer()
    }

    static func date(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }

    static func run(_ name: String, state: RuntimeState = .succeeded, parameters: [String: JSONValue] = [:]) -> Run {
        Run(
            experimentID: "exp-1", runID: "run-1", displayName: name, description: "desc \(hostile)",
            pipelineVersionReference: PipelineVersionReference(pipelineID: "p-1", pipelineVersionID: "v-1"),
            runtimeConfig: RuntimeConfig(parameters: parameters), createdAt: date(1_795_000_000),
            finishedAt: date(1_795_000_125), state: state,
            runDetails: RunDetails(taskDetails: [
                PipelineTaskDetail(runID: "run-1", taskID: "t-1", displayName: "download-data", state: .succeeded),
                PipelineTaskDetail(runID: "run-1", taskID: "t-2", displayName: "merge-csv", state: .failed),
            ]))
    }

    @Test("runs list: exact row values and links; a hostile run name is text")
    func runList() throws {
        let request = ListRequest(QueryParameters(rawQuery: "q=a%2Bb&state=FAILED"))
        let page = RunListPage(
            heading: "Runs", path: "/runs", request: request, runs: [Self.run(Self.hostile, state: .failed)], totalSize: 41,
            nextPageToken: "tok+/=", experimentNames: ["exp-1": "Default"], pipelineLabels: ["v-1": "iris / v1"])
        let row = try #require(page.rows.first)
        #expect(row.name == Self.hostile)
        #expect(row.state == "FAILED")
        #expect(row.stateClass == "failed")
        #expect(row.duration == "0:02:05")
        #expect(row.experimentName == "Default")
        #expect(row.pipelineLabel == "iris / v1")
        #expect(row.pipelineURL == "/pipelines/p-1?version=v-1")
        #expect(row.createdAt == "2026-11-18 11:06:40")
        #expect(page.pager.nextPageURL == "/runs?desc=1&page_token=tok%2B%2F%3D&q=a%2Bb&sort=created_at&state=FAILED")
        #expect(page.pager.firstPageURL == nil)
        #expect(page.nameSort.url == "/runs?q=a%2Bb&sort=display_name&state=FAILED")
        #expect(page.startSort.mark == "▼")
        let html = renderer.document(page)
        #expect(html.contains("<a class=\"run-link\" href=\"/runs/run-1\">\(Self.escaped)</a>"))
        #expect(!html.contains(Self.hostile))
        #expect(html.contains("<option value=\"FAILED\" selected>FAILED</option>"))
        #expect(html.contains("value=\"a+b\""))
        #expect(html.contains("<span>41 in all</span>"))
    }

    @Test("list requests become the API's list queries; page tokens carry their own sort and filter")
    func listRequest() throws {
        let request = ListRequest(QueryParameters(rawQuery: "q=iris&state=RUNNING&sort=display_name"))
        let query = try request.query(.runs)
        #expect(query.sort == SortOrder(field: "display_name", descending: false))
        #expect(query.filter == [
            FilterPredicate(key: "display_name", operation: .isSubstring, value: .string("iris")),
            FilterPredicate(key: "storage_state", operation: .notEquals, value: .string("ARCHIVED")),
            FilterPredicate(key: "state", operation: .equals, value: .string("RUNNING")),
        ])
        #expect(ListRequest(QueryParameters(rawQuery: "state=BOGUS")).state == nil)
        #expect(throws: APIError.self) { try ListRequest(QueryParameters(rawQuery: "sort=nope")).query(.runs) }
        #expect(throws: APIError.self) { try ListRequest(QueryParameters(rawQuery: "page_token=garbage")).query(.runs) }
        #expect(PageLink.escape("a+b&c%d é/") == "a%2Bb%26c%25d%20%C3%A9%2F")
    }

    @Test("run page: states on the graph nodes, parameters escaped, the spec YAML escaped")
    func runDetails() throws {
        let spec = try SpecLoader(file: "two.yaml").loadPipelineSpec(Self.twoTaskSpec)
        let page = try RunDetailsPage(
            run: Self.run("iris", state: .running, parameters: ["url": .string(Self.hostile), "n": .int(3)]), spec: spec,
            specYAML: "name: \(Self.hostile)", layerPath: "", panel: nil, experimentName: "Default \(Self.hostile)",
            pipelineLabel: "iris / v1", pipelineURL: "/pipelines/p-1?version=v-1", renderer: renderer,
            now: Self.date(1_795_000_010))
        #expect(page.parameters == [
            RunDetailsPage.Parameter(name: "n", value: "3"), RunDetailsPage.Parameter(name: "url", value: Self.hostile),
        ])
        #expect(page.terminal == false)
        #expect(page.layerCrumbs.isEmpty)
        let html = renderer.document(page)
        #expect(html.contains("data-task-path=\"download-data\""))
        #expect(html.contains("class=\"node kind-container state-succeeded\" data-node=\"download-data\""))
        #expect(html.contains("class=\"node kind-container state-failed\" data-node=\"merge-csv\""))
        #expect(html.contains("href=\"/runs/run-1?task=merge-csv\""))
        #expect(html.contains("data-terminal=\"false\""))
        #expect(html.contains("<code>\(Self.escaped)</code>"))
        #expect(html.contains("name: \(Self.escaped)"))
        #expect(!html.contains(Self.hostile))
        #expect(throws: GraphPathError.self) {
            try RunDetailsPage(
                run: Self.run("iris"), spec: spec, specYAML: "", layerPath: "nope", panel: nil, experimentName: "",
                pipelineLabel: "", pipelineURL: nil, renderer: renderer)
        }
    }

    @Test("task panel: values, log lines and previews escaped; HTML artifacts only in a sandboxed iframe")
    func taskPanel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("panel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let htmlFile = folder.appendingPathComponent("report.html")
        try "<h1>Report</h1>\(Self.hostile)\"'".write(to: htmlFile, atomically: true, encoding: .utf8)
        let csvFile = folder.appendingPathComponent("rows.csv")
        try "name,value\n\(Self.hostile),1\n".write(to: csvFile, atomically: true, encoding: .utf8)
        var facts = TaskPanel.Facts(
            path: "merge-csv",
            detail: PipelineTaskDetail(
                runID: "run-1", taskID: "t-2", displayName: "merge-csv", startTime: Self.date(100), endTime: Self.date(161),
                state: .succeeded))
        facts.cached = false
        facts.inputParameters = ["text": .string(Self.hostile), "n": .double(2.5)]
        facts.outputParameters = ["Output": .object(["k": .string(Self.hostile)])]
        facts.log = "line 1\n</pre>\(Self.hostile)\n"
        facts.outputArtifacts = [
            TaskPanel.OutputArtifact(id: "7", name: "report", uri: htmlFile.path, schemaTitle: "system.HTML", metadata: [:], file: htmlFile),
            TaskPanel.OutputArtifact(id: "8", name: "rows", uri: csvFile.path, schemaTitle: "system.Dataset", metadata: [:], file: csvFile),
            TaskPanel.OutputArtifact(
                id: "9", name: "metrics", uri: "", schemaTitle: "system.Metrics", metadata: ["accuracy": .double(0.95), "n": .int(150)],
                file: nil),
        ]
        let panel = TaskPanel(facts, runID: "run-1", closeURL: "/runs/run-1", previewer: ArtifactPreviewer())
        #expect(panel.duration == "0:01:01")
        #expect(panel.cache == "miss: the task ran")
        #expect(panel.inputParameters == [
            TaskPanel.NameValue(name: "n", value: "2.5"), TaskPanel.NameValue(name: "text", value: Self.hostile),
        ])
        #expect(panel.outputArtifacts.map(\.downloadURL) == ["/ui/runs/run-1/artifacts/7", "/ui/runs/run-1/artifacts/8", nil])
        #expect(panel.outputArtifacts[1].preview.table?.header == ["name", "value"])
        #expect(panel.outputArtifacts[1].preview.table?.rows.map(\.cells) == [[Self.hostile, "1"]])
        #expect(panel.outputArtifacts[2].preview.metrics?.rows == [
            TaskPanel.NameValue(name: "accuracy", value: "0.95"), TaskPanel.NameValue(name: "n", value: "150"),
        ])
        let html = renderer.render(panel, template: "task-panel")
        #expect(!html.contains(Self.hostile))
        #expect(!html.contains("</pre><script"))
        #expect(html.contains("&lt;/pre&gt;\(Self.escaped)"))
        #expect(html.contains(
            "<iframe class=\"preview document\" sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"report preview\" srcdoc=\"&lt;h1&gt;Report&lt;/h1&gt;\(Self.escaped)&quot;&#39;\"></iframe>"))
        #expect(html.contains("<tr><td>\(Self.escaped)</td><td>1</td></tr>"))
        #expect(html.contains("<tr><th>accuracy</th><td>0.95</td></tr>"))
        #expect(html.contains("<code>{&quot;k&quot;:&quot;\(Self.escaped)&quot;}</code>"))
    }

    @Test("task panel: the node and Slurm job of a task that ran on Slurm; no such rows otherwise")
    func taskPanelPlacement() throws {
        let onSlurm = TaskPanel.Facts(
            path: "train",
            detail: PipelineTaskDetail(
                runID: "run-1", taskID: "t-1", displayName: "train", executorDetail: ExecutorDetail(mainJob: "42"), state: .succeeded,
                podName: "n2"))
        let panel = TaskPanel(onSlurm, runID: "run-1", closeURL: "/runs/run-1", previewer: ArtifactPreviewer())
        #expect(panel.node == "n2")
        #expect(panel.slurmJob == "42")
        let html = renderer.render(panel, template: "task-panel")
        #expect(html.contains("<tr><th>Node</th><td id=\"task-node\">n2</td></tr>"))
        #expect(html.contains("<tr><th>Slurm job</th><td id=\"task-slurm-job\">42</td></tr>"))
        let here = TaskPanel.Facts(path: "train", detail: PipelineTaskDetail(runID: "run-1", taskID: "t-1", displayName: "train", state: .succeeded))
        let plain = renderer.render(TaskPanel(here, runID: "run-1", closeURL: "/runs/run-1", previewer: ArtifactPreviewer()), template: "task-panel")
        #expect(!plain.contains("task-node") && !plain.contains("task-slurm-job"))
    }

    @Test("create-run form: one typed field per pipeline parameter, defaults pre-filled, integers without .0")
    func newRunForm() throws {
        let spec = try SpecLoader(file: "typed.yaml").loadPipelineSpec(Self.typedSpec)
        let page = NewRunPage(
            pipelines: [UploadedPipeline(pipelineID: "p-1", name: Self.hostile)], pipelineID: "p-1", versions: [], versionID: "v-1",
            experiments: [Experiment(experimentID: "e-1", displayName: "Default")], experimentID: "e-1", spec: spec,
            runName: "Run of x", values: ["flag": .bool(false)])
        #expect(page.fields.map { "\($0.name):\($0.type):\($0.value):\($0.required)" } == [
            "count:NUMBER_INTEGER:3:false", "flag:BOOLEAN:false:false", "options:STRUCT:{\"k\":1}:false",
            "ratio:NUMBER_DOUBLE:0.5:false", "tags:LIST:[\"a\"]:false", "text:STRING::true",
        ])
        let html = renderer.document(page)
        #expect(html.contains("<input type=\"text\" inputmode=\"numeric\" id=\"param-count\" name=\"param:count\" value=\"3\">"))
        #expect(html.contains("<option value=\"false\" selected>false</option>"))
        #expect(html.contains("<textarea id=\"param-tags\" name=\"param:tags\" rows=\"3\">[&quot;a&quot;]</textarea>"))
        #expect(html.contains("<option value=\"p-1\" selected>\(Self.escaped)</option>"))
        #expect(!html.contains(Self.hostile))
    }

    @Test("pipeline page: the static graph links nodes to their component panel (interface, image, command)")
    func pipelineDetails() throws {
        let spec = try SpecLoader(file: "typed.yaml").loadPipelineSpec(Self.typedSpec)
        let pipeline = UploadedPipeline(pipelineID: "p-1", name: "typed")
        let version = PipelineVersion(pipelineID: "p-1", pipelineVersionID: "v-1", name: "v1 \(Self.hostile)")
        let selection = PipelineDetailsPage.Selection(version: version, spec: spec, specYAML: "yaml")
        let page = try PipelineDetailsPage(
            pipeline: pipeline, versions: [version], selection: selection, layerPath: "", node: "a", renderer: renderer)
        #expect(page.parameters.map { "\($0.name): \($0.value)" } == [
            "count: NUMBER_INTEGER = 3", "flag: BOOLEAN = true", "options: STRUCT = {\"k\":1}", "ratio: NUMBER_DOUBLE = 0.5",
            "tags: LIST = [\"a\"]", "text: STRING",
        ])
        let html = renderer.document(page)
        #expect(html.contains("<h2 id=\"component-name\">a</h2>"))
        #expect(html.contains("<tr><th>Component</th><td>comp-a</td></tr>"))
        #expect(html.contains("<h3>Image</h3><pre id=\"component-image\">alpine</pre>"))
        #expect(html.contains("<h3>Command</h3><pre>echo\nhi</pre>"))
        #expect(html.contains("class=\"node kind-container state-static selected\" data-node=\"a\""))
        #expect(html.contains("<a href=\"/pipelines/p-1?node=a&amp;version=v-1\" class=\"node-link\">"))
        #expect(!html.contains(Self.hostile))
        let none = try PipelineDetailsPage(
            pipeline: pipeline, versions: [version], selection: selection, layerPath: "", node: "nope", renderer: renderer)
        #expect(none.panelHTML == nil)
        let empty = try PipelineDetailsPage(pipeline: pipeline, versions: [], selection: nil, layerPath: "", renderer: renderer)
        #expect(renderer.document(empty).contains("id=\"no-versions\""))
    }

    @Test("durations, dates and states as the KFP UI writes them")
    func displayFormat() {
        #expect(DisplayFormat.duration(from: Self.date(0), to: Self.date(10)) == "-")
        #expect(DisplayFormat.duration(from: Self.date(100), to: Self.date(3_825)) == "1:02:05")
        #expect(DisplayFormat.duration(from: Self.date(100), to: nil, now: Self.date(130)) == "0:00:30")
        #expect(DisplayFormat.date(nil) == "-")
        #expect(DisplayFormat.stateLabel(.unspecified) == "UNKNOWN")
        #expect(RunTaskStates.aggregate([.succeeded, .skipped]) == .succeeded)
        #expect(RunTaskStates.aggregate([.succeeded, .running, .failed]) == .failed)
        #expect(RunTaskStates.state(of: "for-loop-2/1", in: ["for-loop-2/1/a": .succeeded, "for-loop-2/1/b": .running]) == .running)
        #expect(RunTaskStates.state(of: "for-loop-2/3", in: ["for-loop-2/1/a": .succeeded]) == .unspecified)
        #expect(RunTaskStates.state(of: "for-loop-2/0/condition-3/double", in: ["for-loop-2/0/condition-3": .skipped]) == .skipped)
    }

    static let twoTaskSpec = specHead("two") + """
          dag:
            tasks:
              download-data: {componentRef: {name: comp-a}, taskInfo: {name: download-data}}
              merge-csv: {componentRef: {name: comp-a}, taskInfo: {name: merge-csv}, dependentTasks: [download-data]}
        """

    static let typedSpec = specHead("typed") + """
          inputDefinitions:
            parameters:
              count: {parameterType: NUMBER_INTEGER, defaultValue: 3.0, isOptional: true}
              ratio: {parameterType: NUMBER_DOUBLE, defaultValue: 0.5, isOptional: true}
              flag: {parameterType: BOOLEAN, defaultValue: true, isOptional: true}
              tags: {parameterType: LIST, defaultValue: [a], isOptional: true}
              options: {parameterType: STRUCT, defaultValue: {k: 1}, isOptional: true}
              text: {parameterType: STRING}
          dag:
            tasks:
              a: {componentRef: {name: comp-a}, taskInfo: {name: a}}
        """

    /// The lines every test spec shares: its name, one `echo` executor, the `root:` key.
    static func specHead(_ name: String) -> String {
        """
        pipelineInfo: {name: \(name)}
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.17.3
        components:
          comp-a: {executorLabel: exec-a}
        deploymentSpec:
          executors:
            exec-a: {container: {image: alpine, command: [echo, hi]}}
        root:

        """
    }
}
