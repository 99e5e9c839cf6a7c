public import Foundation
public import KFPSpec

/// What starts the runs of a recurring run (`v2beta1Trigger`, a proto `oneof`).
///
/// JSON: `{"cron_schedule": {...}}` or `{"periodic_schedule": {...}}`; setting both throws. An empty
/// trigger object parses as no trigger (``RecurringRun/trigger`` nil).
public enum Trigger: Sendable, Equatable {
    /// A robfig/cron expression with 6 fields including seconds, e.g. `0 0 * * * *`.
    case cron(CronSchedule)
    /// A fixed interval.
    case periodic(PeriodicSchedule)

    /// Parses a `Trigger` object; nil when neither schedule is set.
    public init?(json: JSONValue, path: String, mode: APIReadingMode = .strict) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["cron_schedule", "periodic_schedule"])
        try reader.oneOf("trigger", ["cron_schedule", "periodic_schedule"])
        if let cron: CronSchedule = try reader.message("cron_schedule") {
            self = .cron(cron)
        } else if let periodic: PeriodicSchedule = try reader.message("periodic_schedule") {
            self = .periodic(periodic)
        } else {
            return nil
        }
    }

    /// `{"cron_schedule": {...}}` or `{"periodic_schedule": {...}}`.
    public func json() -> JSONValue {
        switch self {
        case .cron(let schedule): return ["cron_schedule": schedule.json()]
        case .periodic(let schedule): return ["periodic_schedule": schedule.json()]
        }
    }
}

/// A cron schedule (`v2beta1CronSchedule`).
///
/// JSON: `{"start_time", "end_time", "cron"}`, each left out when unset. Parsing follows ``APIMessage``.
public struct CronSchedule: Sendable, Equatable, APIMessage {
    /// No runs before this time.
    public var startTime: Date?
    /// No runs after this time.
    public var endTime: Date?
    /// The cron expression (6 fields, seconds first).
    public var cron: String

    /// Creates the message; every field defaults to its proto default (unset).
    public init(startTime: Date? = nil, endTime: Date? = nil, cron: String = "") {
        self.startTime = startTime
        self.endTime = endTime
        self.cron = cron
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["start_time", "end_time", "cron"])
        startTime = try reader.timestamp("start_time")
        endTime = try reader.timestamp("end_time")
        cron = try reader.string("cron")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.timestamp("start_time", startTime)
        writer.timestamp("end_time", endTime)
        writer.string("cron", cron)
        return writer.json
    }
}

/// A fixed-interval schedule (`v2beta1PeriodicSchedule`).
///
/// JSON: `{"start_time", "end_time", "interval_second": "int64"}` (a JSON string on output, a number or
/// string on input), each left out when unset. Parsing follows ``APIMessage``.
public struct PeriodicSchedule: Sendable, Equatable, APIMessage {
    /// JSON `start_time`.
    public var startTime: Date?
    /// JSON `end_time`.
    public var endTime: Date?
    /// Seconds between the starts of consecutive runs.
    public var intervalSecond: Int64

    /// Creates the message; every field defaults to its proto default (unset).
    public init(startTime: Date? = nil, endTime: Date? = nil, intervalSecond: Int64 = 0) {
        self.startTime = startTime
        self.endTime = endTime
        self.intervalSecond = intervalSecond
    }

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["start_time", "end_time", "interval_second"])
        startTime = try reader.timestamp("start_time")
        endTime = try reader.timestamp("end_time")
        intervalSecond = try reader.int64("interval_second")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.timestamp("start_time", startTime)
        writer.timestamp("end_time", endTime)
        writer.int64("interval_second", intervalSecond)
        return writer.json
    }
}
