import Foundation
import KFP
import KFPCompiler
import KFPSpec

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// (5) The web UI's compare page of 10 finished runs, each with a `system.Metrics` artifact (5
/// values), a `system.ClassificationMetrics` artifact (a 3×3 matrix and 101 ROC points) and a
/// `system.Markdown` report: p50/p99 of the page beside one run's JSON (the anchor, measured in
/// the same run). The issue's goal: the page in at most 200 ms p50.
enum ComparePageBench {
    static let runs = 10
    static let warmups = 5
    static let requests = 50

    static func measure(port: Int, session: URLSession) async throws {
        let api = Client(port: port, session: session)
        let pages = Client(pagesAt: port, session: session)
        print("(5) compare page of \(runs) runs with metrics, server on port \(port)")
        var ids: [String] = []
        for seed in 0..<runs {
            let body = JSONValue.object([
                "display_name": .string("compare-bench-\(seed)"), "pipeline_spec": try spec(),
                "runtime_config": ["parameters": ["seed": .int(seed)]],
            ])
            let created = try await api.call("POST", "/runs", body: body)
            guard let id = created["run_id"]?.stringValue, !id.isEmpty else {
                throw BenchmarkError("creating compare run \(seed) returned no run_id: \(created.compactJSON().prefix(300))")
            }
            ids.append(id)
        }
        for id in ids {
            var state = ""
            for _ in 0..<3_000 where !["SUCCEEDED", "FAILED", "CANCELED"].contains(state) {
                state = (try await api.call("GET", "/runs/\(id)"))["state"]?.stringValue ?? ""
                if state != "SUCCEEDED" { try await Task.sleep(for: .milliseconds(100)) }
            }
            guard state == "SUCCEEDED" else { throw BenchmarkError("compare run \(id) is \(state), expected SUCCEEDED (python3 on the PATH?)") }
        }
        let path = "/compare?runlist=" + ids.joined(separator: ",")
        let page = String(decoding: try await pages.fetch("GET", path), as: UTF8.self)
        let curves = page.components(separatedBy: "<polyline class=\"roc-curve\"").count - 1
        guard curves == runs else { throw BenchmarkError("GET \(path) draws \(curves) ROC curves, expected \(runs)") }
        let anchor = try await api.latencies(of: "/runs/\(ids[0])", warmups: warmups, count: requests)
        let compare = try await pages.latencies(of: path, warmups: warmups, count: requests)
        print(String(format: "    %@ %@", RunPageBench.pad("GET /apis/v2beta1/runs/{id} (anchor)"), anchor.summary))
        print(String(format: "    %@ %@   %7d bytes", RunPageBench.pad("GET /compare?runlist=<10 runs>"), compare.summary, page.utf8.count))
        print(String(format: "    compare page/run JSON p50: %.2f", compare.p50 / anchor.p50))
    }

    /// One `python3` task that writes metrics made from its `seed` into its executor output.
    static func spec() throws -> JSONValue {
        let script = #"""
            import json, os, sys
            ex = json.loads(sys.argv[1]); seed = int(ex["inputs"]["parameterValues"]["seed"]); out = ex["outputs"]
            uri = lambda name: out["artifacts"][name]["artifacts"][0]["uri"]
            for name in ("metrics", "classification", "report"):
                os.makedirs(os.path.dirname(uri(name)), exist_ok=True)
                open(uri(name), "w").write("# report %d\n" % seed if name == "report" else "")
            roc = [{"confidenceThreshold": 1 - i / 100, "falsePositiveRate": i / 100, "recall": min(1, (i / 100) ** (1 / (2 + seed)))} for i in range(101)]
            metrics = {"accuracy": 0.8 + seed / 100, "loss": 0.5 - seed / 50, "f1": 0.7, "precision": 0.75, "recall": 0.7 + seed / 200}
            matrix = {"annotationSpecs": [{"displayName": c} for c in "abc"], "rows": [{"row": [10 + seed, 1, 2]}, {"row": [0, 9, 3]}, {"row": [1, 1, 8]}]}
            art = lambda name, md: {"artifacts": [{"name": name, "uri": uri(name), "metadata": md}]}
            os.makedirs(os.path.dirname(out["outputFile"]), exist_ok=True)
            json.dump({"artifacts": {"metrics": art("metrics", metrics), "classification": art("classification", {"confusionMatrix": matrix, "confidenceMetrics": roc})}}, open(out["outputFile"], "w"))
            """#
        let task = try Component.container(
            name: "evaluate", inputs: [.parameter("seed", .numberInteger)],
            outputs: [.artifact("metrics", ArtifactTypeSchema(schemaTitle: "system.Metrics", schemaVersion: "0.0.1")),
                      .artifact("classification", ArtifactTypeSchema(schemaTitle: "system.ClassificationMetrics", schemaVersion: "0.0.1")),
                      .artifact("report", ArtifactTypeSchema(schemaTitle: "system.Markdown", schemaVersion: "0.0.1"))],
            image: "python:3.11", command: ["python3", "-c", ContainerArgument(stringLiteral: script), .executorInput])
        let pipeline = try Pipeline("compare-bench") { p in
            let seed = p.parameter("seed", .numberInteger, default: .int(0))
            p.task(task, ["seed": seed])
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}
