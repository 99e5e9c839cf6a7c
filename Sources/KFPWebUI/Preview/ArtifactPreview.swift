/// What the task panel shows for one output artifact: the data of a preview, not its markup.
///
/// ``ArtifactPreviewer`` makes one from the artifact's KFP type (`schemaTitle`), its metadata and
/// its local file; the page templates turn it into HTML, escaping every string except the
/// ``document(html:source:)`` HTML, which goes into a sandboxed `iframe` (`srcdoc`, no scripts).
public enum ArtifactPreview: Sendable, Hashable {
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
public enum DocumentKind: String, Sendable, Hashable {
    /// A `system.HTML` file, passed through unchanged (up to the byte limit).
    case html
    /// A `system.Markdown` file, rendered to HTML with its raw HTML escaped.
    case markdown
}

/// The first rows of a CSV or TSV file.
public struct TablePreview: Sendable, Hashable {
    /// The column names, or empty when the first row of the file is data.
    public var header: [String]
    /// The rows shown (at most the previewer's `maxRows`), each padded to the same column count.
    public var rows: [[String]]
    /// `true` when the file has more rows than ``rows`` (or more bytes than were read).
    public var truncated: Bool
    /// `true` when columns beyond the previewer's `maxColumns` were left out.
    public var columnsTruncated: Bool
    /// The field delimiter: `","` for CSV, `"\t"` for TSV.
    public var delimiter: String

    /// Makes a table preview.
    public init(
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
    public var rowCount: Int { rows.count }
}

/// One scalar metric: a metadata key of a metrics artifact and its value as KFP shows it.
public struct MetricRow: Sendable, Hashable {
    /// The metric name (the metadata key, e.g. `accuracy`).
    public var name: String
    /// The value as text: integers without a fraction (`150`), doubles as Python prints them
    /// (`0.95`, `150.0`), strings as they are, lists and structs as compact JSON.
    public var value: String

    /// Makes a metric row.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The classification metrics of a `system.ClassificationMetrics` artifact (or of one slice).
public struct ClassificationPreview: Sendable, Hashable {
    /// The slice name (metadata `evaluationSlices[].slice`), or `nil` when not sliced.
    public var slice: String?
    /// The category names (metadata `confusionMatrix.annotationSpecs[].displayName`).
    public var labels: [String]
    /// The confusion matrix: one row per actual label, one cell per predicted label
    /// (metadata `confusionMatrix.rows[].row`). Empty when the artifact has none.
    public var matrix: [[ConfusionCell]]
    /// The ROC curve points (metadata `confidenceMetrics`), in the order KFP wrote them.
    public var rocPoints: [ROCPoint]
    /// The other scalar metadata entries, sorted by name (`display_name` left out).
    public var otherMetrics: [MetricRow]

    /// Makes a classification preview.
    public init(
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
public struct ConfusionCell: Sendable, Hashable {
    /// The count as text (`7`; a non-integral number keeps its fraction).
    public var value: String
    /// The count as a percentage (0-100, rounded) of the largest cell, for a heat-map shade.
    public var shade: Int

    /// Makes a confusion matrix cell.
    public init(value: String, shade: Int) {
        self.value = value
        self.shade = shade
    }
}

/// One point of an ROC curve (one `confidenceMetrics` entry).
public struct ROCPoint: Sendable, Hashable {
    /// The false positive rate (`falsePositiveRate`), 0-1: the x axis.
    public var falsePositiveRate: Double
    /// The true positive rate (`recall`), 0-1: the y axis.
    public var truePositiveRate: Double
    /// The confidence threshold of the point (`confidenceThreshold`).
    public var threshold: Double

    /// Makes an ROC point.
    public init(falsePositiveRate: Double, truePositiveRate: Double, threshold: Double) {
        self.falsePositiveRate = falsePositiveRate
        self.truePositiveRate = truePositiveRate
        self.threshold = threshold
    }
}

/// One entry of a folder artifact.
public struct FolderEntry: Sendable, Hashable {
    /// The file or folder name (not a path).
    public var name: String
    /// The size in bytes of a file; `nil` for a folder.
    public var byteCount: Int?
    /// `true` for a folder.
    public var isFolder: Bool

    /// Makes a folder entry.
    public init(name: String, byteCount: Int?, isFolder: Bool) {
        self.name = name
        self.byteCount = byteCount
        self.isFolder = isFolder
    }
}
