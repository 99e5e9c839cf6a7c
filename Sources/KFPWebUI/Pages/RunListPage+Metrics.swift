import Foundation
import KFPAPI
import KFPSpec

/// The runs list's metric columns: up to five metric names (of the `system.Metrics` artifacts of
/// the runs shown) chosen in the URL (`metrics=accuracy,loss`), each a sortable column. KFP's v2
/// runs list cannot show metrics; its v1 list showed them the same way.
extension RunListPage {
    /// A metric name to add as a column, or a chosen one to remove.
    package struct MetricChoice: Sendable, Equatable {
        package let name: String
        /// The list with this column added or removed; nil when five are chosen and this is not one.
        package let url: String?
        package let chosen: Bool
    }

    /// A metric column's header: a link that sorts the page's runs by the metric (numbers in
    /// order, runs without the metric last); clicking the current column flips the order.
    package struct MetricHeader: Sendable, Equatable {
        package let name: String
        package let url: String
        /// `▲`, `▼` or empty.
        package let mark: String

        init(name: String, request: ListRequest, path: String) {
            self.name = name
            let current = request.metricSort == name
            let descending = current ? !request.metricDescending : !RunMetrics.lowerIsBetter(name)
            url = request.url(path, ["msort": name, "mdesc": descending ? "1" : nil])
            mark = current ? (request.metricDescending ? "▼" : "▲") : ""
        }
    }

    /// Fills each row's metric cells and sorts the rows by the sorted metric column.
    static func addMetricColumns(to rows: inout [Row], runMetrics: [String: [String: JSONValue]], request: ListRequest) {
        guard !request.metricColumns.isEmpty else { return }
        for index in rows.indices {
            let values = runMetrics[rows[index].id] ?? [:]
            rows[index].metrics = request.metricColumns.map { values[$0].map { DisplayFormat.value($0) } ?? "-" }
        }
        guard let sort = request.metricSort else { return }
        let key = { (row: Row) -> Double? in runMetrics[row.id]?[sort]?.numericValue }
        let order = rows.enumerated().sorted { left, right in
            switch (key(left.element), key(right.element)) {
            case let (a?, b?) where a != b: return request.metricDescending ? a > b : a < b
            case (_?, nil): return true
            case (nil, _?): return false
            default: return left.offset < right.offset
            }
        }
        rows = order.map(\.element)
    }

    /// Every metric name of the runs shown and every chosen one, sorted, as add/remove links.
    static func metricChoices(_ runMetrics: [String: [String: JSONValue]], request: ListRequest, path: String) -> [MetricChoice] {
        let names = Set(runMetrics.values.flatMap(\.keys)).union(request.metricColumns).sorted()
        let full = request.metricColumns.count >= ListRequest.maximumMetricColumns
        return names.map { name in
            let chosen = request.metricColumns.contains(name)
            let columns = chosen ? request.metricColumns.filter { $0 != name } : request.metricColumns + [name]
            let sort = request.metricSort == name && chosen ? nil : request.metricSort
            let url = request.url(path, [
                "metrics": columns.isEmpty ? nil : columns.joined(separator: ","), "msort": sort,
                "mdesc": sort != nil && request.metricDescending ? "1" : nil,
            ])
            return MetricChoice(name: name, url: chosen || !full ? url : nil, chosen: chosen)
        }
    }
}
