import Foundation
import KFPAPI
import KFPSpec
import Testing
@testable import KFPWebUI

/// The compare page's parts as values: best-value marking, metric names, the ROC plot's
/// coordinates, and hostile names and values as text.
@Suite("compare page parts")
struct ComparePageTests {
    static let hostile = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"

    static func run(_ id: String, _ name: String, parameters: [String: JSONValue]) -> Run {
        Run(experimentID: "exp-1", runID: id, displayName: name, runtimeConfig: RuntimeConfig(parameters: parameters), state: .succeeded)
    }

    static func artifact(_ id: String, _ task: String, _ name: String, _ type: String, _ metadata: [String: JSONValue]) -> RunArtifact {
        RunArtifact(id: id, taskPath: task, name: name, uri: "/tmp/\(id)", schemaTitle: type, metadata: metadata, file: nil)
    }

    @Test("the best value is the largest, or the smallest for losses, errors and times; none when values are equal or not numbers")
    func best() {
        #expect(RunMetrics.best([.double(0.5), .double(0.9), .int(0)], metric: "accuracy") == [1])
        #expect(RunMetrics.best([.double(0.9), nil, .double(0.9), .double(0.1)], metric: "auc") == [0, 2])
        #expect(RunMetrics.best([.double(0.3), .double(0.1)], metric: "val_loss") == [1])
        #expect(RunMetrics.best([.double(12), .double(30)], metric: "train_time") == [0])
        #expect(RunMetrics.best([.int(60), .int(60)], metric: "test_rows") == [])
        #expect(RunMetrics.best([.string("a"), .string("b")], metric: "accuracy") == [])
        #expect(RunMetrics.best([.double(1), nil], metric: "accuracy") == [])
    }

    @Test("a metric two artifacts of one run both carry is named by its artifact; display_name is not a metric")
    func scalars() {
        let values = RunMetrics.scalars([
            Self.artifact("1", "train", "metrics", "system.Metrics", ["accuracy": .double(0.9), "display_name": "m", "loss": .double(0.2)]),
            Self.artifact("2", "eval", "metrics", "system.Metrics", ["accuracy": .double(0.8)]),
            Self.artifact("3", "eval", "model", "system.Model", ["accuracy": .double(0.1)]),
        ])
        #expect(values == ["train/metrics: accuracy": .double(0.9), "eval/metrics: accuracy": .double(0.8), "loss": .double(0.2)])
    }

    @Test("ROC curves: rates map to the plot's square (recall 1 at the top), points sorted by rate, one colour per curve")
    func rocPlot() {
        let plot = ROCPlot(curves: [
            ROCPlot.Curve(label: "a", points: [
                ROCPoint(falsePositiveRate: 0.5, truePositiveRate: 1, threshold: 0.2),
                ROCPoint(falsePositiveRate: 0, truePositiveRate: 0, threshold: 1),
                ROCPoint(falsePositiveRate: 0, truePositiveRate: 0.75, threshold: 0.6),
            ], runID: "r1"),
            ROCPlot.Curve(label: "b", points: [ROCPoint(falsePositiveRate: 2, truePositiveRate: -1, threshold: 0)], runID: "r2"),
        ])
        #expect(plot.lines.map(\.points) == ["44.0,252.0 44.0,72.0 164.0,12.0", "284.0,252.0"])
        #expect(plot.lines.map(\.color) == ["#1a73e8", "#d93025"])
        #expect(plot.lines.map(\.pointCount) == [3, 1])
        #expect(plot.ticks.map(\.label) == ["0", "0.25", "0.5", "0.75", "1"])
        #expect(plot.ticks.map(\.x) == [44, 104, 164, 224, 284])
        #expect(plot.ticks.map(\.y) == [252, 192, 132, 72, 12])
    }

    @Test("the compare page: differing parameter rows, best metrics, one curve per run, hostile names and values as text")
    func page() throws {
        let classification: [String: JSONValue] = [
            "confusionMatrix": ["annotationSpecs": [["displayName": .string(Self.hostile)], ["displayName": "b"]],
                                "rows": [["row": [3, 1]], ["row": [0, 4]]]],
            "confidenceMetrics": [["confidenceThreshold": 0.5, "recall": 1.0, "falsePositiveRate": 0.25]],
        ]
        let runs = [
            CompareRunsPage.ComparedRun(
                run: Self.run("r1", Self.hostile, parameters: ["lr": .double(0.1), "note": .string(Self.hostile)]),
                experimentName: "Default", pipelineLabel: "(inline spec)", pipelineURL: nil,
                artifacts: [Self.artifact("1", "train", "metrics", "system.Metrics", ["accuracy": .double(0.9)]),
                            Self.artifact("2", "train", "roc", "system.ClassificationMetrics", classification)]),
            CompareRunsPage.ComparedRun(
                run: Self.run("r2", "second", parameters: ["lr": .double(0.2), "note": .string(Self.hostile)]),
                experimentName: "Default", pipelineLabel: "(inline spec)", pipelineURL: nil,
                artifacts: [Self.artifact("3", "train", "metrics", "system.Metrics", ["accuracy": .double(0.95), "extra": .int(1)])]),
        ]
        let page = CompareRunsPage(runs: runs, previewer: ArtifactPreviewer())
        #expect(page.parameterRows == [
            CompareRunsPage.Row(name: "lr", cells: [.init(value: "0.1", best: false), .init(value: "0.2", best: false)], differs: true),
            CompareRunsPage.Row(name: "note", cells: [.init(value: Self.hostile, best: false), .init(value: Self.hostile, best: false)], differs: false),
        ])
        #expect(page.metricRows == [
            CompareRunsPage.Row(name: "accuracy", cells: [.init(value: "0.9", best: false), .init(value: "0.95", best: true)], differs: true),
            CompareRunsPage.Row(name: "extra", cells: [.init(value: "-", best: false), .init(value: "1", best: false)], differs: true),
        ])
        // One chart per metric: accuracy 0.9 and 0.95 from zero over 220 units; extra only in run 2.
        #expect(page.metricCharts.map(\.name) == ["accuracy", "extra"])
        #expect(page.metricCharts[0].bars.map(\.width) == [208, 220])
        #expect(page.metricCharts[0].bars.map(\.best) == [false, true])
        #expect(page.metricCharts[1].bars.map(\.width) == [0, 220])
        #expect(page.metricCharts[1].bars.map(\.value) == ["-", "1"])
        #expect(page.rocPlot?.lines.map(\.label) == [Self.hostile])
        #expect(page.matrices.map(\.runID) == ["r1"])
        let html = try PageRenderer().document(page)
        #expect(!html.contains(Self.hostile))
        #expect(html.contains("<tr data-name=\"note\"><th>note</th><td>\(Self.escaped)</td><td>\(Self.escaped)</td></tr>"))
        #expect(html.contains("data-label=\"\(Self.escaped)\""))
        #expect(html.contains("<text x=\"304\" dx=\"20\" y=\"26\">\(Self.escaped)</text>"))
        #expect(html.contains("<th>\(Self.escaped)</th><td>3</td><td>1</td>"))
        #expect(html.contains("<g class=\"bar\"><title>\(Self.escaped): 0.9</title><text class=\"bar-label\" x=\"182\" y=\"17\" text-anchor=\"end\">\(Self.escaped)</text><rect x=\"190\" y=\"4\" width=\"208\" height=\"16\" fill=\"#1a73e8\"></rect>"))
        #expect(html.contains("<g class=\"bar best\"><title>second: 0.95</title>"))
        #expect(html.contains("<div class=\"plot\" id=\"compare-roc\">"))
    }
}
