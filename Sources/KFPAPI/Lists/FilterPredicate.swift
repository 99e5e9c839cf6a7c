import Foundation
public import KFPSpec

/// The comparison of a filter predicate (`Predicate.Operation` in `filter.proto`; there is no 4).
///
/// Requests give it by name (`"EQUALS"`) or number (`1`); `OPERATION_UNSPECIFIED` (0) is not a case,
/// and a predicate without an operation is rejected.
public enum FilterOperation: Int, Sendable, CaseIterable, ProtoEnum {
    case equals = 1
    case notEquals = 2
    case greaterThan = 3
    case greaterThanEquals = 5
    case lessThan = 6
    case lessThanEquals = 7
    /// Needs one of the `*_values` lists.
    case `in` = 8
    /// Needs `string_value`; a SQL `LIKE %value%`.
    case isSubstring = 9

    public static let protoEnumName = "Predicate.Operation"

    public static let protoValues: [(name: String, number: Int)] = [
        ("OPERATION_UNSPECIFIED", 0), ("EQUALS", 1), ("NOT_EQUALS", 2), ("GREATER_THAN", 3),
        ("GREATER_THAN_EQUALS", 5), ("LESS_THAN", 6), ("LESS_THAN_EQUALS", 7), ("IN", 8), ("IS_SUBSTRING", 9),
    ]

    public init?(protoNumber: Int) { self.init(rawValue: protoNumber) }

    public var protoNumber: Int { rawValue }
}

/// The value a predicate compares with, after protojson parsing.
///
/// `int_value` (int32) and `long_value` (int64) both become ``int(_:)``; `timestamp_value` becomes
/// ``timestamp(_:)`` in whole Unix seconds (the KFP server compares `AsTime().Unix()`); `int_values`
/// and `long_values` become ``ints(_:)``; `string_values` becomes ``strings(_:)``.
public enum FilterValue: Sendable, Equatable {
    case int(Int64)
    case string(String)
    /// Unix seconds.
    case timestamp(Int64)
    case ints([Int64])
    case strings([String])

    /// `true` for the list forms, which only `IN` takes.
    public var isList: Bool {
        switch self {
        case .ints, .strings: return true
        case .int, .string, .timestamp: return false
        }
    }

    /// Go's `%v` rendering, used in the KFP server's messages: `a b`, `7`, `[1 2]`, `[a b]`.
    var goDescription: String {
        switch self {
        case .int(let value), .timestamp(let value): return String(value)
        case .string(let value): return value
        case .ints(let values): return "[" + values.map(String.init).joined(separator: " ") + "]"
        case .strings(let values): return "[" + values.joined(separator: " ") + "]"
        }
    }
}

/// One condition of a list filter: `key operation value`; a filter ANDs its predicates.
///
/// ``key`` is the canonical field (`display_name`, never the v1 alias `name`). ``filterJSON(_:)``
/// writes predicates back as a KFP `Filter` message (`long_value`, `timestamp_value`, `long_values`,
/// `string_values`), the form the Python client and the UI send.
public struct FilterPredicate: Sendable, Equatable {
    /// The canonical field name of the resource.
    public var key: String
    /// The comparison.
    public var operation: FilterOperation
    /// The value compared with.
    public var value: FilterValue

    /// A predicate on a canonical field.
    public init(key: String, operation: FilterOperation, value: FilterValue) {
        self.key = key
        self.operation = operation
        self.value = value
    }

    /// This predicate as a `Predicate` message.
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.set("key", .string(key))
        writer.set("operation", .string(operation.protoName))
        switch value {
        case .int(let number): writer.set("long_value", .string(String(number)))
        case .string(let text): writer.set("string_value", .string(text))
        case .timestamp(let seconds):
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            writer.set("timestamp_value", .string(APITimestamp.format(date)))
        case .ints(let numbers): writer.set("long_values", ["values": .array(numbers.map { .string(String($0)) })])
        case .strings(let texts): writer.set("string_values", ["values": .array(texts.map(JSONValue.string))])
        }
        return writer.json
    }

    /// A `Filter` message: `{"predicates": [...]}`.
    public static func filterJSON(_ predicates: [FilterPredicate]) -> JSONValue {
        ["predicates": .array(predicates.map { $0.json() })]
    }
}
