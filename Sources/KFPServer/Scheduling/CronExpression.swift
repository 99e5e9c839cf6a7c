import Foundation

/// A KFP recurring-run cron schedule in robfig/cron v3 format **with seconds**, evaluated in UTC.
///
/// Format: six whitespace-separated fields
/// `second minute hour day-of-month month day-of-week`
/// (seconds/minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC,
/// day-of-week 0-6 or SUN-SAT with Sunday = 0; 7 is also accepted as Sunday).
/// Each field takes `*`, `?`, `n`, `a-b`, `*/n`, `a-b/n`, `a/n` (a to the field maximum) and
/// comma lists of these; names are case-insensitive. Like robfig, when day-of-month or
/// day-of-week is an unrestricted `*`/`?` the other field alone decides the day; when both are
/// restricted a day matches if *either* matches.
///
/// Descriptors: `@yearly`/`@annually` (`0 0 0 1 1 *`), `@monthly` (`0 0 0 1 * *`),
/// `@weekly` (`0 0 0 * * 0`), `@daily`/`@midnight` (`0 0 0 * * *`), `@hourly` (`0 0 * * * *`),
/// and `@every <duration>` with a Go duration (`1h30m`, `10s`, `500ms`; units ns, us, µs, ms,
/// s, m, h) rounded up to whole seconds, which fires at the (whole-second) reference time plus
/// the interval.
public struct CronExpression: Sendable, Equatable {
    /// A parse failure. `description` reads `cron "<text>": <what is wrong>`, naming the field
    /// and the offending text, e.g. `cron "0 0 25 * * *": hour 25 is out of range 0-23`.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Human-readable message, starting with the quoted cron text.
        public var description: String

        init(expression: String, message: String) {
            description = "cron \"\(expression)\": \(message)"
        }
    }

    /// What the expression schedules.
    private enum Schedule: Sendable, Equatable {
        /// Six fields, in `CronField.Kind` order.
        case fields(second: CronField, minute: CronField, hour: CronField,
                    dayOfMonth: CronField, month: CronField, dayOfWeek: CronField)
        /// `@every`: a constant delay in whole seconds (>= 1).
        case every(seconds: Int64)
    }

    private let schedule: Schedule

    /// How far ahead `next(after:)` searches, in years (robfig uses the same limit).
    private static let searchYears = 5

    /// Parses a 6-field robfig/cron expression (with seconds) or a descriptor.
    ///
    /// - Parameter text: e.g. `"0 */15 * * * *"`, `"0 30 9 * * MON-FRI"`, `"@daily"`,
    ///   `"@every 1h30m"`. Leading and trailing whitespace is ignored.
    /// - Throws: `CronExpression.ParseError` for a wrong field count, an out-of-range or
    ///   malformed value, range or step, an unknown descriptor, an invalid `@every` duration, or
    ///   an `@every` interval below one second.
    public init(_ text: String) throws(CronExpression.ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("@") else {
            schedule = try Self.parseFields(trimmed, original: text)
            return
        }
        let fields: String
        switch trimmed {
        case "@yearly", "@annually": fields = "0 0 0 1 1 *"
        case "@monthly": fields = "0 0 0 1 * *"
        case "@weekly": fields = "0 0 0 * * 0"
        case "@daily", "@midnight": fields = "0 0 0 * * *"
        case "@hourly": fields = "0 0 * * * *"
        default:
            schedule = try Self.parseEvery(trimmed, original: text)
            return
        }
        schedule = try Self.parseFields(fields, original: text)
    }

    /// The first fire time strictly after `date`, in whole seconds (UTC).
    ///
    /// - Returns: the next matching instant, or nil when there is none within 5 years
    ///   (e.g. `0 0 0 30 2 *`) or `date` is not a finite, representable time.
    ///   For `@every`, the result is `date` truncated to whole seconds plus the interval.
    public func next(after date: Date) -> Date? {
        let interval = date.timeIntervalSince1970
        // About ±317,000 years: keeps all arithmetic far from Int64 limits.
        guard interval.isFinite, abs(interval) < 1e13 else { return nil }
        let base = Int64(interval.rounded(.down))
        let result: Int64?
        switch schedule {
        case .every(let seconds):
            result = base + seconds
        case let .fields(second, minute, hour, dayOfMonth, month, dayOfWeek):
            result = Self.nextMatch(
                after: base, second: second, minute: minute, hour: hour,
                dayOfMonth: dayOfMonth, month: month, dayOfWeek: dayOfWeek)
        }
        return result.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    // MARK: - Parsing

    private static func parseFields(_ text: String, original: String) throws(ParseError) -> Schedule {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        guard tokens.count == 6 else {
            throw ParseError(
                expression: original,
                message: "expected 6 fields (second minute hour day-of-month month day-of-week), found \(tokens.count)")
        }
        var parsed: [CronField] = []
        for (token, kind) in zip(tokens, CronField.Kind.allCases) {
            parsed.append(try CronField.parse(token, as: kind, in: original))
        }
        return .fields(second: parsed[0], minute: parsed[1], hour: parsed[2],
                       dayOfMonth: parsed[3], month: parsed[4], dayOfWeek: parsed[5])
    }

    private static func parseEvery(_ text: String, original: String) throws(ParseError) -> Schedule {
        func fail(_ message: String) -> ParseError { ParseError(expression: original, message: message) }
        let word = text.prefix { !$0.isWhitespace }
        guard word == "@every" else {
            throw fail("unknown descriptor \"\(word)\" (expected @yearly, @annually, @monthly, "
                + "@weekly, @daily, @midnight, @hourly or @every <duration>)")
        }
        let argument = text.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else {
            throw fail("@every needs a duration such as 1h30m, 10s or 500ms")
        }
        guard let nanoseconds = GoDuration.nanoseconds(argument) else {
            throw fail("invalid duration \"\(argument)\" (expected a Go duration such as 1h30m, 10s or 500ms)")
        }
        guard nanoseconds > 0 else { throw fail("interval must be at least 1 second") }
        // Round up to whole seconds; cannot overflow since nanoseconds <= Int64.max.
        let seconds = nanoseconds / 1_000_000_000 + (nanoseconds % 1_000_000_000 == 0 ? 0 : 1)
        return .every(seconds: seconds)
    }

    // MARK: - Evaluation

    /// Smallest epoch second `> after` matching all fields, skipping whole months, days, hours
    /// and minutes at a time; nil when none by the end of the year `searchYears` years ahead.
    private static func nextMatch(
        after: Int64, second: CronField, minute: CronField, hour: CronField,
        dayOfMonth: CronField, month: CronField, dayOfWeek: CronField
    ) -> Int64? {
        let (startDay, secondOfDay) = floorDivMod(after + 1, 86_400)
        var (y, m, d) = civil(fromDays: startDay)
        var hh = Int(secondOfDay / 3600), mm = Int(secondOfDay / 60 % 60), ss = Int(secondOfDay % 60)
        let yearLimit = y + Int64(searchYears)

        while y <= yearLimit {
            guard let nextMonth = month.next(atOrAfter: m) else {
                (y, m, d, hh, mm, ss) = (y + 1, 1, 1, 0, 0, 0)
                continue
            }
            if nextMonth != m { (m, d, hh, mm, ss) = (nextMonth, 1, 0, 0, 0) }

            let monthLength = daysIn(month: m, year: y)
            while d <= monthLength, !dayMatches(y, m, d, dayOfMonth: dayOfMonth, dayOfWeek: dayOfWeek) {
                (d, hh, mm, ss) = (d + 1, 0, 0, 0)
            }
            guard d <= monthLength else {
                (m, d, hh, mm, ss) = (m + 1, 1, 0, 0, 0)
                if m > 12 { (y, m) = (y + 1, 1) }
                continue
            }

            guard let nextHour = hour.next(atOrAfter: hh) else {
                (d, hh, mm, ss) = (d + 1, 0, 0, 0)
                continue
            }
            if nextHour != hh { (hh, mm, ss) = (nextHour, 0, 0) }

            guard let nextMinute = minute.next(atOrAfter: mm) else {
                (hh, mm, ss) = (hh + 1, 0, 0)
                continue
            }
            if nextMinute != mm { (mm, ss) = (nextMinute, 0) }

            guard let nextSecond = second.next(atOrAfter: ss) else {
                (mm, ss) = (mm + 1, 0)
                continue
            }
            return days(fromYear: y, month: m, day: d) * 86_400
                + Int64(hh * 3600 + mm * 60 + nextSecond)
        }
        return nil
    }

    /// robfig's rule: if either day field is an unrestricted `*`/`?`, both must match (so the
    /// other decides); otherwise either may match.
    private static func dayMatches(_ y: Int64, _ m: Int, _ d: Int, dayOfMonth: CronField, dayOfWeek: CronField) -> Bool {
        let weekday = Int((days(fromYear: y, month: m, day: d) % 7 + 11) % 7)  // 1970-01-01 was a Thursday
        let domMatch = dayOfMonth.contains(d)
        let dowMatch = dayOfWeek.contains(weekday)
        if dayOfMonth.isStar || dayOfWeek.isStar { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    // MARK: - Proleptic Gregorian calendar arithmetic (UTC)

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    private static func daysIn(month m: Int, year y: Int64) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a civil date (H. Hinnant's algorithm).
    private static func days(fromYear year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date for days since 1970-01-01 (H. Hinnant's algorithm).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CronExpression {
    /// Go's `time.ParseDuration` grammar (`[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` or `0`), ported with
    /// the same overflow limits; yields signed nanoseconds or nil when invalid or out of range.
    private enum GoDuration {
        private static let limit: UInt64 = 1 << 63
        private static let units: [String: UInt64] = [
            "ns": 1, "us": 1_000, "\u{B5}s": 1_000, "\u{3BC}s": 1_000, "ms": 1_000_000,
            "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
        ]

        static func nanoseconds(_ text: String) -> Int64? {
            var rest = Array(text.utf8)[...]
            var negative = false
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                negative = sign == UInt8(ascii: "-")
                rest = rest.dropFirst()
            }
            if rest.elementsEqual("0".utf8) { return 0 }
            guard !rest.isEmpty else { return nil }
            var total: UInt64 = 0
            while !rest.isEmpty {
                var value: UInt64 = 0, fraction: UInt64 = 0, scale = 1.0
                var sawDigits = false, fractionFull = false
                while let digit = rest.first.flatMap(digitValue) {
                    guard value <= limit / 10 else { return nil }
                    value = value * 10 + digit
                    guard value <= limit else { return nil }
                    sawDigits = true
                    rest = rest.dropFirst()
                }
                if rest.first == UInt8(ascii: ".") {
                    rest = rest.dropFirst()
                    while let digit = rest.first.flatMap(digitValue) {
                        sawDigits = true
                        rest = rest.dropFirst()
                        if fractionFull || fraction > (limit - 1) / 10 { fractionFull = true; continue }
                        fraction = fraction * 10 + digit
                        scale *= 10
                    }
                }
                guard sawDigits else { return nil }
                let unitBytes = rest.prefix { $0 != UInt8(ascii: ".") && digitValue($0) == nil }
                rest = rest.dropFirst(unitBytes.count)
                guard let unit = units[String(decoding: unitBytes, as: UTF8.self)],
                      value <= limit / unit else { return nil }
                value *= unit
                if fraction > 0 {
                    // fraction / scale < 1, so this stays below `unit` and converts safely.
                    let part = Double(fraction) * (Double(unit) / scale)
                    guard part.isFinite, part >= 0, part < Double(unit) + 1 else { return nil }
                    value += UInt64(part)
                    guard value <= limit else { return nil }
                }
                let (sum, overflow) = total.addingReportingOverflow(value)
                guard !overflow, sum <= limit else { return nil }
                total = sum
            }
            if negative { return total == limit ? Int64.min : -Int64(total) }
            return total < limit ? Int64(total) : nil
        }

        private static func digitValue(_ byte: UInt8) -> UInt64? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0")) : nil
        }
    }
}
