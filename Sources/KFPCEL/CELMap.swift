/// A CEL map: keys of type `bool`, `int`, `uint` or `string`, kept in insertion order.
///
/// Lookups follow CEL's heterogeneous numeric keys, as cel-go (KFP's evaluator) does: `m[1]`,
/// `m[1u]` and `m[1.0]` find the same entry whether it was stored under `1` or `1u`.
struct CELMap: Sendable {
    private(set) var keys: [CELMapKey] = []
    private var storage: [CELMapKey: CELValue] = [:]

    var count: Int { keys.count }

    /// The entries in insertion order.
    var entries: [(key: CELMapKey, value: CELValue)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }

    /// Adds or replaces an entry.
    mutating func insert(_ key: CELMapKey, _ value: CELValue) {
        if storage.updateValue(value, forKey: key) == nil { keys.append(key) }
    }

    /// The value stored under `key` (or a numerically equal key), `nil` when absent.
    func value(for key: CELValue) -> CELValue? {
        for candidate in CELMapKey.candidates(for: key) {
            if let value = storage[candidate] { return value }
        }
        return nil
    }

    /// Whether `key` (or a numerically equal key) is present.
    func contains(_ key: CELValue) -> Bool { value(for: key) != nil }
}

/// A map key: the CEL types allowed as keys of a map.
enum CELMapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)

    /// The key of a map literal entry; `nil` for types that cannot be keys.
    init?(_ value: CELValue) {
        switch value {
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .uint(let value): self = .uint(value)
        case .string(let value): self = .string(value)
        default: return nil
        }
    }

    /// The key as a value (for iteration with `in`, `all`, `exists`, ...).
    var value: CELValue {
        switch self {
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .uint(let value): return .uint(value)
        case .string(let value): return .string(value)
        }
    }

    /// The stored keys that a lookup with `value` may match, most exact first.
    static func candidates(for value: CELValue) -> [CELMapKey] {
        switch value {
        case .bool(let value): return [.bool(value)]
        case .string(let value): return [.string(value)]
        case .int(let value):
            return value >= 0 ? [.int(value), .uint(UInt64(value))] : [.int(value)]
        case .uint(let value):
            if let signed = Int64(exactly: value) { return [.uint(value), .int(signed)] }
            return [.uint(value)]
        case .double(let value):
            var keys: [CELMapKey] = []
            if let signed = Int64(exactly: value) { keys.append(.int(signed)) }
            if let unsigned = UInt64(exactly: value) { keys.append(.uint(unsigned)) }
            return keys
        default:
            return []
        }
    }
}
