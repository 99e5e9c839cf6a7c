public import KFPSpec

/// The order of a list: one field, ascending or descending; ties are broken by the primary key.
///
/// Parsed from `sort_by` as the KFP server does: the whole value is lower-cased and split on
/// whitespace into `"field"`, `"field asc"` or `"field desc"`. More than two words or a direction
/// other than `asc`/`desc` throws `Received invalid sort by format "…". Supported format:
/// "field_name", "field_name desc", or "field_name asc"`; a field the resource does not have throws
/// `Invalid sorting field: "foo" on listable type Run`. The v1 aliases `id` and `name` map to the
/// canonical field. Without `sort_by` the order is `created_at` ascending (oldest first).
public struct SortOrder: Sendable, Equatable {
    /// The canonical field name, e.g. `created_at`.
    public var field: String
    /// `true` for `desc`.
    public var descending: Bool

    /// An order by `field`; the default is `created_at` ascending.
    public init(field: String = "created_at", descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// `created_at` ascending, KFP's default.
    public static let createdAtAscending = SortOrder()

    /// Parses a `sort_by` value for `resource`; nil or blank gives the default order.
    public init(sortBy: String?, resource: ListResource) throws {
        guard let sortBy else {
            self.init()
            return
        }
        let words = sortBy.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count <= 2, words.count < 2 || words[1] == "asc" || words[1] == "desc" else {
            throw APIError.invalidArgument(
                "Received invalid sort by format \(FilterParser.goQuote(sortBy)). Supported format: \"field_name\", \"field_name desc\", or \"field_name asc\""
            )
        }
        guard let name = words.first else {
            self.init()
            return
        }
        guard let field = resource.canonicalField(name) else {
            throw APIError.invalidArgument(
                "Invalid sorting field: \(FilterParser.goQuote(name)) on listable type \(resource.modelName)")
        }
        self.init(field: field, descending: words.count == 2 && words[1] == "desc")
    }
}

/// The keyset position a page continues from: a sort value and a primary key.
///
/// ``ListQuery/nextPageToken(after:)`` stores it in the token and ``ListQuery/cursor`` gives it back on
/// the next request; the server decides which row it names (e.g. the last row of the previous page,
/// with the next page reading the rows after `(sortValue, key)`, before it when descending).
public struct PageCursor: Sendable, Equatable {
    /// The sort field's value in the next row (e.g. `.int` milliseconds, `.string` name).
    public var sortValue: JSONValue
    /// The primary key of the next row.
    public var key: String

    /// A position from a sort value and a primary key.
    public init(sortValue: JSONValue, key: String) {
        self.sortValue = sortValue
        self.key = key
    }
}
