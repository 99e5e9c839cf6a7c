/// A parsed `List*` request: page size, order, filter and the position to continue from.
///
/// ``init(_:resource:)`` reads the query parameters `page_size`, `sort_by`, `filter` and
/// `page_token` the way the KFP server does:
/// - `page_size`: absent or 0 → 20; above 200 → 200; negative → `The page size should be greater than
///   0. Got -1`; not an integer → `invalid value for page_size: …`.
/// - `sort_by`: see ``SortOrder/init(sortBy:resource:)``.
/// - `filter`: see `FilterParser` (URL-decoded a second time, camelCase value keys, operations by name
///   or number).
/// - `page_token`: a token from ``nextPageToken(after:)``. A token that does not decode, or was made
///   for another resource, throws `invalid page token …`. When the request also gives `sort_by` or
///   `filter`, they must equal the token's (else `page token does not match the supplied sort by
///   and/or filtering criteria. …`); when it gives neither, the token's order and filter apply.
///
/// All errors are ``APIError`` (invalid argument).
public struct ListQuery: Sendable, Equatable {
    /// The page size when `page_size` is absent or 0.
    public static let defaultPageSize = 20
    /// The largest page; bigger `page_size` values are clamped to it.
    public static let maximumPageSize = 200

    /// The resource being listed.
    public var resource: ListResource
    /// Rows per page, 1…200.
    public var pageSize: Int
    /// The order of the rows.
    public var sort: SortOrder
    /// Predicates that every row must meet (AND).
    public var filter: [FilterPredicate]
    /// Where this page starts; nil for the first page.
    public var cursor: PageCursor?

    /// A query from its parts (the first page by default).
    public init(
        resource: ListResource, pageSize: Int = ListQuery.defaultPageSize, sort: SortOrder = SortOrder(),
        filter: [FilterPredicate] = [], cursor: PageCursor? = nil
    ) {
        self.resource = resource
        self.pageSize = pageSize
        self.sort = sort
        self.filter = filter
        self.cursor = cursor
    }

    /// Parses `page_size`, `sort_by`, `filter` and `page_token`; throws ``APIError`` as described above.
    public init(_ parameters: QueryParameters, resource: ListResource) throws {
        self.init(resource: resource, pageSize: try Self.pageSize(parameters["page_size"]))
        let sortBy = parameters["sort_by"]
        let filterText = parameters["filter"]
        let requested = try SortOrder(sortBy: sortBy, resource: resource)
        let predicates = try filterText.map { try FilterParser.parse($0, resource: resource) } ?? []
        guard let tokenText = parameters["page_token"] else {
            sort = requested
            filter = predicates
            return
        }
        guard let token = PageToken(decoding: tokenText), token.resource == resource else {
            throw APIError.invalidArgument("invalid page token \(FilterParser.goQuote(tokenText))")
        }
        if sortBy != nil || filterText != nil, requested != token.sort || predicates != token.filter {
            throw APIError.invalidArgument(
                "page token does not match the supplied sort by and/or filtering criteria. Either specify the same criteria or leave the latter empty if page token is specified."
            )
        }
        sort = token.sort
        filter = token.filter
        cursor = token.cursor
    }

    /// The `next_page_token` for the page that starts at `cursor`, carrying this query's order and filter.
    public func nextPageToken(after cursor: PageCursor) -> String {
        PageToken(resource: resource, sort: sort, filter: filter, cursor: cursor).encoded()
    }

    static func pageSize(_ text: String?) throws -> Int {
        guard let text else { return defaultPageSize }
        guard let size = Int32(text) else {
            throw APIError.invalidArgument(
                "invalid value for page_size: expected an int32, found \(FilterParser.goQuote(text))")
        }
        if size < 0 { throw APIError.invalidArgument("The page size should be greater than 0. Got \(size)") }
        if size == 0 { return defaultPageSize }
        return min(Int(size), maximumPageSize)
    }
}
