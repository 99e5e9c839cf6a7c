public import Foundation
public import KFPSpec

/// A v2beta1 REST message that reads protojson request bodies and writes response bodies.
///
/// - ``init(json:path:)`` parses the way the KFP API server's grpc-gateway does (protojson,
///   `DiscardUnknown: false`): snake_case and lowerCamelCase keys, enums by name or number, int64 as a
///   number or a decimal string, timestamps as RFC 3339, `null` meaning "not set". It throws
///   ``APIError`` (invalid argument) for an unknown field (`unknown field "foo" in run.runtime_config`),
///   a field given twice, two members of one `oneof`, or a value of the wrong type (the message names
///   the field path, what was expected and what was found). `path` is the name of the message in those
///   messages, e.g. `run`.
/// - ``json()`` writes the response form (`UseProtoNames: true`, `EmitUnpopulated: false`): snake_case
///   names, defaults left out, int64 as strings, timestamps as RFC 3339 UTC.
public protocol APIMessage: Sendable {
    /// Parses a protojson object; throws ``APIError`` naming the offending field path.
    init(json: JSONValue, path: String) throws
    /// The response JSON of this message.
    func json() -> JSONValue
}

extension APIMessage {
    /// Parses JSON text (a request body); throws ``APIError`` for bad JSON and everything
    /// ``init(json:path:)`` rejects.
    public init(jsonData: Data, path: String) throws {
        try self.init(json: try APIJSON.parse(jsonData), path: path)
    }

    /// The response JSON as compact text with sorted keys.
    public func jsonText() -> String { json().compactJSON() }
}
