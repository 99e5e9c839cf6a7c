import Foundation
import KFPSpec

/// protojson's scalar rules, shared by message fields, list elements and map values.
///
/// Each function takes the JSON value and the field path used in the error, and throws ``APIError``
/// (invalid argument) saying what was expected and what was found:
/// `invalid value for run.max_concurrency: expected an int64 (a number or a decimal string), found string "two"`.
enum WireValue {
    static func mismatch(_ path: String, expected: String, found value: JSONValue) -> APIError {
        APIError.invalidArgument("invalid value for \(path): expected \(expected), found \(describe(value))")
    }

    /// `string "abc"`, `number 3`, `boolean true`, `null`, `a list`, `an object`; long text is cut at 60 characters.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "boolean \(flag)"
        case .int, .double: return "number \(value.compactJSON())"
        case .string:
            let text = value.compactJSON()
            return "string " + (text.count > 60 ? String(text.prefix(59)) + "…\"" : text)
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    static func string(_ value: JSONValue, at path: String) throws -> String {
        guard case .string(let text) = value else { throw mismatch(path, expected: "a string", found: value) }
        return text
    }

    static func bool(_ value: JSONValue, at path: String) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(path, expected: "true or false", found: value) }
        return flag
    }

    static func int32(_ value: JSONValue, at path: String) throws -> Int {
        guard let number = integer(value), let narrow = Int32(exactly: number) else {
            throw mismatch(path, expected: "an int32 (a number or a decimal string)", found: value)
        }
        return Int(narrow)
    }

    static func int64(_ value: JSONValue, at path: String) throws -> Int64 {
        guard let number = integer(value) else {
            throw mismatch(path, expected: "an int64 (a number or a decimal string)", found: value)
        }
        return number
    }

    static func timestamp(_ value: JSONValue, at path: String) throws -> Date {
        guard case .string(let text) = value, let date = APITimestamp.parse(text) else {
            throw mismatch(path, expected: "an RFC 3339 timestamp such as \"2024-05-01T12:00:00Z\"", found: value)
        }
        return date
    }

    static func object(_ value: JSONValue, at path: String) throws -> [String: JSONValue] {
        guard case .object(let members) = value else { throw mismatch(path, expected: "an object", found: value) }
        return members
    }

    static func list(_ value: JSONValue, at path: String) throws -> [JSONValue] {
        guard case .array(let elements) = value else { throw mismatch(path, expected: "a list", found: value) }
        return elements
    }

    /// An enum value given by name or number, validated against `E.protoValues`; returns its number.
    static func enumNumber<E: ProtoEnum>(_ value: JSONValue, at path: String, as type: E.Type) throws -> Int {
        let known = E.protoValues
        switch value {
        case .string(let name):
            if let entry = known.first(where: { $0.name == name }) { return entry.number }
        default:
            if let number = integer(value), let entry = known.first(where: { Int64($0.number) == number }) {
                return entry.number
            }
        }
        let names = known.map(\.name).joined(separator: ", ")
        throw mismatch(path, expected: "a \(E.protoEnumName) name (\(names)) or its number", found: value)
    }

    /// A whole number from a JSON number or a decimal string (protojson's int32/int64 input rule).
    static func integer(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let number): return Int64(number)
        case .double(let number): return Int64(exactly: number)
        case .string(let text):
            if let number = Int64(text) { return number }
            let allowed = Set("0123456789+-.eE")
            guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), let number = Double(text) else { return nil }
            return Int64(exactly: number)
        default: return nil
        }
    }
}
