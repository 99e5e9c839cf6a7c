import Foundation
import KFPSpec
import Testing

/// The compare page over two real runs of the wine metrics pipeline (2 and 13 features).
@Suite("compare runs page")
struct CompareRunsPageTests {
    static let escapedName = "wine &lt;b&gt;2&lt;/b&gt; &amp; &quot;two&quot;"

    @Test("parameters one column per run with differing rows marked; metrics with the best value marked; ROC curves, matrices, documents",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func compareTwoRuns() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let data = try #require(WineMetricsPipeline.dataFile).path
        let (status, html) = try await runs.page("/compare?runlist=\(runs.first),\(runs.second)")
        #expect(status == 200)
        #expect(html.contains("<h1>Compare 2 runs</h1>"))
        #expect(html.contains(
            "<thead><tr><th></th><th data-run-id=\"\(runs.first)\"><a href=\"/runs/\(runs.first)\">\(Self.escapedName)</a></th><th data-run-id=\"\(runs.second)\"><a href=\"/runs/\(runs.second)\">wine 13</a></th></tr></thead>"))
        #expect(html.contains("<tr><th>Status</th><td><span class=\"state state-succeeded\">SUCCEEDED</span></td><td><span class=\"state state-succeeded\">SUCCEEDED</span></td></tr>"))
        #expect(html.contains("<tr><th>Pipeline version</th><td>(inline spec)</td><td>(inline spec)</td></tr>"))
        // Parameters: the data path is the same, the feature count differs.
        #expect(html.contains("<tr data-name=\"data_path\"><th>data_path</th><td>\(data)</td><td>\(data)</td></tr>"))
        #expect(html.contains("<tr class=\"differs\" data-name=\"features\"><th>features</th><td>2</td><td>13</td></tr>"))
        // Metrics: the larger accuracy and the smaller error rate are best; equal rows have none.
        #expect(html.contains("<tr class=\"differs\" data-name=\"accuracy\"><th>accuracy</th><td>0.7667</td><td class=\"best\">1</td></tr>"))
        #expect(html.contains("<tr class=\"differs\" data-name=\"error_rate\"><th>error_rate</th><td>0.2333</td><td class=\"best\">0</td></tr>"))
        #expect(html.contains("<tr data-name=\"test_rows\"><th>test_rows</th><td>60</td><td>60</td></tr>"))
        // A bar chart per metric; accuracy 0.7667 against 1 over 220 units.
        #expect(html.components(separatedBy: "<svg class=\"metric-bars\"").count == 4)
        #expect(html.contains("<rect x=\"190\" y=\"4\" width=\"169\" height=\"16\" fill=\"#1a73e8\"></rect><text class=\"bar-value\" x=\"190\" dx=\"169\" y=\"17\" dy=\"0\" transform=\"translate(6 0)\">0.7667</text>"))
        // One ROC curve per run, labelled with the run's name (as text), 61 points each.
        #expect(html.contains(
            "<polyline class=\"roc-curve\" data-run-id=\"\(runs.first)\" data-label=\"\(Self.escapedName)\" data-points=\"61\" stroke=\"#1a73e8\""))
        #expect(html.contains("<polyline class=\"roc-curve\" data-run-id=\"\(runs.second)\" data-label=\"wine 13\" data-points=\"61\" stroke=\"#d93025\""))
        #expect(html.components(separatedBy: "<polyline class=\"roc-curve\"").count == 3)
        // 13 features rank the 20 class_0 test wines above the 40 others: up the recall axis in
        // steps of 1/20 (12 units), then along recall 1 in steps of 1/40 (6 units).
        let perfect = (0...20).map { "44.0,\(252 - 12 * $0).0" } + (1...40).map { "\(44 + 6 * $0).0,12.0" }
        #expect(html.contains("data-label=\"wine 13\" data-points=\"61\" stroke=\"#d93025\" points=\"\(perfect.joined(separator: " "))\""))
        // Confusion matrices side by side.
        #expect(html.contains(
            "<tbody><tr><th>class_0</th><td>17</td><td>0</td><td>3</td></tr><tr><th>class_1</th><td>2</td><td>19</td><td>3</td></tr><tr><th>class_2</th><td>3</td><td>3</td><td>10</td></tr></tbody>"))
        #expect(html.contains(
            "<tbody><tr><th>class_0</th><td>20</td><td>0</td><td>0</td></tr><tr><th>class_1</th><td>0</td><td>24</td><td>0</td></tr><tr><th>class_2</th><td>0</td><td>0</td><td>16</td></tr></tbody>"))
        // The HTML summaries side by side in sandboxed frames, escaped into srcdoc.
        #expect(html.contains("<h2>train-model/summary</h2>"))
        #expect(html.contains(
            "sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"\(Self.escapedName) train-model/summary\" srcdoc=\"&lt;h1&gt;Wine model&lt;/h1&gt;&lt;p&gt;46 of 60 test wines right.&lt;/p&gt;\""))
        #expect(html.contains("srcdoc=\"&lt;h1&gt;Wine model&lt;/h1&gt;&lt;p&gt;60 of 60 test wines right.&lt;/p&gt;\""))
        #expect(html.contains("<h2>train-model/report</h2>"))
        #expect(!html.contains("<b>2</b>"))
    }

    @Test("the run page draws its ROC as a curve; bad run lists are error pages naming runlist",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func runPageAndErrors() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let (status, panel) = try await runs.page("/runs/\(runs.second)?task=train-model")
        #expect(status == 200)
        #expect(panel.contains("<polyline class=\"roc-curve\" data-run-id=\"\" data-label=\"ROC\" data-points=\"61\" stroke=\"#1a73e8\""))
        #expect(panel.contains("<summary>ROC points</summary>"))
        for (path, code, message) in [
            ("/compare?runlist=\(runs.first)", 400, "runlist: expected 2 to 10 distinct run ids separated by commas, found 1"),
            ("/compare?runlist=\(runs.first),\(runs.first)", 400, "runlist: expected 2 to 10 distinct run ids separated by commas, found 1"),
            ("/compare?runlist=" + (1...11).map { "r\($0)" }.joined(separator: ","), 400,
             "runlist: expected 2 to 10 distinct run ids separated by commas, found 11"),
            ("/compare?runlist=\(runs.first),nope", 404, "Run nope not found"),
        ] {
            let (status, html) = try await runs.page(path)
            #expect(status == code, "\(path)")
            #expect(html.contains("<p class=\"error-text\" id=\"error-message\">\(message)</p>"), "\(path)")
        }
        let (_, run) = try await runs.server.client.call("GET", "/apis/v2beta1/runs/\(runs.first)")
        let experimentID = try #require(run["experiment_id"]?.stringValue)
        for path in ["/runs", "/experiments/\(experimentID)"] {
            let (listed, list) = try await runs.page(path)
            #expect(listed == 200)
            #expect(list.contains("<button type=\"button\" id=\"compare-runs\" class=\"primary\" title=\"Select 2 to 10 runs\">Compare runs</button>"), "\(path)")
            #expect(list.contains("<input type=\"checkbox\" name=\"run\" value=\"\(runs.second)\""), "\(path)")
        }
    }
}
