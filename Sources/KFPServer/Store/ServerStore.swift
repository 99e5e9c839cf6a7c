import Foundation
import GRDB
import KFPAPI
import KFPSpec

/// Reads and writes the server's records (experiments, pipelines and versions, runs and their
/// tasks, recurring runs) as the v2beta1 API's messages. Every write is committed before the call
/// returns, so what a response reports is on disk.
struct ServerStore: Sendable {
    let database: ServerDatabase
    /// Stored specs as JSON values and as the compact text responses carry, by content hash.
    let specJSON = ContentCache<StoredSpecJSON>(capacity: 64)

    var pool: DatabasePool { database.pool }

    /// The description KFP gives the experiment it creates at start-up.
    static let defaultExperimentDescription = "All runs created without specifying an experiment will be grouped here."
    static let defaultExperimentName = "Default"

    /// Decodes a JSON column (`nil` for SQL NULL or text that is not JSON).
    static func json(_ text: String?) -> JSONValue? {
        guard let text, let value = try? JSONValue(parsingJSON: Data(text.utf8)) else { return nil }
        return value
    }

    /// Decodes a JSON object column of strings (tags).
    static func stringMap(_ text: String?) -> [String: String] {
        guard let object = json(text)?.objectValue else { return [:] }
        return object.compactMapValues(\.stringValue)
    }

    static func text(_ value: JSONValue) -> String { value.compactJSON() }

    static func text(_ map: [String: String]) -> String {
        JSONValue.object(map.mapValues { .string($0) }).compactJSON()
    }

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// `<what> <id> not found` as a NOT_FOUND error.
    static func notFound(_ what: String, _ id: String) -> APIError {
        APIError.notFound("\(what) \(id) not found")
    }
}
