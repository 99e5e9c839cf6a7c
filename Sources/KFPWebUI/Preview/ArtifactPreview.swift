/// What the task panel shows for one output artifact: the data of a preview, not its markup.
///
/// ``ArtifactPreviewer`` makes one from the artifact's KFP type (`schemaTitle`), its metadata and
/// its local file; the page templates turn it into HTML, escaping every string except the
/// ``document(html:source:)`` HTML, which goes into a sandboxed `iframe` (`srcdoc`, no scripts).
package enum ArtifactPreview: Sendable, Hashable {
    /// A CSV or TSV file (usually a `system.Dataset`) as a table of its first rows.
    case table(TablePreview)
    /// A `system.HTML` file, or a `system.Markdown` file rendered to HTML, for a sandboxed `iframe`.
    case document(html: String, source: DocumentKind)
    /// The first bytes of a UTF-8 text file; `truncated` is `true` when the file is longer.
    case text(String, truncated: Bool)
    /// The scalar metrics of a `system.Metrics` artifact (its metadata), sorted by name.
    case metrics([MetricRow])
    /// The confusion matrix and ROC curve of a `system.ClassificationMetrics` artifact.
    case classification(ClassificationPreview)
    /// The per-slice classification metrics of a `system.SlicedClassificationMetrics` artifact
    /// (metadata `evaluationSlices`), in the order KFP wrote them.
    case slicedClassification([ClassificationPreview])
    /// The entries of a folder artifact, sorted by name; `truncated` when some were left out.
    case folder([FolderEntry], truncated: Bool)
    /// A file that is not text; `byteCount` is its size in bytes.
    case binary(byteCount: Int)
    /// Nothing to show: no file, a missing file or a read error; `reason` names the file.
    case missing(reason: String)
}

/// Where the HTML of a ``ArtifactPreview/document(html:source:)`` preview came from.
package enum DocumentKind: String, Sendable, Hashable {
    /// A `system.HTML` file, passed through unchanged (up to the byte limit).
    case html
    /// A `system.Markdown` file, rendered to HTML with its raw HTML escaped.
    case markdown
}

/// The first rows of a CSV or TSV file.
package struct TablePreview: Sendable, Hashable {
    /// The column names, or empty when the first row of the file is data.
    package var header: [String]
    /// The rows shown (at most the previewer's `maxRows`), each padded to the same column count.
    package var rows: [[String]]
    /// `true` when the file has more rows than ``rows`` (or more bytes than were read).
    package var truncated: Bool
    /// `true` when columns beyond the previewer's `maxColumns` were left out.
    package var columnsTruncated: Bool
    /// The field delimiter: `","` for CSV, `"\t"` for TSV.
    package var delimiter: String

    /// Makes a table preview.
    package init(
        header: [String], rows: [[String]], truncated: Bool, columnsTruncated: Bool = false,
        delimiter: String = ","
    ) {
        self.header = header
        self.rows = rows
        self.truncated = truncated
        self.columnsTruncated = columnsTruncated
        self.delimiter = delimiter
    }

    /// The number of rows shown (not counting the header).
    package var rowCount: Int { rows.count }
}

/// One scalar metric: a metadata key of a metrics artifact and its value as KFP shows it.
package struct MetricRow: Sendable, Hashable {
    /// The metric name (the metadata key, e.g. `accuracy`).
    package var name: String
    /// The value as text: integers without a fraction (`150`), doubles as Python prints them
    /// (`0.95`, `150.0`), strings as they are, lists and structs as compact JSON.
    package var value: String

    /// Makes a metric row.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The classification metrics of a `system.ClassificationMetrics` artifact (or of one slice).
package struct ClassificationPreview: Sendable, Hashable {
    /// The slice name (metadata `evaluationSlices[].slice`), or `nil` when not sliced.
    package var slice: String?
    /// The category names (metadata `confusionMatrix.annotationSpecs[].displayName`).
    package var labels: [String]
    /// The confusion matrix: one row per actual label, one cell per predicted label
    /// (metadata `confusionMatrix.rows[].row`). Empty when the artifact has none.
    package var matrix: [[ConfusionCell]]
    /// The ROC curve points (metadata `confidenceMetrics`), in the order KFP wrote them.
    package var rocPoints: [ROCPoint]
    /// The other scalar metadata entries, sorted by name (`display_name` left out).
    package var otherMetrics: [MetricRow]

    /// Makes a classification preview.
    package init(
        slice: String? = nil, labels: [String], matrix: [[ConfusionCell]], rocPoints: [ROCPoint],
        otherMetrics: [MetricRow] = []
    ) {
        self.slice = slice
        self.labels = labels
        self.matrix = matrix
        self.rocPoints = rocPoints
        self.otherMetrics = otherMetrics
    }
}

/// One cell of a confusion matrix.
package struct ConfusionCell: Sendable, Hashable {
    /// The count as text (`7`; a non-integral number keeps its fraction).
    package var value: String
    /// The count as a percentage (0-100, rounded) of the largest cell, for a heat-map shade.
    package var shade: Int

    /// Makes a confusion matrix cell.
    package init(value: String, shade: Int) {
        self.value = value
        self.shade = shade
    }
}

/// One point of an ROC curve (one `confidenceMetrics` entry).
package struct ROCPoint: Sendable, Hashable {
    /// The false positive rate (`falsePositiveRate`), 0-1: the x axis.
    package var falsePositiveRate: Double
    /// The true positive rate (`recall`), 0-1: the y axis.
    package var truePositiveRate: Double
    /// The confidence threshold of the point (`confidenceThreshold`).
    package var threshold: Double

    /// Makes an ROC point.
    package init(falsePositiveRate: Double, truePositiveRate: Double, threshold: Double) {
        self.falsePositiveRate = falsePositiveRate
        self.truePositiveRate = truePositiveRate
        self.threshold = threshold
    }
}

/// One entry of a folder artifact.
package struct FolderEntry: Sendable, Hashable {
    /// The file or folder name (not a path).
    package var name: String
    /// The size in bytes of a file; `nil` for a folder.
    package var byteCount: Int?
    /// `true` for a folder.
    package var isFolder: Bool

    /// Makes a folder entry.
    package init(name: String, byteCount: Int?, isFolder: Bool) {
        self.name = name
        self.byteCount = byteCount
        self.isFolder = isFolder
    }
}
