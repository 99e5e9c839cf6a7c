import CSV
import Foundation

/// CSV and TSV previews: deciding whether a text file is a table, and parsing its first rows with
/// CSV.swift.
extension ArtifactPreviewer {
    /// File extensions of text formats that are never previewed as tables, even when their lines
    /// happen to hold the same number of commas.
    static let nonTableExtensions: Set<String> = [
        "json", "jsonl", "yaml", "yml", "md", "markdown", "html", "htm", "xml", "py", "sh", "log", "js", "css",
    ]

    /// The delimiter of a table file: `,` for `.csv`, a tab for `.tsv`; for other files, the first
    /// of comma and tab that occurs the same number of times (at least once) in each of the first
    /// complete records (at least two), counting only outside double quotes. `nil` when not a table.
    static func tableDelimiter(fileExtension: String, text: String, truncated: Bool) -> UnicodeScalar? {
        switch fileExtension.lowercased() {
        case "csv": return ","
        case "tsv", "tab": return "\t"
        case let ext where nonTableExtensions.contains(ext): return nil
        default: break
        }
        for delimiter: UnicodeScalar in [",", "\t"] {
            var counts = recordScan(text, delimiter: delimiter, limit: 20).delimiterCounts
            if truncated, !counts.isEmpty { counts.removeLast() }
            guard counts.count >= 2, let first = counts.first, first > 0 else { continue }
            if counts.allSatisfy({ $0 == first }) { return delimiter }
        }
        return nil
    }

    /// What a quote-aware scan of `text` finds: the delimiter count of each non-empty record (at most
    /// `limit`; the last may be incomplete) and the end of the last complete record (after its newline).
    static func recordScan(_ text: String, delimiter: UnicodeScalar, limit: Int = .max)
        -> (delimiterCounts: [Int], lastRecordEnd: String.UnicodeScalarView.Index?)
    {
        var counts: [Int] = []
        var count = 0
        var hasContent = false
        var inQuotes = false
        var lastRecordEnd: String.UnicodeScalarView.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar == "\"" {
                inQuotes.toggle()
            } else if inQuotes {
                // Delimiters and newlines inside quotes are field content.
            } else if scalar == "\n" {
                if hasContent { counts.append(count) }
                lastRecordEnd = index
                (count, hasContent) = (0, false)
                if counts.count >= limit { return (counts, lastRecordEnd) }
                continue
            } else if scalar == delimiter {
                count += 1
            }
            if scalar != "\r" { hasContent = true }
        }
        if hasContent { counts.append(count) }
        return (counts, lastRecordEnd)
    }

    /// The first ``maxRows`` rows of `text` as a table, or `nil` when it holds no complete row.
    ///
    /// When `truncated` (the file is longer than the bytes read), the last, incomplete record is
    /// dropped first. The first row is the header as ``isHeader(_:before:)`` decides. Blank lines
    /// are skipped; rows are padded to the widest row and cut at ``maxColumns``.
    func table(_ text: String, delimiter: UnicodeScalar, truncated: Bool) -> TablePreview? {
        var source = text
        if truncated {
            guard let end = Self.recordScan(text, delimiter: delimiter).lastRecordEnd else { return nil }
            source = String(text.unicodeScalars[..<end])
        }
        guard let reader = try? CSVReader(string: source, hasHeaderRow: false, delimiter: delimiter) else { return nil }
        var records: [[String]] = []
        // One more row than shown (plus a possible header) tells whether there are more rows.
        while records.count < maxRows + 2, let row = reader.next() {
            if row.count == 1, row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            records.append(row)
        }
        guard reader.error == nil, let first = records.first else { return nil }
        let hasHeader = Self.isHeader(first, before: records.dropFirst())
        let header = hasHeader ? first : []
        let body = hasHeader ? Array(records.dropFirst()) : records
        let shown = Array(body.prefix(maxRows))
        let widest = ([header] + shown).map(\.count).max() ?? 0
        let width = min(widest, maxColumns)
        let fit = { (row: [String]) -> [String] in
            Array(row.prefix(width)) + Array(repeating: "", count: max(0, width - row.count))
        }
        return TablePreview(
            header: header.isEmpty ? [] : fit(header),
            rows: shown.map(fit),
            truncated: truncated || body.count > maxRows,
            columnsTruncated: widest > maxColumns,
            delimiter: String(Character(delimiter)))
    }

    /// `true` when `first` looks like column names for `rows`: none of its cells is a number, and
    /// either a later row has a number, or (a table of text) its cells are all non-empty and distinct.
    static func isHeader(_ first: [String], before rows: ArraySlice<[String]>) -> Bool {
        guard !rows.isEmpty, !first.contains(where: isNumber) else { return false }
        if rows.contains(where: { $0.contains(where: isNumber) }) { return first.contains { !$0.isEmpty } }
        let names = first.map { $0.trimmingCharacters(in: .whitespaces) }
        return !names.contains("") && Set(names).count == names.count
    }

    /// `true` when a cell reads as a number (`5.1`, `-3`, `1e-5`), ignoring surrounding spaces.
    static func isNumber(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard let number = Double(trimmed) else { return false }
        return number.isFinite
    }
}
