public import Foundation
public import KFPSpec

/// One entry of a run's or task's state history (`v2beta1RuntimeStatus`).
///
/// JSON: `{"update_time": timestamp, "state": RuntimeState, "error": google.rpc.Status}`, each left out
/// when unset. Parsing follows ``APIMessage``.
public struct RuntimeStatus: Sendable, Equatable, APIMessage {
    /// When the state was entered.
    public var updateTime: Date?
    public var state: RuntimeState
    /// The error of a failed state, or of a system error being retried.
    public var error: RPCStatus?

    public init(updateTime: Date? = nil, state: RuntimeState = .unspecified, error: RPCStatus? = nil) {
        self.updateTime = updateTime
        self.state = state
        self.error = error
    }

    public init(json: JSONValue, path: String) throws {
        let reader = try MessageReader(json, path: path, fields: ["update_time", "state", "error"])
        updateTime = try reader.timestamp("update_time")
        state = try reader.enumeration("state")
        error = try reader.message("error")
    }

    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.timestamp("update_time", updateTime)
        writer.enumeration("state", state)
        writer.message("error", error)
        return writer.json
    }
}
