import Foundation
import KFPAPI
import KFPSpec

/// How the UI writes times, durations and values (the KFP UI's conventions: dates to the second,
/// durations as `1:02:03`, values as compact JSON with strings unquoted).
package enum DisplayFormat {
    /// `2026-11-29 19:26:46` (UTC), or `-` for nil or the epoch (KFP's "not set").
    package static func date(_ date: Date?) -> String {
        guard let date, date.timeIntervalSince1970 > 0 else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// The time between two dates as `h:mm:ss` (the KFP UI's run duration), `-` when either is
    /// missing; `end` nil with `now` given measures a run still going.
    package static func duration(from start: Date?, to end: Date?, now: Date? = nil) -> String {
        guard let start, start.timeIntervalSince1970 > 0 else { return "-" }
        let stop = (end.flatMap { $0.timeIntervalSince1970 > 0 ? $0 : nil }) ?? now
        guard let stop else { return "-" }
        let seconds = max(0, Int(stop.timeIntervalSince(start).rounded(.down)))
        return String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// A parameter value as shown in tables: strings as they are, everything else as compact JSON.
    package static func value(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.compactJSON()
    }

    /// A value of a parameter of `type`: integers without `.0` (KFP writes integer defaults as
    /// floats, `3.0`), everything else as ``value(_:)``.
    package static func value(_ value: JSONValue, type: ParameterType) -> String {
        if type == .numberInteger, case .double(let number) = value, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return self.value(value)
    }

    /// A size in bytes as `118 B`, `2.5 KiB`, `1.2 MiB` or `3.0 GiB`; `-` for nil.
    package static func size(_ bytes: Int?) -> String {
        guard let bytes else { return "-" }
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" { return String(format: "%.1f %@", value, unit) }
            value /= 1024
        }
        return "\(bytes) B"
    }

    /// The word and CSS class of a run or task state (`SUCCEEDED` → `succeeded`).
    package static func stateClass(_ state: RuntimeState) -> String {
        state == .unspecified ? "unspecified" : state.rawValue.lowercased()
    }

    /// The state as the UI labels it (`RUNTIME_STATE_UNSPECIFIED` → `UNKNOWN`).
    package static func stateLabel(_ state: RuntimeState) -> String {
        state == .unspecified ? "UNKNOWN" : state.rawValue
    }
}
