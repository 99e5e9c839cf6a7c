import Foundation
import KFPSpec

/// Builds the response JSON of one message the way the KFP API server's marshaler does
/// (`UseProtoNames: true`, `EmitUnpopulated: false`).
///
/// Every setter leaves out the proto default: empty strings, 0, false, enum value 0, empty lists and
/// maps, nil messages. int64 values are written as JSON strings, int32 as numbers, timestamps as RFC
/// 3339 UTC text; `timestamp(_:_:always:)` writes `1970-01-01T00:00:00Z` for nil where the real
/// server always fills the field.
struct MessageWriter {
    private(set) var members: [String: JSONValue] = [:]

    var json: JSONValue { .object(members) }

    mutating func set(_ name: String, _ value: JSONValue) { members[name] = value }

    mutating func string(_ name: String, _ value: String) {
        if !value.isEmpty { members[name] = .string(value) }
    }

    mutating func bool(_ name: String, _ value: Bool) {
        if value { members[name] = .bool(true) }
    }

    mutating func int32(_ name: String, _ value: Int) {
        if value != 0 { members[name] = .int(value) }
    }

    mutating func int64(_ name: String, _ value: Int64?) {
        if let value, value != 0 { members[name] = .string(String(value)) }
    }

    mutating func timestamp(_ name: String, _ value: Date?, always: Bool = false) {
        if let value {
            members[name] = .string(APITimestamp.format(value))
        } else if always {
            members[name] = .string(APITimestamp.epoch)
        }
    }

    mutating func enumeration(_ name: String, _ value: some ProtoEnum) {
        if value.protoNumber != 0 { members[name] = .string(value.protoName) }
    }

    mutating func message(_ name: String, _ value: (some APIMessage)?) {
        if let value { members[name] = value.json() }
    }

    mutating func messages(_ name: String, _ values: [some APIMessage]) {
        if !values.isEmpty { members[name] = .array(values.map { $0.json() }) }
    }

    mutating func strings(_ name: String, _ values: [String]) {
        if !values.isEmpty { members[name] = .array(values.map(JSONValue.string)) }
    }

    mutating func int64s(_ name: String, _ values: [Int64]) {
        if !values.isEmpty { members[name] = .array(values.map { .string(String($0)) }) }
    }

    /// A `google.protobuf.Struct`: written as it is whenever set, even when empty.
    mutating func structValue(_ name: String, _ value: JSONValue?) {
        if let value { members[name] = value }
    }

    /// A `map<string, google.protobuf.Value>`: values kept as they are (`false`, `0`, `""` included).
    mutating func valueMap(_ name: String, _ values: [String: JSONValue]) {
        if !values.isEmpty { members[name] = .object(values) }
    }

    mutating func stringMap(_ name: String, _ values: [String: String]) {
        if !values.isEmpty { members[name] = .object(values.mapValues(JSONValue.string)) }
    }

    mutating func messageMap(_ name: String, _ values: [String: some APIMessage]) {
        if !values.isEmpty { members[name] = .object(values.mapValues { $0.json() }) }
    }
}
