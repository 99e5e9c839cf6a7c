import Foundation

/// One parsed field of a robfig/cron expression: the set of allowed values as a bit mask.
///
/// Bit `n` set means value `n` matches (seconds/minutes 0-59, hours 0-23, day-of-month 1-31,
/// month 1-12, day-of-week 0-6 with Sunday = 0). `isStar` records whether the field contained an
/// unrestricted `*` or `?` (optionally `/1`), which robfig's day-of-month/day-of-week rule needs.
struct CronField: Sendable, Equatable {
    /// The six positions of a robfig/cron expression with seconds.
    enum Kind: Int, Sendable, CaseIterable {
        case second, minute, hour, dayOfMonth, month, dayOfWeek

        /// Name used in error messages.
        var name: String {
            switch self {
            case .second: "second"
            case .minute: "minute"
            case .hour: "hour"
            case .dayOfMonth: "day-of-month"
            case .month: "month"
            case .dayOfWeek: "day-of-week"
            }
        }

        /// Smallest accepted value.
        var minimum: Int {
            switch self {
            case .dayOfMonth, .month: 1
            default: 0
            }
        }

        /// Largest value covered by `*` and by the open end of `a/n`.
        var maximum: Int {
            switch self {
            case .second, .minute: 59
            case .hour: 23
            case .dayOfMonth: 31
            case .month: 12
            case .dayOfWeek: 6
            }
        }

        /// Largest value accepted when written explicitly (day-of-week also takes 7 = Sunday).
        var explicitMaximum: Int { self == .dayOfWeek ? 7 : maximum }

        /// Lower-case names accepted in this field, indexed from `minimum`.
        var names: [String] {
            switch self {
            case .month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            case .dayOfWeek: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
            default: []
            }
        }
    }

    /// Bit `n` is set when value `n` matches.
    var bits: UInt64
    /// True when the field was (or contained) a bare `*`/`?`.
    var isStar: Bool

    /// Whether `value` is in the field's set.
    func contains(_ value: Int) -> Bool {
        guard value >= 0, value < 64 else { return false }
        return bits & (UInt64(1) << UInt64(value)) != 0
    }

    /// The smallest value in the set that is `>= value`, or nil if none.
    func next(atOrAfter value: Int) -> Int? {
        guard value < 64 else { return nil }
        let masked = value <= 0 ? bits : bits & (~UInt64(0) << UInt64(value))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }

    /// Parses one field: `*`, `?`, `n`, `name`, `a-b`, `*/n`, `a-b/n`, `a/n` and comma lists of these.
    ///
    /// - Parameters:
    ///   - token: the field's text.
    ///   - kind: which position it occupies (decides bounds and names).
    ///   - expression: the whole cron text, quoted in error messages.
    /// - Throws: `CronExpression.ParseError` naming the field and the offending text.
    static func parse(
        _ token: Substring, as kind: Kind, in expression: String
    ) throws(CronExpression.ParseError) -> CronField {
        func fail(_ message: String) -> CronExpression.ParseError {
            CronExpression.ParseError(expression: expression, message: message)
        }
        var field = CronField(bits: 0, isStar: false)
        for item in token.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else {
                throw fail("\(kind.name) \"\(token)\" has an empty list item")
            }
            let slashParts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard slashParts.count <= 2 else {
                throw fail("\(kind.name) \"\(item)\" has more than one \"/\"")
            }
            let rangeText = slashParts[0]
            let hasStep = slashParts.count == 2
            var step = 1
            if hasStep {
                let stepText = slashParts[1]
                guard isDigits(stepText) else {
                    throw fail("\(kind.name) step \"\(stepText)\" in \"\(item)\" is not a number")
                }
                // Steps beyond the field width all select only the start; clamp to stay overflow-safe.
                step = min(Int(stepText) ?? Int.max, 64)
                guard step >= 1 else {
                    throw fail("\(kind.name) step \(stepText) in \"\(item)\" must be at least 1")
                }
            }
            let start: Int
            let end: Int
            if rangeText == "*" || rangeText == "?" {
                start = kind.minimum
                end = kind.maximum
                if step == 1 { field.isStar = true }
            } else {
                let bounds = rangeText.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2, !bounds.contains(where: \.isEmpty) else {
                    throw fail("\(kind.name) \"\(item)\" is not a valid value or range")
                }
                start = try value(bounds[0], kind, fail)
                if bounds.count == 2 {
                    end = try value(bounds[1], kind, fail)
                    guard start <= end else {
                        throw fail("\(kind.name) range \"\(rangeText)\" starts after it ends")
                    }
                } else {
                    // robfig: "a/n" means "a-max/n"; a lone "a" is just a.
                    end = hasStep ? max(start, kind.maximum) : start
                }
            }
            for v in stride(from: start, through: end, by: step) {
                let bit = (kind == .dayOfWeek && v == 7) ? 0 : v
                field.bits |= UInt64(1) << UInt64(bit)
            }
        }
        return field
    }

    /// True when `text` is non-empty and only ASCII digits.
    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Parses a number or (for month/day-of-week) a case-insensitive name, checking bounds.
    private static func value(
        _ text: Substring, _ kind: Kind,
        _ fail: (String) -> CronExpression.ParseError
    ) throws(CronExpression.ParseError) -> Int {
        if let index = kind.names.firstIndex(of: text.lowercased()) {
            return kind.minimum + index
        }
        guard isDigits(text) else {
            switch kind {
            case .month: throw fail("month \"\(text)\" is not a number or name (JAN-DEC)")
            case .dayOfWeek: throw fail("day-of-week \"\(text)\" is not a number or name (SUN-SAT)")
            default: throw fail("\(kind.name) \"\(text)\" is not a number")
            }
        }
        guard let number = Int(text), number >= kind.minimum, number <= kind.explicitMaximum else {
            throw fail("\(kind.name) \(text) is out of range \(kind.minimum)-\(kind.explicitMaximum)")
        }
        return number
    }
}
