import Foundation
import KFPSpec
import Testing

/// The artifacts and executions pages over two real runs of the wine metrics pipeline (the
/// second run's `split-data` came from the cache).
@Suite("artifacts and executions pages")
struct ArtifactPagesTests {
    static let escapedName = "wine &lt;b&gt;2&lt;/b&gt; &amp; &quot;two&quot;"

    @Test("the artifacts list: produced artifacts only, newest first, filtered by type and name; bad page tokens are errors",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func artifactList() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let (status, html) = try await runs.page("/artifacts")
        #expect(status == 200)
        // 2 split outputs + 5 training outputs in the first run, 5 in the second (its split was reused).
        #expect(html.contains("<span>12 in all</span>"))
        #expect(html.components(separatedBy: "<tr data-artifact-id=").count == 13)
        let metricsID = try await runs.artifactID(runs.first, "train-model", "metrics")
        #expect(html.contains("""
            <tr data-artifact-id="\(metricsID)">
                <td><a class="artifact-link" href="/artifacts/\(metricsID)">metrics</a></td>
                <td>system.Metrics</td>
                <td><a href="/runs/\(runs.first)">\(Self.escapedName)</a></td>
                <td><a href="/runs/\(runs.first)?task=train-model">train-model</a></td>
            """))
        #expect(html.contains("<a href=\"/artifacts\" class=\"active\">Artifacts</a>"))
        let newest = try #require(html.range(of: "data-artifact-id=\"\(try await runs.artifactID(runs.second, "train-model", "summary"))\""))
        let oldest = try #require(html.range(of: "data-artifact-id=\"\(try await runs.artifactID(runs.first, "split-data", "train"))\""))
        #expect(newest.lowerBound < oldest.lowerBound)

        let (_, metrics) = try await runs.page("/artifacts?type=system.Metrics")
        #expect(metrics.contains("<span>2 in all</span>"))
        #expect(metrics.contains("<option value=\"system.Metrics\" selected>system.Metrics</option>"))
        #expect(metrics.components(separatedBy: "<td>system.Metrics</td>").count == 3)
        let (_, named) = try await runs.page("/artifacts?q=TRAIN")
        #expect(named.contains("<span>1 in all</span>"))
        #expect(named.contains("<a class=\"artifact-link\" href=\"/artifacts/\(try await runs.artifactID(runs.first, "split-data", "train"))\">train</a>"))
        let (bad, badPage) = try await runs.page("/artifacts?page_token=zz")
        #expect(bad == 400)
        #expect(badPage.contains("invalid page token &quot;zz&quot;: expected an artifact id"))
    }

    @Test("an artifact's page: preview, download, and lineage to its producer, its consumers in both runs and the run that reused it",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func artifactLineage() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let trainID = try await runs.artifactID(runs.first, "split-data", "train")
        let (status, html) = try await runs.page("/artifacts/\(trainID)")
        #expect(status == 200)
        #expect(html.contains("<h1>train <span class=\"type\">system.Dataset</span></h1>"))
        #expect(html.contains("<a class=\"button\" id=\"artifact-download\" href=\"/ui/runs/\(runs.first)/artifacts/\(trainID)\" download>Download</a>"))
        #expect(html.contains(
            "<tr class=\"producer\"><th>Produced by</th><td><a href=\"/runs/\(runs.first)\">\(Self.escapedName)</a></td><td><a class=\"task-link\" href=\"/runs/\(runs.first)?task=split-data\">split-data</a></td><td>output train</td></tr>"))
        #expect(html.contains(
            "<tr class=\"consumer\"><th>Consumed by</th><td><a href=\"/runs/\(runs.first)\">\(Self.escapedName)</a></td><td><a class=\"task-link\" href=\"/runs/\(runs.first)?task=train-model\">train-model</a></td><td>input train</td></tr>"))
        #expect(html.contains(
            "<tr class=\"consumer\"><th>Consumed by</th><td><a href=\"/runs/\(runs.second)\">wine 13</a></td><td><a class=\"task-link\" href=\"/runs/\(runs.second)?task=train-model\">train-model</a></td><td>input train</td></tr>"))
        #expect(html.contains(
            "<tr class=\"reuse\"><th>Reused by</th><td><a href=\"/runs/\(runs.second)\">wine 13</a></td><td><a class=\"task-link\" href=\"/runs/\(runs.second)?task=split-data\">split-data</a></td><td>outputs came from the cache</td></tr>"))
        // The CSV preview: the second wine of the file is the first training row.
        #expect(html.contains("<tr><td>13.2</td><td>1.78</td><td>2.14</td><td>11.2</td><td>100</td>"))
        // The reused copy's id shows the same artifact.
        let reusedID = try await runs.artifactID(runs.second, "split-data", "train")
        #expect(reusedID != trainID)
        let (_, reused) = try await runs.page("/artifacts/\(reusedID)")
        #expect(reused.contains("<tr><th>Artifact id</th><td>\(trainID)</td></tr>"))
        // A metrics artifact: its values as the preview, nobody consumed it.
        let metricsID = try await runs.artifactID(runs.second, "train-model", "metrics")
        let (_, metrics) = try await runs.page("/artifacts/\(metricsID)")
        #expect(metrics.contains("<tbody><tr><th>accuracy</th><td>1</td></tr><tr><th>error_rate</th><td>0</td></tr><tr><th>test_rows</th><td>60</td></tr></tbody>"))
        #expect(metrics.contains("<p class=\"empty\" id=\"no-consumers\">No task consumed it.</p>"))
        let (missing, missingPage) = try await runs.page("/artifacts/999999")
        #expect(missing == 404)
        #expect(missingPage.contains("Artifact 999999 not found"))
    }

    @Test("an artifact reused from the cache downloads with its producer's bytes, through the UI and the API's :read, and shows in the task panel",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func cachedArtifactDownload() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let trainID = try await runs.artifactID(runs.first, "split-data", "train")
        let reusedID = try await runs.artifactID(runs.second, "split-data", "train")
        let (producedStatus, produced) = try await runs.server.client.raw("GET", "/ui/runs/\(runs.first)/artifacts/\(trainID)")
        let (reusedStatus, reused) = try await runs.server.client.raw("GET", "/ui/runs/\(runs.second)/artifacts/\(reusedID)")
        #expect(producedStatus == 200)
        #expect(reusedStatus == 200, "\(String(decoding: reused, as: UTF8.self))")
        #expect(reused == produced)
        let firstLine = String(decoding: reused, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("13.2,1.78,2.14,11.2,100"), "\(firstLine)")

        let (readStatus, read) = try await runs.server.client.call(
            "GET", "/apis/v2beta1/runs/\(runs.second)/nodes/split-data/artifacts/train:read")
        #expect(readStatus == 200, "\(read)")
        let archive = try #require(Data(base64Encoded: read["data"]?.stringValue ?? ""))
        #expect(try ServerSecurityTests.listTar(archive).count == 1)
        #expect(try ServerSecurityTests.gunzip(archive).contains(String(decoding: produced, as: UTF8.self)))

        let (_, panel) = try await runs.page("/runs/\(runs.second)?task=split-data")
        #expect(panel.contains("<tr><td>13.2</td><td>1.78</td><td>2.14</td><td>11.2</td><td>100</td>"))
    }

    @Test("the executions list with cache and name filters; an execution's page shows its inputs, outputs and log",
          .enabled(if: WineMetricsPipeline.available, "needs ../shared/data/wine_data.csv and python3"))
    func executions() async throws {
        let runs = try await WineRuns.start()
        defer { Task { await runs.stop() } }
        let (status, html) = try await runs.page("/executions")
        #expect(status == 200)
        #expect(html.contains("<span>4 in all</span>"))
        #expect(html.contains("<a href=\"/executions\" class=\"active\">Executions</a>"))
        let reused = try #require(try await runs.task(runs.second, "split-data")["task_id"]?.stringValue)
        #expect(html.contains("""
            <tr data-execution-id="\(reused)">
                <td><a class="execution-link" href="/executions/\(reused)">split-data</a></td>
                <td><a href="/runs/\(runs.second)">wine 13</a></td>
                <td><span class="state state-succeeded">SUCCEEDED</span></td>
                <td>cached</td>
            """))
        let (_, cached) = try await runs.page("/executions?cached=1")
        #expect(cached.contains("<span>1 in all</span>"))
        #expect(cached.contains("data-execution-id=\"\(reused)\""))
        let (_, ran) = try await runs.page("/executions?cached=0&q=train")
        #expect(ran.contains("<span>2 in all</span>"))
        #expect(ran.components(separatedBy: "<td>ran</td>").count == 3)

        let trained = try #require(try await runs.task(runs.first, "train-model")["task_id"]?.stringValue)
        let (shown, page) = try await runs.page("/executions/\(trained)")
        #expect(shown == 200)
        #expect(page.contains("<h1>train-model</h1>"))
        #expect(page.contains("<a class=\"button\" id=\"execution-run-link\" href=\"/runs/\(runs.first)?task=train-model\">Open in the run's graph</a>"))
        #expect(page.contains("<tr><th>features</th><td><code>2</code></td></tr>"))
        #expect(page.contains("<pre class=\"log\" id=\"task-log\">accuracy 0.7667 with 2 features\n</pre>"))
        #expect(page.contains("<tr><th>accuracy</th><td>0.7667</td></tr>"))
        let (missing, missingPage) = try await runs.page("/executions/nope")
        #expect(missing == 404)
        #expect(missingPage.contains("Execution nope not found"))
    }
}
