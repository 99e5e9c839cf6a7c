import Foundation
import KFPSpec

/// Reads the fields of one protojson object, the way grpc-gateway parses a KFP request body.
///
/// The initializer checks the object's keys against the message's proto field names: each may be
/// spelled snake_case (`display_name`) or lowerCamelCase (`displayName`); any other key throws
/// `unknown field "foo" in run`, and both spellings at once throw `duplicate field "display_name" in run`.
/// A `null` value means the field is not set. The typed accessors return the proto default for an
/// absent field and throw ``APIError`` naming the field path for a value of the wrong type.
///
/// In ``APIReadingMode/lenient`` mode (a client reading a response) unknown keys are skipped, a field
/// given in both spellings keeps the snake_case one, and an enum name is matched ignoring case, an
/// unknown one reading as the enum's zero (`*_UNSPECIFIED`) value; nested messages are read in the
/// same mode.
struct MessageReader {
    /// The path of this message, e.g. `run.runtime_config`.
    let path: String
    /// Strict (requests) or lenient (responses); nested messages inherit it.
    let mode: APIReadingMode
    private let values: [String: JSONValue]

    init(_ json: JSONValue, path: String, mode: APIReadingMode = .strict, fields: [String]) throws {
        let members = try WireValue.object(json, at: path)
        var spellings: [String: String] = [:]
        for field in fields {
            spellings[field] = field
            spellings[Self.lowerCamel(field)] = field
        }
        var values: [String: JSONValue] = [:]
        var seen: Set<String> = []
        for key in members.keys.sorted() {
            guard let field = spellings[key] else {
                if mode == .lenient { continue }
                throw APIError.invalidArgument("unknown field \"\(key)\" in \(path)")
            }
            guard seen.insert(field).inserted else {
                guard mode == .lenient else {
                    throw APIError.invalidArgument("duplicate field \"\(field)\" in \(path)")
                }
                if key == field, let value = members[key], value != .null { values[field] = value }
                continue
            }
            if let value = members[key], value != .null { values[field] = value }
        }
        self.path = path
        self.mode = mode
        self.values = values
    }

    /// `display_name` → `displayName` (protoc's JSON name rule).
    static func lowerCamel(_ name: String) -> String {
        var result = ""
        var upperNext = false
        for character in name {
            if character == "_" {
                upperNext = true
            } else {
                result += upperNext ? character.uppercased() : String(character)
                upperNext = false
            }
        }
        return result
    }

    /// The path of a field of this message: `run.runtime_config`.
    func path(_ field: String) -> String { "\(path).\(field)" }

    /// Whether the field is present and not `null`.
    func has(_ field: String) -> Bool { values[field] != nil }

    /// The raw value of a field, nil when absent.
    func raw(_ field: String) -> JSONValue? { values[field] }

    /// Throws when more than one member of a `oneof` group is set.
    func oneOf(_ group: String, _ fields: [String]) throws {
        let present = fields.filter(has)
        guard present.count > 1 else { return }
        throw APIError.invalidArgument(
            "\(path): only one of \(fields.joined(separator: ", ")) may be set (oneof \(group)), found \(present.joined(separator: " and "))")
    }

    func string(_ field: String) throws -> String {
        try values[field].map { try WireValue.string($0, at: path(field)) } ?? ""
    }

    func bool(_ field: String) throws -> Bool {
        try values[field].map { try WireValue.bool($0, at: path(field)) } ?? false
    }

    func int32(_ field: String) throws -> Int {
        try values[field].map { try WireValue.int32($0, at: path(field)) } ?? 0
    }

    func int64(_ field: String) throws -> Int64 {
        try values[field].map { try WireValue.int64($0, at: path(field)) } ?? 0
    }

    func timestamp(_ field: String) throws -> Date? {
        try values[field].map { try WireValue.timestamp($0, at: path(field)) }
    }

    /// An enum field; absent means number 0, which must be a case of `E`.
    func enumeration<E: ProtoEnum>(_ field: String, as type: E.Type = E.self) throws -> E {
        let value = values[field] ?? .int(0)
        if mode == .lenient, (try? WireValue.enumNumber(value, at: path(field), as: E.self)) == nil {
            if case .string(let name) = value, let match = E(protoName: name.uppercased()) { return match }
            if let zero = E(protoNumber: 0) { return zero }
        }
        let number = try WireValue.enumNumber(value, at: path(field), as: E.self)
        guard let result = E(protoNumber: number) else {
            throw WireValue.mismatch(path(field), expected: "a \(E.protoEnumName) value", found: value)
        }
        return result
    }

    func message<M: APIMessage>(_ field: String, as type: M.Type = M.self) throws -> M? {
        try values[field].map { try M(json: $0, path: path(field), mode: mode) }
    }

    func messages<M: APIMessage>(_ field: String, as type: M.Type = M.self) throws -> [M] {
        try list(field).enumerated().map { try M(json: $0.element, path: "\(path(field))[\($0.offset)]", mode: mode) }
    }

    func list(_ field: String) throws -> [JSONValue] {
        try values[field].map { try WireValue.list($0, at: path(field)) } ?? []
    }

    func strings(_ field: String) throws -> [String] {
        try list(field).enumerated().map { try WireValue.string($0.element, at: "\(path(field))[\($0.offset)]") }
    }

    func int64s(_ field: String) throws -> [Int64] {
        try list(field).enumerated().map { try WireValue.int64($0.element, at: "\(path(field))[\($0.offset)]") }
    }

    /// A `google.protobuf.Struct` field: any JSON object, kept as it is.
    func structValue(_ field: String) throws -> JSONValue? {
        try values[field].map { .object(try WireValue.object($0, at: path(field))) }
    }

    /// A `map<string, google.protobuf.Value>` field: any JSON values, `null` entries included.
    func valueMap(_ field: String) throws -> [String: JSONValue] {
        try values[field].map { try WireValue.object($0, at: path(field)) } ?? [:]
    }

    func stringMap(_ field: String) throws -> [String: String] {
        try valueMap(field).reduce(into: [:]) { result, entry in
            result[entry.key] = try WireValue.string(entry.value, at: "\(path(field))[\"\(entry.key)\"]")
        }
    }

    func messageMap<M: APIMessage>(_ field: String, as type: M.Type = M.self) throws -> [String: M] {
        try valueMap(field).reduce(into: [:]) { result, entry in
            result[entry.key] = try M(json: entry.value, path: "\(path(field))[\"\(entry.key)\"]", mode: mode)
        }
    }
}
