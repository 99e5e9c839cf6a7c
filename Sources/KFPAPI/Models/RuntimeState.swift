public import Foundation
public import KFPSpec

/// The state of a run, a task or a state-history entry (`RuntimeState` in `run.proto`).
///
/// Raw values are the proto names (`RUNNING`); requests may give the name or the number (0–8).
/// `RUNTIME_STATE_UNSPECIFIED` (0) is the proto default and is left out of responses.
public enum RuntimeState: String, Sendable, CaseIterable, ProtoEnum {
    case unspecified = "RUNTIME_STATE_UNSPECIFIED"
    case pending = "PENDING"
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case skipped = "SKIPPED"
    case failed = "FAILED"
    case canceling = "CANCELING"
    case canceled = "CANCELED"
    case paused = "PAUSED"

    public static let protoEnumName = "RuntimeState"

    public var protoNumber: Int {
        switch self {
        case .unspecified: return 0
        case .pending: return 1
        case .running: return 2
        case .succeeded: return 3
        case .skipped: return 4
        case .failed: return 5
        case .canceling: return 6
        case .canceled: return 7
        case .paused: return 8
        }
    }

    /// `true` for the final states: succeeded, skipped, failed and canceled.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .skipped, .failed, .canceled: return true
        case .unspecified, .pending, .running, .canceling, .paused: return false
        }
    }
}

/// Whether an experiment or a run is archived (`Experiment.StorageState` / `Run.StorageState`).
///
/// Raw values are the proto names; requests may give the name or the number (0–2).
public enum StorageState: String, Sendable, CaseIterable, ProtoEnum {
    case unspecified = "STORAGE_STATE_UNSPECIFIED"
    case available = "AVAILABLE"
    case archived = "ARCHIVED"

    public static let protoEnumName = "StorageState"

    public var protoNumber: Int {
        switch self {
        case .unspecified: return 0
        case .available: return 1
        case .archived: return 2
        }
    }
}

/// One entry of a run's or task's state history (`v2beta1RuntimeStatus`).
///
/// JSON: `{"update_time": timestamp, "state": RuntimeState, "error": google.rpc.Status}`, each left out
/// when unset. Parsing follows ``APIMessage``.
public struct RuntimeStatus: Sendable, Equatable, APIMessage {
    /// When the state was entered.
    public var updateTime: Date?
    /// JSON `state`.
    public var state: RuntimeState
    /// The error of a failed state, or of a system error being retried.
    public var error: RPCStatus?

    /// Creates the message; every field defaults to its proto default (unset).
    public init(updateTime: Date? = nil, state: RuntimeState = .unspecified, error: RPCStatus? = nil) {
        self.updateTime = updateTime
        self.state = state
        self.error = error
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["update_time", "state", "error"])
        updateTime = try reader.timestamp("update_time")
        state = try reader.enumeration("state")
        error = try reader.message("error")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.timestamp("update_time", updateTime)
        writer.enumeration("state", state)
        writer.message("error", error)
        return writer.json
    }
}
