import KFPSpec

/// A value during CEL evaluation: CEL's built-in types (cel-spec `doc/langdef.md`, "Values").
///
/// KFP hands CEL protobuf `Value`s, which CEL sees as its dynamic JSON types; CEL's own literals
/// add `uint`, `bytes` and map keys that are not strings. ``JSONValue`` converts in both
/// directions (``init(_:)`` and ``jsonValue()``).
enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    /// A type value, as returned by `type(x)` and named by `int`, `string`, ...
    case type(String)

    /// The most deeply nested JSON value (lists and structs) converted into CEL.
    static let maxJSONDepth = 200

    /// The CEL type name, as `type(x)` reports it and error messages print it.
    var typeName: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        }
    }

    /// The names that evaluate to type values when no variable of that name is bound.
    static let typeNames: Set<String> = [
        "null_type", "bool", "int", "uint", "double", "string", "bytes", "list", "map", "type",
    ]

    /// Converts JSON into CEL values as protobuf `Value`s appear in CEL: JSON objects become maps
    /// with string keys, arrays become lists; integers stay `int` and other numbers `double`.
    init(_ json: JSONValue) throws(CELFailure) {
        try self.init(json, depth: 0)
    }

    private init(_ json: JSONValue, depth: Int) throws(CELFailure) {
        guard depth <= Self.maxJSONDepth else {
            throw CELFailure("value nests deeper than \(Self.maxJSONDepth) levels")
        }
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(Int64(value))
        case .double(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let elements):
            var list: [CELValue] = []
            list.reserveCapacity(elements.count)
            for element in elements { list.append(try CELValue(element, depth: depth + 1)) }
            self = .list(list)
        case .object(let members):
            var map = CELMap()
            for key in members.keys.sorted() {
                guard let member = members[key] else { continue }
                map.insert(.string(key), try CELValue(member, depth: depth + 1))
            }
            self = .map(map)
        }
    }

    /// The result as JSON, as KFP turns a CEL result into a protobuf `Value`: `uint` becomes an
    /// integer, `bytes` a base64 string; maps need string keys, and types have no JSON form.
    func jsonValue() throws(CELFailure) -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(Int(value))
        case .uint(let value):
            if let exact = Int(exactly: value) { return .int(exact) }
            return .double(Double(value))
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .bytes(let value): return .string(CELBase64.encode(value))
        case .list(let elements):
            var array: [JSONValue] = []
            array.reserveCapacity(elements.count)
            for element in elements { array.append(try element.jsonValue()) }
            return .array(array)
        case .map(let map):
            var object: [String: JSONValue] = [:]
            for (key, value) in map.entries {
                guard case .string(let name) = key else {
                    throw CELFailure("a map with \(key.value.typeName) keys has no JSON form")
                }
                object[name] = try value.jsonValue()
            }
            return .object(object)
        case .type(let name):
            throw CELFailure("the type value '\(name)' has no JSON form")
        }
    }

    /// The value as it appears in error messages: strings quoted, long text shortened.
    var quoted: String {
        let text: String
        switch self {
        case .string(let value): text = "'\(value)'"
        case .null: text = "null"
        case .bool(let value): text = String(value)
        case .int(let value): text = String(value)
        case .uint(let value): text = "\(value)u"
        case .double(let value): text = CELNumberFormat.goG(value)
        case .bytes(let value): text = "b'<\(value.count) bytes>'"
        case .list(let value): text = "[<\(value.count) elements>]"
        case .map(let value): text = "{<\(value.count) entries>}"
        case .type(let name): text = name
        }
        guard text.unicodeScalars.count > 60 else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.prefix(57))
        return String(view) + "..."
    }
}

/// Base64 (RFC 4648, with padding), as protobuf's JSON form writes `bytes`.
enum CELBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = Int(bytes[index])
            let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 0x3) << 4) | (b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[((b1 & 0xF) << 2) | (b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[b2 & 0x3F] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
