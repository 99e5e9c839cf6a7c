import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Turns a ``ListQuery`` (KFP's `page_size`, `page_token`, `sort_by`, `filter`) into one keyset-paged
/// SQL query and one count, for a table whose API keys map to columns.
///
/// Paging is by `(sort column, id)`: a page asks for the rows after the cursor's position, so a
/// deep page costs the same as the first. Timestamp columns hold milliseconds; filters on them
/// compare whole seconds, as the KFP server does.
struct ListStatement {
    /// How an API key is stored.
    enum Column {
        case text(String)
        case time(String)
        case integer(String)

        var name: String {
            switch self {
            case .text(let name), .time(let name), .integer(let name): return name
            }
        }
    }

    let table: String
    /// Canonical API key (``ListQuery``'s) → column.
    let columns: [String: Column]
    /// Conditions every row must meet besides the filter (e.g. `pipeline_id = ?`).
    var scope: [(sql: String, arguments: StatementArguments)] = []

    /// One page of rows (the `SELECT *` rows, at most `pageSize`), the count of all matching rows,
    /// and the cursor of the next page (nil on the last page).
    ///
    /// - Throws: ``APIError`` (invalid argument) for a key this table cannot sort or filter by;
    ///   GRDB errors from the database.
    func fetch(_ query: ListQuery, in db: Database) throws -> (rows: [Row], totalSize: Int, next: PageCursor?) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        for (sql, values) in scope {
            conditions.append(sql)
            arguments += values
        }
        for predicate in query.filter {
            let (sql, values) = try condition(predicate)
            conditions.append(sql)
            arguments += values
        }
        let filtered = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let totalSize = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)\(filtered)", arguments: arguments) ?? 0

        guard let sortColumn = columns[query.sort.field] else {
            throw APIError.invalidArgument("cannot sort by \(query.sort.field)")
        }
        let comparison = query.sort.descending ? "<" : ">"
        if let cursor = query.cursor {
            // A row value comparison lets SQLite seek the (sort column, id) index to the cursor.
            conditions.append("(\(sortColumn.name), id) \(comparison) (?, ?)")
            arguments += [Self.databaseValue(cursor.sortValue), cursor.key]
        }
        let paged = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let direction = query.sort.descending ? "DESC" : "ASC"
        var rows = try Row.fetchAll(
            db, sql: "SELECT * FROM \(table)\(paged) ORDER BY \(sortColumn.name) \(direction), id \(direction) LIMIT ?",
            arguments: arguments + [query.pageSize + 1])
        var next: PageCursor?
        if rows.count > query.pageSize {
            rows.removeLast()
            if let last = rows.last {
                next = PageCursor(sortValue: Self.jsonValue(last[sortColumn.name]), key: last["id"])
            }
        }
        return (rows, totalSize, next)
    }

    private func condition(_ predicate: FilterPredicate) throws -> (String, StatementArguments) {
        guard let column = columns[predicate.key] else {
            throw APIError.invalidArgument("no support for filtering on unrecognized field \(predicate.key)")
        }
        var expression = column.name
        var scalar: DatabaseValue?
        var list: [DatabaseValue] = []
        switch predicate.value {
        case .int(let value): scalar = value.databaseValue
        case .string(let value): scalar = value.databaseValue
        case .timestamp(let seconds):
            scalar = seconds.databaseValue
            if case .time = column { expression = "(\(column.name) / 1000)" }
        case .ints(let values): list = values.map(\.databaseValue)
        case .strings(let values): list = values.map(\.databaseValue)
        }
        let symbol: String
        switch predicate.operation {
        case .equals: symbol = "="
        case .notEquals: symbol = "!="
        case .greaterThan: symbol = ">"
        case .greaterThanEquals: symbol = ">="
        case .lessThan: symbol = "<"
        case .lessThanEquals: symbol = "<="
        case .in:
            guard !list.isEmpty else { return ("0", []) }
            let marks = Array(repeating: "?", count: list.count).joined(separator: ", ")
            return ("\(expression) IN (\(marks))", StatementArguments(list))
        case .isSubstring:
            guard case .string(let text) = predicate.value else {
                throw APIError.invalidArgument("IS_SUBSTRING on \(predicate.key) needs a string_value")
            }
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return ("\(expression) LIKE ? ESCAPE '\\'", ["%\(escaped)%"])
        }
        guard let scalar else {
            throw APIError.invalidArgument("filter on \(predicate.key): a list value needs the IN operation")
        }
        return ("\(expression) \(symbol) ?", [scalar])
    }

    static func databaseValue(_ value: JSONValue) -> DatabaseValue {
        switch value {
        case .int(let number): return Int64(number).databaseValue
        case .double(let number): return number.databaseValue
        case .string(let text): return text.databaseValue
        case .bool(let flag): return flag.databaseValue
        default: return .null
        }
    }

    static func jsonValue(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .int64(let number): return .int(Int(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .blob, .null: return .null
        }
    }
}
