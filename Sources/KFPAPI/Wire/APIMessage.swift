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
