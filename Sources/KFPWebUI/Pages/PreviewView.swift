import Foundation

/// An ``ArtifactPreview`` in the shape the task-panel template reads: one optional part per kind
/// of preview (Mustache sections cannot switch on an enum).
public struct PreviewView: Sendable {
    public struct TableView: Sendable {
        public struct Row: Sendable { public let cells: [String] }
        public let header: [String]
        public let rows: [Row]
        public let note: String?
    }

    public struct MetricsView: Sendable {
        public let rows: [TaskPanel.NameValue]
    }

    public struct MatrixView: Sendable {
        public struct Row: Sendable {
            public let label: String
            public let cells: [String]
        }
        public let labels: [String]
        public let rows: [Row]
    }

    public struct ROCView: Sendable {
        public struct Point: Sendable {
            public let threshold: String
            public let falsePositiveRate: String
            public let recall: String
        }
        public let points: [Point]
        /// The curve drawn as SVG.
        public let plot: ROCPlot
    }

    public struct FolderView: Sendable {
        public struct Entry: Sendable {
            public let name: String
            public let size: String
        }
        public let entries: [Entry]
    }

    public var table: TableView?
    /// HTML for the sandboxed iframe's `srcdoc` (escaped by the template).
    public var document: String?
    public var text: String?
    public var metrics: MetricsView?
    public var matrix: MatrixView?
    public var roc: ROCView?
    public var folder: FolderView?
    public var note: String?

    public init(_ preview: ArtifactPreview) {
        switch preview {
        case .table(let table):
            var notes: [String] = []
            if table.truncated { notes.append("First \(table.rows.count) rows.") }
            if table.columnsTruncated { notes.append("Some columns are left out.") }
            self.table = TableView(
                header: table.header, rows: table.rows.map { TableView.Row(cells: $0) },
                note: notes.isEmpty ? nil : notes.joined(separator: " "))
        case .document(let html, _):
            document = html
        case .text(let text, let truncated):
            self.text = text
            if truncated { note = "The beginning of the file." }
        case .metrics(let rows):
            metrics = MetricsView(rows: rows.map { TaskPanel.NameValue(name: $0.name, value: $0.value) })
        case .classification(let classification):
            show(classification)
        case .slicedClassification(let slices):
            if let first = slices.first {
                show(first)
                note = "\(slices.count) slice(s); showing \(first.slice ?? "the first")."
            } else {
                note = "No evaluation slices."
            }
        case .folder(let entries, let truncated):
            folder = FolderView(entries: entries.map {
                FolderView.Entry(name: $0.isFolder ? $0.name + "/" : $0.name, size: $0.byteCount.map { "\($0) bytes" } ?? "")
            })
            if truncated { note = "Some entries are left out." }
        case .binary(let byteCount):
            note = "Binary file, \(byteCount) bytes."
        case .missing(let reason):
            note = reason
        }
    }

    private mutating func show(_ classification: ClassificationPreview) {
        if !classification.labels.isEmpty {
            matrix = MatrixView(
                labels: classification.labels,
                rows: zip(classification.labels, classification.matrix).map { label, cells in
                    MatrixView.Row(label: label, cells: cells.map(\.value))
                })
        }
        if !classification.rocPoints.isEmpty {
            roc = ROCView(points: classification.rocPoints.map {
                ROCView.Point(threshold: Self.number($0.threshold), falsePositiveRate: Self.number($0.falsePositiveRate),
                              recall: Self.number($0.truePositiveRate))
            }, plot: ROCPlot(curves: [ROCPlot.Curve(label: classification.slice ?? "ROC", points: classification.rocPoints)]))
        }
        if !classification.otherMetrics.isEmpty {
            metrics = MetricsView(rows: classification.otherMetrics.map { TaskPanel.NameValue(name: $0.name, value: $0.value) })
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
