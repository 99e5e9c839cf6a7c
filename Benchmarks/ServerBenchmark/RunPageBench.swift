import Foundation
import KFP
import KFPCompiler
import KFPSpec

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// (4) The web UI's run page for a finished run of a 200-task pipeline: the run JSON it is built
/// from, the HTML page, the page with a task's panel, and the page's load time in a browser
/// (``BrowserTiming``). The issue's goal: the page loads in under a second.
enum RunPageBench {
    static let warmups = 5
    static let requests = 50

    static func run(dataFolder: URL) async throws {
        let server = try await RunningServer.start(dataFolder: dataFolder)
        let session = Client.makeSession(connections: 1)
        defer { session.finishTasksAndInvalidate() }
        do {
            try await measure(port: server.port, session: session)
            try await ComparePageBench.measure(port: server.port, session: session)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func measure(port: Int, session: URLSession) async throws {
        let api = Client(port: port, session: session)
        let pages = Client(pagesAt: port, session: session)
        let tasks = LayeredPipeline.layers * LayeredPipeline.width
        print("(4) run page of a \(tasks)-task pipeline (\(LayeredPipeline.layers) layers of \(LayeredPipeline.width) in the root DAG), server on port \(port)")

        let runID = try await runToSuccess(api, spec: try LayeredPipeline.spec())
        let middle = LayeredPipeline.taskName(layer: LayeredPipeline.layers / 2, index: LayeredPipeline.width / 2)
        let runPath = "/runs/\(runID)", panelPath = "/runs/\(runID)?task=" + Client.escape(middle)

        // One checked request each (status 200 is checked by `fetch`), then the timed ones.
        let json = try await api.fetch("GET", runPath)
        let page = String(decoding: try await pages.fetch("GET", runPath), as: UTF8.self)
        let panel = String(decoding: try await pages.fetch("GET", panelPath), as: UTF8.self)
        let nodes = occurrences(of: "data-task-path=", in: page)
        guard nodes == tasks else {
            throw BenchmarkError("GET \(runPath) has \(nodes) data-task-path= nodes, expected \(tasks)")
        }
        // The panel carries the task's path too: the graph's nodes plus one.
        let panelNodes = occurrences(of: "data-task-path=", in: panel)
        guard panelNodes == tasks + 1, panel.contains("class=\"task-panel\" data-task-path=\"\(middle)\"") else {
            throw BenchmarkError("GET \(panelPath) has \(panelNodes) data-task-path= attributes and \(panel.contains("task-panel") ? "a" : "no") task panel, expected \(tasks + 1) and the panel of \(middle)")
        }

        print("    p50/p99 of \(requests) sequential requests after \(warmups) warm-ups each, over loopback HTTP:")
        let apiLatency = try await api.latencies(of: runPath, warmups: warmups, count: requests)
        print(String(format: "    %@ %@   %7d bytes", pad("GET /apis/v2beta1/runs/{id} (run JSON)"), apiLatency.summary, json.count))
        let pageLatency = try await pages.latencies(of: runPath, warmups: warmups, count: requests)
        print(String(format: "    %@ %@   %7d bytes", pad("GET /runs/{id} (HTML, \(nodes) nodes)"), pageLatency.summary, page.utf8.count))
        let panelLatency = try await pages.latencies(of: panelPath, warmups: warmups, count: requests)
        print(String(format: "    %@ %@   %7d bytes", pad("GET /runs/{id}?task=\(middle) (+ panel)"), panelLatency.summary, panel.utf8.count))
        print(String(format: "    page/API p50: %.2f, page with panel/API p50: %.2f",
                     pageLatency.p50 / apiLatency.p50, panelLatency.p50 / apiLatency.p50))

        try await BrowserTiming.report(url: "http://127.0.0.1:\(port)\(runPath)", expectedNodes: tasks)
    }

    /// Creates a run of `spec` and polls it every 100 ms until it is SUCCEEDED; returns its id.
    ///
    /// - Throws: ``BenchmarkError`` when the run ends in another state or is not done in 10 minutes.
    static func runToSuccess(_ api: Client, spec: JSONValue) async throws -> String {
        let body = JSONValue.object(["display_name": .string("run-page-bench"), "pipeline_spec": spec])
        let start = DispatchTime.now().uptimeNanoseconds
        let created = try await api.call("POST", "/runs", body: body)
        guard let id = created["run_id"]?.stringValue, !id.isEmpty else {
            throw BenchmarkError("creating the 200-task run returned no run_id: \(created.compactJSON().prefix(300))")
        }
        let terminal: Set<String> = ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELED"]
        var state = ""
        var run = created
        for _ in 0..<6_000 {
            run = try await api.call("GET", "/runs/\(id)")
            state = run["state"]?.stringValue ?? ""
            if terminal.contains(state) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard state == "SUCCEEDED" else {
            let error = run["error"]?.compactJSON() ?? "no error"
            throw BenchmarkError("run \(id) is \(state.isEmpty ? "in no state" : state) after \(Int(seconds)) s: \(error.prefix(500))")
        }
        print(String(format: "    run %@ SUCCEEDED %.2f s after it was created (polled every 100 ms)", id, seconds))
        return id
    }

    /// `label` padded to one column width.
    static func pad(_ label: String) -> String { label.padding(toLength: 42, withPad: " ", startingAt: 0) }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

/// The benchmark's large pipeline: `layers` x `width` container tasks in the root DAG. Task `i`
/// of a layer runs after task `i` of the layer above and, for odd `i`, after task `i + 1` too
/// (wrapping), so every task waits for one or two tasks.
enum LayeredPipeline {
    static let layers = 20
    static let width = 10

    /// The task (and component) name of task `index` of `layer`, both counted from 0: `task-001`.
    static func taskName(layer: Int, index: Int) -> String {
        String(format: "task-%03d", layer * width + index + 1)
    }

    /// The compiled IR as the JSON a client sends in `pipeline_spec`.
    static func spec() throws -> JSONValue {
        var components: [[Component]] = []
        for layer in 0..<layers {
            components.append(try (0..<width).map { index in
                let name = taskName(layer: layer, index: index)
                let echo = ContainerArgument(stringLiteral: "echo task \(layer * width + index + 1)")
                return try Component.container(name: name, image: "alpine", command: ["sh", "-c", echo])
            })
        }
        let pipeline = try Pipeline("run-page-\(layers * width)-tasks") { p in
            var above: [PipelineTask] = []
            for row in components {
                above = row.enumerated().map { index, component in
                    guard !above.isEmpty else { return p.task(component) }
                    let upstream = index % 2 == 1 ? [above[index], above[(index + 1) % width]] : [above[index]]
                    return p.task(component, after: upstream)
                }
            }
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

extension Client {
    /// A client for the web UI's pages at the server's root (`/runs/{id}`) rather than the API.
    init(pagesAt port: Int, session: URLSession) {
        base = "http://127.0.0.1:\(port)"
        self.session = session
    }
}
