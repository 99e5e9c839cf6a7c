import Foundation
import KFPSpec

/// Parsed pipeline specs and their YAML text by content hash (the store keeps each spec once under
/// its SHA-256). A running run's page is requested again and again; decoding its spec was a
/// quarter of the page's time. Holds at most ``capacity`` specs, dropping the oldest.
final class SpecCache: @unchecked Sendable {
    struct Entry: Sendable {
        let spec: PipelineSpec
        let yaml: String
    }

    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The cached entry for `hash`, or the one `load` makes (then cached).
    ///
    /// - Throws: what `load` throws (nothing is cached then).
    func entry(hash: String, load: () throws -> PipelineSpec) throws -> Entry {
        if let entry = lock.withLock({ entries[hash] }) { return entry }
        let spec = try load()
        let entry = Entry(spec: spec, yaml: WebUIPages.yaml(spec))
        lock.withLock {
            if entries.updateValue(entry, forKey: hash) == nil { order.append(hash) }
            while order.count > capacity { entries[order.removeFirst()] = nil }
        }
        return entry
    }
}
