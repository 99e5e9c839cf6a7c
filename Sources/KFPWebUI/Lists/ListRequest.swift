import Foundation
import KFPAPI

/// What a list page asks for, read from its URL: `q` (a name substring), `sort` (an API field),
/// `desc=1`, `archived=1`, `state` (runs), `page_token`. It becomes the same ``ListQuery`` the
/// v2beta1 list endpoints build, so a page lists exactly what the API returns for that query.
///
/// ```
/// /runs?q=iris&state=FAILED&sort=created_at&desc=1
/// ```
package struct ListRequest: Sendable, Equatable {
    package var searchText: String
    package var sortField: String
    package var descending: Bool
    package var archived: Bool
    /// A run state name (`SUCCEEDED`), runs only.
    package var state: String?
    package var pageToken: String?
    package var pageSize: Int
    /// Runs list: the metric columns shown (`metrics=accuracy,loss`, at most ``maximumMetricColumns``).
    package var metricColumns: [String]
    /// Runs list: the metric column the page's runs are sorted by (`msort`), descending with `mdesc=1`.
    package var metricSort: String?
    package var metricDescending: Bool

    /// The most metric columns the runs list shows.
    package static let maximumMetricColumns = 5

    /// Reads the page's query parameters; unknown values fall back to the defaults (newest first).
    package init(_ parameters: QueryParameters, defaultSort: String = "created_at", pageSize: Int = 20) {
        searchText = parameters["q"] ?? ""
        sortField = parameters["sort"] ?? defaultSort
        descending = parameters["sort"] == nil ? true : parameters["desc"] == "1"
        archived = parameters["archived"] == "1"
        state = parameters["state"].flatMap { RuntimeState(rawValue: $0) == nil ? nil : $0 }
        pageToken = parameters["page_token"]
        self.pageSize = pageSize
        var columns: [String] = []
        for name in (parameters["metrics"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty && !columns.contains(name) && columns.count < Self.maximumMetricColumns {
            columns.append(name)
        }
        metricColumns = columns
        metricSort = parameters["msort"].flatMap { columns.contains($0) ? $0 : nil }
        metricDescending = parameters["mdesc"] == "1"
    }

    /// The API query: a page token carries its own sort and filter; otherwise the filter is
    /// `display_name IS_SUBSTRING q`, `storage_state` (runs and experiments) and `state`.
    ///
    /// - Throws: ``APIError`` invalid argument for a bad page token or an unknown sort field (the
    ///   API's messages).
    package func query(_ resource: ListResource) throws -> ListQuery {
        if let pageToken {
            return try ListQuery(QueryParameters(["page_token": pageToken, "page_size": String(pageSize)]), resource: resource)
        }
        var filter: [FilterPredicate] = []
        if !searchText.isEmpty {
            filter.append(FilterPredicate(key: "display_name", operation: .isSubstring, value: .string(searchText)))
        }
        if resource == .runs || resource == .experiments {
            filter.append(FilterPredicate(
                key: "storage_state", operation: archived ? .equals : .notEquals, value: .string("ARCHIVED")))
        }
        if resource == .runs, let state {
            filter.append(FilterPredicate(key: "state", operation: .equals, value: .string(state)))
        }
        let sort = try SortOrder(sortBy: "\(sortField)\(descending ? " desc" : "")", resource: resource)
        return ListQuery(resource: resource, pageSize: pageSize, sort: sort, filter: filter)
    }

    /// This request's URL on `path` with some parameters changed (nil removes one); the page token
    /// is dropped unless given.
    package func url(_ path: String, _ changes: [String: String?] = [:]) -> String {
        var values: [String: String] = [:]
        if !searchText.isEmpty { values["q"] = searchText }
        values["sort"] = sortField
        if descending { values["desc"] = "1" }
        if archived { values["archived"] = "1" }
        if let state { values["state"] = state }
        if !metricColumns.isEmpty { values["metrics"] = metricColumns.joined(separator: ",") }
        if let metricSort {
            values["msort"] = metricSort
            if metricDescending { values["mdesc"] = "1" }
        }
        for (name, value) in changes { values[name] = value }
        return PageLink.url(path, values)
    }
}

/// URLs with query strings the server reads back exactly (`+`, `&`, `%` and non-ASCII escaped).
package enum PageLink {
    /// `path?a=1&b=2` with parameters sorted by name (empty values left out).
    package static func url(_ path: String, _ parameters: [String: String]) -> String {
        let pairs = parameters.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\(escape($0.key))=\(escape($0.value))" }
        return pairs.isEmpty ? path : "\(path)?\(pairs.joined(separator: "&"))"
    }

    /// Percent-escapes everything but unreserved characters (RFC 3986).
    package static func escape(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The paging links under a list.
package struct Pager: Sendable, Equatable {
    package let totalSize: Int
    /// Set on pages after the first.
    package let firstPageURL: String?
    package let nextPageURL: String?

    package init(request: ListRequest, path: String, totalSize: Int, nextPageToken: String?) {
        self.totalSize = totalSize
        firstPageURL = request.pageToken == nil ? nil : request.url(path)
        nextPageURL = nextPageToken.map { request.url(path, ["page_token": $0]) }
    }

    /// Links made by the page (lists that page with their own tokens: artifacts, executions).
    package init(totalSize: Int, firstPageURL: String?, nextPageURL: String?) {
        self.totalSize = totalSize
        self.firstPageURL = firstPageURL
        self.nextPageURL = nextPageURL
    }
}
