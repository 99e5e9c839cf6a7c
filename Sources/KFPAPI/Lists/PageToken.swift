import Foundation
import KFPSpec

/// The opaque `next_page_token`: base64url (no padding) of compact JSON holding the resource, the sort
/// order, the filter (as a `Filter` message) and the cursor of the next page.
///
/// `{"cursor": {"key": "...", "value": ...}, "desc": false, "filter": {...}, "resource": "runs",
/// "sort": "created_at", "v": 1}`. Clients treat it as opaque; the server checks on the next request
/// that it was made for the same listing.
struct PageToken: Equatable {
    var resource: ListResource
    var sort: SortOrder
    var filter: [FilterPredicate]
    var cursor: PageCursor

    static let version = 1

    func encoded() -> String {
        var members: [String: JSONValue] = [
            "v": .int(Self.version),
            "resource": .string(resource.rawValue),
            "sort": .string(sort.field),
            "desc": .bool(sort.descending),
            "cursor": ["value": cursor.sortValue, "key": .string(cursor.key)],
        ]
        if !filter.isEmpty { members["filter"] = FilterPredicate.filterJSON(filter) }
        let base64 = Data(JSONValue.object(members).compactJSON().utf8).base64EncodedString()
        return String(
            base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .prefix { $0 != "=" })
    }

    /// Decodes a token; nil when it is not one this code made (bad base64, JSON or contents).
    init?(decoding token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let json = try? APIJSON.parse(data),
            case .object(let members) = json, members["v"] == .int(Self.version),
            let resource = members["resource"]?.stringValue.flatMap(ListResource.init(rawValue:)),
            let field = members["sort"]?.stringValue, resource.fields.contains(field),
            case .bool(let descending) = members["desc"],
            case .object(let cursor) = members["cursor"], let key = cursor["key"]?.stringValue,
            let sortValue = cursor["value"]
        else { return nil }
        var filter: [FilterPredicate] = []
        if let filterJSON = members["filter"] {
            guard let predicates = try? FilterParser.predicates(from: filterJSON, resource: resource) else { return nil }
            filter = predicates
        }
        self.resource = resource
        self.sort = SortOrder(field: field, descending: descending)
        self.filter = filter
        self.cursor = PageCursor(sortValue: sortValue, key: key)
    }

    init(resource: ListResource, sort: SortOrder, filter: [FilterPredicate], cursor: PageCursor) {
        self.resource = resource
        self.sort = sort
        self.filter = filter
        self.cursor = cursor
    }
}
