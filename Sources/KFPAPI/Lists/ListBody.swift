public import KFPSpec

/// The body of a `List*` response: `{"<key>": [items], "total_size": n, "next_page_token": "..."}`.
///
/// Follows KFP's marshaler: an empty item list, a zero total and an empty or nil token are left out,
/// so an empty table lists as `{}`. Keys are ``ListResource/responseKey``: `experiments`, `pipelines`,
/// `pipeline_versions`, `runs`, and `recurringRuns` (camelCase in the proto itself; the Python client
/// reads that spelling only).
public func listBody(_ key: String, _ items: [JSONValue], totalSize: Int, nextPageToken: String?) -> JSONValue {
    var members: [String: JSONValue] = [:]
    if !items.isEmpty { members[key] = .array(items) }
    if totalSize != 0 { members["total_size"] = .int(totalSize) }
    if let nextPageToken, !nextPageToken.isEmpty { members["next_page_token"] = .string(nextPageToken) }
    return .object(members)
}

/// ``listBody(_:_:totalSize:nextPageToken:)`` for messages, with the resource's response key.
public func listBody(
    _ resource: ListResource, _ items: [some APIMessage], totalSize: Int, nextPageToken: String?
) -> JSONValue {
    listBody(resource.responseKey, items.map { $0.json() }, totalSize: totalSize, nextPageToken: nextPageToken)
}
