import Foundation
import KFPSpec
import Testing

/// The runs list's metric columns over two real runs of the wine metrics pipeline.
@Suite("runs list metric columns")
struct RunListMetricColumnsTests {
    @Test("chosen metrics appear as columns, sorted by a metric, the choice kept in every link; at most five",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func metricColumns() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let (status, html) = try await runs.page("/runs?metrics=accuracy,error_rate&msort=accuracy&mdesc=1")
        #expect(status == 200)
        #expect(html.contains(
            "<th class=\"metric-column\" data-metric=\"accuracy\"><a href=\"/runs?desc=1&amp;metrics=accuracy%2Cerror_rate&amp;msort=accuracy&amp;sort=created_at\">accuracy ▼</a></th>"))
        #expect(html.contains(
            "<th class=\"metric-column\" data-metric=\"error_rate\"><a href=\"/runs?desc=1&amp;metrics=accuracy%2Cerror_rate&amp;msort=error_rate&amp;sort=created_at\">error_rate </a></th>"))
        #expect(html.contains("<td class=\"metric-cell\">1</td><td class=\"metric-cell\">0</td>"))
        #expect(html.contains("<td class=\"metric-cell\">0.7667</td><td class=\"metric-cell\">0.2333</td>"))
        // Highest accuracy first, although the 13-feature run is the newer one.
        let second = try #require(html.range(of: "<tr data-run-id=\"\(runs.second)\">"))
        let first = try #require(html.range(of: "<tr data-run-id=\"\(runs.first)\">"))
        #expect(second.lowerBound < first.lowerBound)
        // Every metric of the runs shown is offered; chosen ones remove themselves.
        #expect(html.contains(
            "<a href=\"/runs?desc=1&amp;metrics=error_rate&amp;sort=created_at\" data-metric=\"accuracy\" class=\"chosen\">✓ accuracy</a>"))
        #expect(html.contains(
            "<a href=\"/runs?desc=1&amp;mdesc=1&amp;metrics=accuracy%2Cerror_rate%2Ctest_rows&amp;msort=accuracy&amp;sort=created_at\" data-metric=\"test_rows\">test_rows</a>"))
        #expect(html.contains("<input type=\"hidden\" name=\"metrics\" value=\"accuracy,error_rate\">"))

        // Ascending: the lower accuracy first.
        let (_, ascending) = try await runs.page("/runs?metrics=accuracy&msort=accuracy")
        let up = try #require(ascending.range(of: "<tr data-run-id=\"\(runs.first)\">"))
        let down = try #require(ascending.range(of: "<tr data-run-id=\"\(runs.second)\">"))
        #expect(up.lowerBound < down.lowerBound)
        #expect(ascending.contains("accuracy ▲</a></th>"))

        // Five at most: the sixth name is dropped; unchosen names cannot be added.
        let (_, full) = try await runs.page("/runs?metrics=a,b,c,d,accuracy,error_rate")
        #expect(full.components(separatedBy: "<th class=\"metric-column\"").count == 6)
        #expect(full.contains("<td class=\"metric-cell\">-</td><td class=\"metric-cell\">-</td><td class=\"metric-cell\">-</td><td class=\"metric-cell\">-</td><td class=\"metric-cell\">1</td>"))
        #expect(full.contains("<span class=\"full\" data-metric=\"error_rate\">error_rate</span>"))
        #expect(full.contains("<span class=\"full\" data-metric=\"test_rows\">test_rows</span>"))
    }
}
