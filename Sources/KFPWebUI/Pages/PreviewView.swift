import Foundation

/// An ``ArtifactPreview`` in the shape the task-panel template reads: one optional part per kind
/// of preview (Mustache sections cannot switch on an enum).
package struct PreviewView: Sendable {
    package struct TableView: Sendable {
        package struct Row: Sendable { package let cells: [String] }
        package let header: [String]
        package let rows: [Row]
        package let note: String?
    }

    package struct MetricsView: Sendable {
        package let rows: [TaskPanel.NameValue]
    }

    package struct MatrixView: Sendable {
        package struct Row: Sendable {
            package let label: String
            package let cells: [String]
        }
        package let labels: [String]
        package let rows: [Row]
    }

    package struct ROCView: Sendable {
        package struct Point: Sendable {
            package let threshold: String
            package let falsePositiveRate: String
            package let recall: String
        }
        package let points: [Point]
        /// The curve drawn as SVG.
        package let plot: ROCPlot
    }

    package struct FolderView: Sendable {
        package struct Entry: Sendable {
            package let name: String
            package let size: String
        }
        package let entries: [Entry]
    }

    package var table: TableView?
    /// HTML for the sandboxed iframe's `srcdoc` (escaped by the template).
    package var document: String?
    package var text: String?
    package var metrics: MetricsView?
    package var matrix: MatrixView?
    package var roc: ROCView?
    package var folder: FolderView?
    package var note: String?

    package init(_ preview: ArtifactPreview) {
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
