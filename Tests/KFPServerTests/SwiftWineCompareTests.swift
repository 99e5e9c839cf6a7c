import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// The compare page over runs of the wine example whose steps are Swift code
/// (`Examples/WineClassifier`): the IR is what `wine-classifier compile` writes (its tasks run that
/// program's `execute`), two runs with different `neighbours_b` go through the server, and the
/// page shows their parameters and both evaluations' metrics and ROC curves.
@Suite("compare runs of the Swift wine example")
struct SwiftWineCompareTests {
    static let program: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wine-classifier")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    @Test("parameters differ in neighbours_b; accuracies 40/53 (k=1) and 50/53 (k=7 and k=3); one ROC curve per run and evaluation",
          .enabled(if: SwiftWineCompareTests.program != nil, "needs the wine-classifier program built beside the tests"))
    func compare() async throws {
        let program = try #require(Self.program)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-swift-wine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pipeline.yaml")
        let compile = try await ProgramRun.run(program, ["compile", "--output", file.path, "--format", "json"])
        #expect(compile.status == 0, "\(compile.errors)")
        let spec = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))

        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        var ids: [String] = []
        for neighbours in [7, 3] {
            let (status, run) = try await server.client.call(
                "POST", "/apis/v2beta1/runs",
                body: ["display_name": .string("wine k=\(neighbours)"), "pipeline_spec": spec,
                       "runtime_config": ["parameters": ["neighbours_b": .int(neighbours)]]])
            #expect(status == 200)
            let id = try #require(run["run_id"]?.stringValue)
            let finished = try await server.client.waitForState(id, ["SUCCEEDED", "FAILED"])
            #expect(finished["state"] == "SUCCEEDED", "\(finished["error"]?.compactJSON() ?? "")")
            ids.append(id)
        }
        let (status, data) = try await server.client.raw("GET", "/compare?runlist=\(ids[0]),\(ids[1])")
        let html = String(decoding: data, as: UTF8.self)
        #expect(status == 200)
        #expect(html.contains("<tr class=\"differs\" data-name=\"neighbours_b\"><th>neighbours_b</th><td>7</td><td>3</td></tr>"))
        #expect(html.contains(
            "<tr data-name=\"evaluate-classifier/metrics: accuracy\"><th>evaluate-classifier/metrics: accuracy</th><td>0.7547169811320755</td><td>0.7547169811320755</td></tr>"))
        #expect(html.contains(
            "<tr data-name=\"evaluate-classifier-2/metrics: accuracy\"><th>evaluate-classifier-2/metrics: accuracy</th><td>0.9433962264150944</td><td>0.9433962264150944</td></tr>"))
        #expect(html.contains(
            "<tr data-name=\"evaluate-classifier-2/metrics: test_rows\"><th>evaluate-classifier-2/metrics: test_rows</th><td>53</td><td>53</td></tr>"))
        // One curve per run and evaluation: k=1 has two ROC points, k=7 seven, k=3 four.
        #expect(html.components(separatedBy: "<polyline class=\"roc-curve\"").count == 5)
        #expect(html.contains("data-label=\"wine k=7 · evaluate-classifier-2/classification\" data-points=\"7\""))
        #expect(html.contains("data-label=\"wine k=3 · evaluate-classifier-2/classification\" data-points=\"4\""))
        #expect(html.contains("data-label=\"wine k=3 · evaluate-classifier/classification\" data-points=\"2\" stroke=\"#188038\" points=\"69.9,27.0 284.0,12.0\""))
        // The confusion matrices the Swift evaluation logged: k=1 raw, then k=7 standardized.
        #expect(html.contains(
            "<tbody><tr><th>class_0</th><td>15</td><td>0</td><td>1</td></tr><tr><th>class_1</th><td>4</td><td>16</td><td>2</td></tr><tr><th>class_2</th><td>0</td><td>6</td><td>9</td></tr></tbody>"))
        #expect(html.contains(
            "<tbody><tr><th>class_0</th><td>16</td><td>0</td><td>0</td></tr><tr><th>class_1</th><td>2</td><td>19</td><td>1</td></tr><tr><th>class_2</th><td>0</td><td>0</td><td>15</td></tr></tbody>"))
    }
}
