import Foundation
import KFPAPI
import KFPSpec

/// Prints API results as the Python CLI does: a table of the main columns, or the message JSON.
struct ResultPrinter {
    let format: OutputFormat

    /// Prints `items` as rows under `headers`, or as a JSON array of their messages.
    func print<Item: APIMessage>(_ items: [Item], headers: [String], row: (Item) -> [String]) {
        switch format {
        case .json:
            Swift.print(JSONValue.array(items.map { $0.json() }).prettyJSON())
        case .table:
            Swift.print(Self.table(headers: headers, rows: items.map(row)), terminator: "")
        }
    }

    /// Prints one item as a two-column table of its fields, or its JSON.
    func print<Item: APIMessage>(_ item: Item, headers: [String], row: (Item) -> [String]) {
        switch format {
        case .json:
            Swift.print(item.json().prettyJSON())
        case .table:
            Swift.print(Self.table(headers: headers, rows: [row(item)]), terminator: "")
        }
    }

    /// Plain aligned columns (widths by character count), a header row and a rule.
    static func table(headers: [String], rows: [[String]]) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }
        return line(headers) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }

    static func time(_ date: Date?) -> String {
        guard let date, date.timeIntervalSince1970 > 0 else { return "" }
        return APITimestamp.format(date)
    }
}
