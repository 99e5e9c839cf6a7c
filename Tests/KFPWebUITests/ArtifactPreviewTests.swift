import Foundation
import KFPSpec
import KFPTestSupport
import Testing

@testable import KFPWebUI

@Suite("Artifact previews")
final class ArtifactPreviewTests {
    let folder: URL  // this test's fixtures, removed after the test

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test(
        "the iris CSV of the shared data is a 20-row table without a header",
        .enabled(if: FileManager.default.fileExists(atPath: ArtifactPreviewTests.sharedIris.path), "needs ../shared/data/iris-csv-files.tar.gz"))
    func irisCSV() throws {
        try #require(try unpackSharedIris(), "tar could not unpack the shared iris data")
        let preview = preview(folder.appendingPathComponent("iris-1.csv"))
        guard case .table(let table) = preview else {
            Issue.record("expected a table, got \(preview)")
            return
        }
        #expect(table.header.isEmpty && table.rowCount == 20 && table.truncated && !table.columnsTruncated)
        #expect(table.rows.first == ["5.1", "3.5", "1.4", "0.2", "setosa"])
        #expect(table.rows.last == ["5.1", "3.8", "1.5", "0.3", "setosa"])
    }

    @Test("quoted commas, newlines, quotes and unicode survive; a text header is detected")
    func quotedCSV() throws {
        let csv =
            "name,comment,city\n\"Smith, John\",\"line 1\nline 2\",Zürich 🇨🇭\n"
            + "Anna,\"say \"\"hi\"\"\",東京\n"
        let url = try write(csv, named: "people.csv")
        let expected = TablePreview(
            header: ["name", "comment", "city"],
            rows: [["Smith, John", "line 1\nline 2", "Zürich 🇨🇭"], ["Anna", "say \"hi\"", "東京"]],
            truncated: false)
        #expect(preview(url) == .table(expected))
    }

    @Test("a header row is kept apart when later rows hold numbers; ragged rows are padded")
    func headerAndPadding() throws {
        let url = try write("id,score\n1,0.5\n2\n3,0.75,extra\n", named: "scores.csv")
        let expected = TablePreview(
            header: ["id", "score", ""], rows: [["1", "0.5", ""], ["2", "", ""], ["3", "0.75", "extra"]],
            truncated: false)
        #expect(preview(url, as: "system.Artifact") == .table(expected))
    }

    @Test("a big CSV shows exactly maxRows rows and is marked truncated")
    func bigCSV() throws {
        let lines = ["id,value"] + (0..<50_000).map { "\($0),\($0 * 2)" }
        let url = try write(lines.joined(separator: "\n") + "\n", named: "big.csv")
        let rows = (0..<20).map { ["\($0)", "\($0 * 2)"] }
        #expect(preview(url) == .table(TablePreview(header: ["id", "value"], rows: rows, truncated: true)))
    }

    @Test("a CSV cut by maxBytes drops its incomplete last line")
    func cutCSV() throws {
        // 29 bytes hold the header and five rows; the sixth row ("5,10\n") is cut at byte 30.
        let url = try write("id,value\n0,0\n1,2\n2,4\n3,6\n4,8\n5,10\n6,12\n", named: "cut.csv")
        let rows = (0..<5).map { ["\($0)", "\($0 * 2)"] }
        let expected = TablePreview(header: ["id", "value"], rows: rows, truncated: true)
        #expect(preview(url, with: ArtifactPreviewer(maxBytes: 30)) == .table(expected))
    }

    @Test("columns beyond maxColumns are left out")
    func wideCSV() throws {
        let url = try write("1,2,3,4\n5,6,7,8\n", named: "wide.csv")
        let rows = [["1", "2", "3"], ["5", "6", "7"]]
        let expected = TablePreview(header: [], rows: rows, truncated: false, columnsTruncated: true)
        #expect(preview(url, with: ArtifactPreviewer(maxColumns: 3)) == .table(expected))
    }

    @Test("TSV by extension and by content")
    func tsv() throws {
        let tsv = "species\tpetal_length\nsetosa\t1.4\nvirginica\t6.0\n"
        let rows = [["setosa", "1.4"], ["virginica", "6.0"]]
        let expected = TablePreview(header: ["species", "petal_length"], rows: rows, truncated: false, delimiter: "\t")
        for name in ["flowers.tsv", "flowers"] {
            #expect(preview(try write(tsv, named: name)) == .table(expected))
        }
    }

    @Test("prose is text; a long text is cut at maxBytes without splitting a character")
    func text() throws {
        let notes = try write("Hello, world.\nNo table here.\n", named: "notes.txt")
        #expect(preview(notes, as: "system.Model") == .text("Hello, world.\nNo table here.\n", truncated: false))
        let accents = try write("ééééé", named: "accents")  // 10 bytes
        #expect(preview(accents, with: ArtifactPreviewer(maxBytes: 5)) == .text("éé", truncated: true))
    }

    @Test("binary bytes give the file size")
    func binary() throws {
        let url = folder.appendingPathComponent("model.bin")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE]).write(to: url)
        #expect(preview(url, as: "system.Model") == .binary(byteCount: 7))
    }

    @Test("a folder lists its entries sorted, with sizes, up to maxFolderEntries")
    func folderListing() throws {
        let root = try subfolder("listing")
        _ = try subfolder("listing/b-dir")
        try Data("abc".utf8).write(to: root.appendingPathComponent("c.txt"))
        try Data("hello".utf8).write(to: root.appendingPathComponent("a.txt"))
        let entries = [
            FolderEntry(name: "a.txt", byteCount: 5, isFolder: false),
            FolderEntry(name: "b-dir", byteCount: nil, isFolder: true),
            FolderEntry(name: "c.txt", byteCount: 3, isFolder: false),
        ]
        #expect(preview(root, as: "system.Model") == .folder(entries, truncated: false))
        let limited = preview(root, as: "system.Artifact", with: ArtifactPreviewer(maxFolderEntries: 2))
        #expect(limited == .folder(Array(entries.prefix(2)), truncated: true))
    }

    @Test("no file, a missing file or a read error gives a reason naming the file")
    func missing() throws {
        #expect(preview(nil) == .missing(reason: "the artifact has no local file"))
        let url = URL(fileURLWithPath: "/nonexistent/kfp/dataset.csv")
        #expect(preview(url) == .missing(reason: "file '/nonexistent/kfp/dataset.csv' does not exist"))
        let index = try subfolder("site/index.html")  // a folder where the HTML file should be
        let reason = "cannot read '\(index.path)': is a directory"
        #expect(preview(index.deletingLastPathComponent(), as: "system.HTML") == .missing(reason: reason))
    }

    @Test("HTML passes through unchanged, from a file or a folder's index.html")
    func html() throws {
        let page = "<html><body><h1>Report</h1><script>draw()</script></body></html>"
        let url = try write(page, named: "report.html")
        #expect(preview(url, as: "system.HTML") == .document(html: page, source: .html))
        let root = try subfolder("site")
        try Data("<p>other</p>".utf8).write(to: root.appendingPathComponent("a.html"))
        try Data(page.utf8).write(to: root.appendingPathComponent("index.html"))
        #expect(preview(root, as: "system.HTML") == .document(html: page, source: .html))
        let cut = preview(url, as: "system.HTML", with: ArtifactPreviewer(maxBytes: 12))
        #expect(cut == .document(html: "<html><body>", source: .html))
    }

    @Test("Markdown renders headings, tables and code, and its raw HTML makes no tags")
    func markdown() throws {
        let markdown = """
            # Model report

            Accuracy is **high** & stable &copy; 2026; <script>alert(1)</script> and <img src=x onerror=alert(2)>.

            | metric | value |
            | --- | --- |
            | accuracy | 0.95 |

            Use `a < b` or [docs](https://kubeflow.org) but not [bad](javascript:alert(3)).

            ```python
            if x < 1 and y > 2: print("<b>")
            ```
            """
        let url = try write(markdown, named: "report.md")
        let expected =
            "<h1>Model report</h1><p>Accuracy is <strong>high</strong> &amp; stable &copy; 2026; "
            + "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;.</p>"
            + "<table><thead><tr><th>metric</th><th>value</th></tr></thead>"
            + "<tbody><tr><td>accuracy</td><td>0.95</td></tr></tbody></table>"
            + "<p>Use <code>a &lt; b</code> or <a href=\"https://kubeflow.org\">docs</a> but not "
            + "<a href=\"#\">bad</a>.</p>"
            + "<pre><code class=\"language-python\">if x &lt; 1 and y &gt; 2: print(\"&lt;b&gt;\")\n</code></pre>"
        #expect(preview(url, as: "system.Markdown") == .document(html: expected, source: .markdown))
    }

    @Test("link and image URLs cannot break out of their attribute")
    func markdownAttributes() {
        let html = MarkdownRenderer.html(from: "[x](a\"onmouseover=\"alert(1)) ![y](b\" onerror=\"alert(2))")
        let link = "<a href=\"a&quot;onmouseover=&quot;alert(1)\">x</a>"
        #expect(html == "<p>\(link) <img src=\"b&quot; onerror=&quot;alert(2)\" alt=\"y\"></p>")
    }

    @Test(
        "hostile Markdown yields no script, event handler or javascript URL",
        arguments: [
            "para\n  ```\n<script>a()</script>\n  ```",
            "- item\n```\n<script>b()</script>\n```",
            "```\n<script>c()</script>",
            "```\ncode\n```<script>d()</script>",
            "> `x\n<script>e()</script>`",
            "``` <script>f()</script>\ncode\n```",
            "[a]: javascript:alert(1)\n\n[link][a]",
            "[b](jav&#x61;script:alert(1)) [c](JAVASCRIPT&colon;alert(1))",
            "<div onclick=alert(1)>hi</div>",
            "x\n<p onclick=alert(1)>para</p>",
            "`a` <scr`x`ipt>g()</script>",
        ])
    func hostileMarkdown(markdown: String) {
        let html = MarkdownRenderer.html(from: markdown)
        let tags = html.matches(of: /<[^>]*>/).map { String($0.output) }
        let names = Set(tags.map { $0.drop { "</".contains($0) }.prefix { $0.isLetter }.lowercased() })
        #expect(names.isSubset(of: ["p", "code", "pre", "ul", "li", "a", "blockquote"]), "tags: \(tags)")
        #expect(!tags.contains { $0.lowercased().contains(" on") || $0.lowercased().contains("javascript") })
        #expect(!tags.contains { $0.contains("href=") && !$0.contains("href=\"#\"") })
    }

    @Test("system.Metrics shows metadata sorted by name, ints and doubles as KFP writes them")
    func metrics() {
        let metadata: [String: JSONValue] = [
            "display_name": "metrics", "samples": 150, "accuracy": 0.95, "loss": 2.0, "model": "forest",
        ]
        let rows = [
            MetricRow(name: "accuracy", value: "0.95"), MetricRow(name: "loss", value: "2.0"),
            MetricRow(name: "model", value: "forest"), MetricRow(name: "samples", value: "150"),
        ]
        #expect(preview(nil, as: "system.Metrics", metadata: metadata) == .metrics(rows))
    }

    @Test("system.ClassificationMetrics gives a confusion matrix and ROC points")
    func classification() {
        let preview = preview(nil, as: "system.ClassificationMetrics", metadata: Self.classification)
        #expect(preview == .classification(Self.expectedClassification(slice: nil)))
    }

    @Test("system.SlicedClassificationMetrics gives one classification per slice")
    func slicedClassification() {
        let slice: JSONValue = ["slice": "overall", "sliceClassificationMetrics": .object(Self.classification)]
        let preview = preview(nil, as: "system.SlicedClassificationMetrics", metadata: ["evaluationSlices": [slice]])
        #expect(preview == .slicedClassification([Self.expectedClassification(slice: "overall")]))
    }
}

extension ArtifactPreviewTests {
    /// Metadata as the KFP SDK's `log_confusion_matrix` and `log_roc_curve` write it.
    static let classification: [String: JSONValue] = [
        "display_name": "classification",
        "confusionMatrix": [
            "annotationSpecs": [["displayName": "cat"], ["displayName": "dog"]],
            "rows": [["row": [8, 2]], ["row": [1, 9]]],
        ],
        "confidenceMetrics": [
            ["confidenceThreshold": 0.9, "recall": 0.5, "falsePositiveRate": 0.0],
            ["confidenceThreshold": 0.1, "recall": 1.0, "falsePositiveRate": 0.75],
        ],
        "auc": 0.875,
    ]

    static func expectedClassification(slice: String?) -> ClassificationPreview {
        ClassificationPreview(
            slice: slice, labels: ["cat", "dog"],
            matrix: [
                [ConfusionCell(value: "8", shade: 89), ConfusionCell(value: "2", shade: 22)],
                [ConfusionCell(value: "1", shade: 11), ConfusionCell(value: "9", shade: 100)],
            ],
            rocPoints: [
                ROCPoint(falsePositiveRate: 0.0, truePositiveRate: 0.5, threshold: 0.9),
                ROCPoint(falsePositiveRate: 0.75, truePositiveRate: 1.0, threshold: 0.1),
            ],
            otherMetrics: [MetricRow(name: "auc", value: "0.875")])
    }

    /// The preview of `file` as an artifact of type `schemaTitle`, with `metadata`.
    func preview(
        _ file: URL?, as schemaTitle: String = "system.Dataset", metadata: [String: JSONValue] = [:],
        with previewer: ArtifactPreviewer = ArtifactPreviewer()
    ) -> ArtifactPreview {
        previewer.preview(schemaTitle: schemaTitle, metadata: metadata, file: file)
    }

    /// A new empty folder named `name` in the test's folder.
    func subfolder(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `contents` to a file named `name` in the test's folder.
    func write(_ contents: String, named name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// Unpacks `iris-1.csv` of `../shared/data/iris-csv-files.tar.gz` into the test's folder;
    /// `false` (with a printed notice) when the shared data or `tar` is absent.
    static let sharedIris = TestEnvironment.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/iris-csv-files.tar.gz")

    func unpackSharedIris() throws -> Bool {
        let archive = Self.sharedIris
        let tar = URL(fileURLWithPath: "/usr/bin/tar")
        guard FileManager.default.fileExists(atPath: archive.path), FileManager.default.fileExists(atPath: tar.path)
        else {
            print("notice: ../shared/data/iris-csv-files.tar.gz (or tar) is absent; the iris preview test is skipped")
            return false
        }
        let process = Process()
        process.executableURL = tar
        process.arguments = ["-xzf", archive.path, "-C", folder.path, "iris-1.csv"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return true
    }
}
