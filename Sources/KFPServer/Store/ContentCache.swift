import Foundation
import KFPSpec

/// Values made from a stored spec, by the spec's content hash (the store keeps each spec once
/// under its SHA-256, and a hash's content never changes, so nothing is ever stale). A running
/// run's page and JSON are requested again and again; parsing its spec was a large part of each.
/// Holds at most ``capacity`` values, dropping the oldest.
final class ContentCache<Value: Sendable>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private var order: [String] = []

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The cached value for `hash`, or the one `make` makes (then cached).
    ///
    /// - Throws: what `make` throws (nothing is cached then).
    func value(hash: String, make: () throws -> Value) rethrows -> Value {
        if let value = lock.withLock({ values[hash] }) { return value }
        let value = try make()
        lock.withLock {
            if values.updateValue(value, forKey: hash) == nil { order.append(hash) }
            while order.count > capacity { values[order.removeFirst()] = nil }
        }
        return value
    }
}

/// A stored spec as a JSON value and as the compact JSON text of that value (what a run's
/// response carries, spliced in without writing the spec again).
struct StoredSpecJSON: Sendable {
    let value: JSONValue
    let text: String

    init(value: JSONValue) {
        self.value = value
        self.text = value.compactJSON()
    }
}
