/// Paging, order and filter of a `List*` call, sent as `page_token`, `page_size`, `sort_by` and
/// `filter` (kfp sends the first three even when empty, and so does this client).
///
/// ```swift
/// let newest = try await client.listRuns(ListOptions(pageSize: 5, sortBy: "created_at desc"))
/// ```
public struct ListOptions: Sendable, Equatable {
    /// The `next_page_token` of the previous page; nil for the first page.
    public var pageToken: String?
    /// Items per page (the server clamps it to 1…200).
    public var pageSize: Int
    /// `"field"`, `"field asc"` or `"field desc"`, e.g. `"created_at desc"`.
    public var sortBy: String?
    /// A JSON `Filter` message, e.g.
    /// `{"predicates": [{"key": "display_name", "operation": "EQUALS", "string_value": "x"}]}`.
    public var filter: String?

    /// Options for one list call; the defaults ask for the first 20 items in the server's order.
    public init(pageToken: String? = nil, pageSize: Int = 20, sortBy: String? = nil, filter: String? = nil) {
        self.pageToken = pageToken
        self.pageSize = pageSize
        self.sortBy = sortBy
        self.filter = filter
    }
}

/// One page of a `List*` answer: `{"<items>": [...], "total_size": n, "next_page_token": "..."}`.
public struct ListPage<Item: Sendable>: Sendable {
    /// The items of this page (empty when the server left the list out).
    public var items: [Item]
    /// How many items match the filter in all pages (0 when the server left it out).
    public var totalSize: Int
    /// The token of the next page; nil on the last page (absent or empty in the answer).
    public var nextPageToken: String?

    /// A page from its parts.
    public init(items: [Item], totalSize: Int, nextPageToken: String?) {
        self.items = items
        self.totalSize = totalSize
        self.nextPageToken = nextPageToken
    }
}

extension ListPage: Equatable where Item: Equatable {}
