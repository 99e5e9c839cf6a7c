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
/// - ``init(response:path:)`` reads a *response* the way a client of a newer KFP must, like the
///   Python client's generated models: unknown fields are ignored (at every nesting level), enum
///   names match ignoring case and one this version does not know reads as the `*_UNSPECIFIED`
///   value, and a field given in both
///   spellings keeps the snake_case one. Values of the wrong type still throw ``APIError``.
/// - ``json()`` writes the response form (`UseProtoNames: true`, `EmitUnpopulated: false`): snake_case
///   names, defaults left out, int64 as strings, timestamps as RFC 3339 UTC.
///
/// Conforming types implement ``init(json:path:mode:)``; the two readers above call it.
public protocol APIMessage: Sendable {
    /// Parses a protojson object in `mode`; throws ``APIError`` naming the offending field path.
    init(json: JSONValue, path: String, mode: APIReadingMode) throws
    /// The response JSON of this message.
    func json() -> JSONValue
}

/// How ``APIMessage`` parsing treats what the message does not know.
public enum APIReadingMode: Sendable, Equatable {
    /// The server's rule for request bodies (protojson, `DiscardUnknown: false`): an unknown field, a
    /// field given twice or an unknown enum name throws ``APIError``.
    case strict
    /// A client's rule for response bodies: unknown fields are skipped, enum names match ignoring case
    /// and unknown ones read as the zero value, the snake_case spelling wins over a duplicate
    /// lowerCamelCase one.
    case lenient
}

extension APIMessage {
    /// Parses a request body strictly (see ``APIReadingMode/strict``); throws ``APIError`` naming the
    /// offending field path, e.g. `unknown field "foo" in run.runtime_config`.
    public init(json: JSONValue, path: String) throws {
        try self.init(json: json, path: path, mode: .strict)
    }

    /// Parses a response body leniently (see ``APIReadingMode/lenient``), as a client of a newer KFP
    /// server must; throws ``APIError`` only for values of the wrong type. `path` names the message in
    /// errors (default `response`).
    public init(response json: JSONValue, path: String = "response") throws {
        try self.init(json: json, path: path, mode: .lenient)
    }

    /// Parses JSON text (a request body); throws ``APIError`` for bad JSON and everything
    /// ``init(json:path:)`` rejects.
    public init(jsonData: Data, path: String) throws {
        try self.init(json: try APIJSON.parse(jsonData), path: path)
    }

    /// The response JSON as compact text with sorted keys.
    public func jsonText() -> String { json().compactJSON() }
}

/// A protobuf enum of the v2beta1 API, written by name and read by name or number.
///
/// Conforming types list every value the proto declares in ``protoValues``. The zero
/// `*_UNSPECIFIED` value need not be a case of the Swift type (``FilterOperation`` has none), in which
/// case ``init(protoNumber:)`` fails for 0.
public protocol ProtoEnum: Sendable, Equatable {
    /// The proto enum's name (e.g. `RuntimeState`), used in error messages.
    static var protoEnumName: String { get }
    /// Every (name, number) pair the proto declares, in declaration order.
    static var protoValues: [(name: String, number: Int)] { get }
    /// The value with this proto number, if it is one of this type's cases.
    init?(protoNumber: Int)
    /// The proto number of this value.
    var protoNumber: Int { get }
}

extension ProtoEnum {
    /// The proto name of this value, e.g. `RUNNING`.
    public var protoName: String {
        Self.protoValues.first { $0.number == protoNumber }?.name ?? String(protoNumber)
    }

    /// The value with this proto name, if it is one of this type's cases.
    public init?(protoName: String) {
        guard let entry = Self.protoValues.first(where: { $0.name == protoName }) else { return nil }
        self.init(protoNumber: entry.number)
    }
}

/// The `String`-backed enums: raw values are the proto names, every proto value is a case.
extension ProtoEnum where Self: RawRepresentable<String>, Self: CaseIterable {
    public static var protoValues: [(name: String, number: Int)] {
        allCases.map { (name: $0.rawValue, number: $0.protoNumber) }
    }

    public init?(protoNumber: Int) {
        guard let value = Self.allCases.first(where: { $0.protoNumber == protoNumber }) else { return nil }
        self = value
    }
}
