public import Foundation
public import KFPLocal
import KFPSpec

/// What the tutorial run produced: the merged CSV's location, its rows and first lines.
public struct MergedCSVReport: Sendable {
    /// The merged CSV file.
    public let file: URL
    /// Its non-empty lines, in file order.
    public let rows: [String]

    /// The number of columns of the first row (comma-separated), 0 when empty.
    public var columnCount: Int { rows.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).count } ?? 0 }

    /// The report of a finished run: reads the `output_csv` artifact of task `merge-csv`.
    ///
    /// - Throws: ``Missing`` when the run has no such artifact or the file cannot be read.
    public init(run: LocalRun) throws {
        guard let artifact = run.tasks["merge-csv"]?.outputs.artifacts["output_csv"]?.first else {
            throw Missing(description: "the run has no output_csv artifact of task 'merge-csv'")
        }
        let path = artifact.uri.hasPrefix("file://") ? String(artifact.uri.dropFirst("file://".count)) : artifact.uri
        file = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw Missing(description: "\(file.path): cannot read the merged CSV")
        }
        rows = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    /// A missing or unreadable output.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// `merged CSV: PATH`, the row and column counts, and the first `count` rows.
    public func text(firstRows count: Int = 5) -> String {
        var lines = ["merged CSV: \(file.path)", "rows: \(rows.count), columns: \(columnCount)", "first rows:"]
        lines += rows.prefix(count).map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
