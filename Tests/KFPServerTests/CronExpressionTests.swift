import Foundation
import Testing

import KFPServer

/// Parses an ISO 8601 UTC timestamp such as `2026-03-10T12:00:00Z` (fractional seconds allowed).
private func utc(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    if text.contains(".") { formatter.formatOptions.insert(.withFractionalSeconds) }
    return try #require(formatter.date(from: text), "bad test date \(text)")
}

/// `next(after:)` of `expression` after `date`, formatted as ISO 8601 UTC (nil when none).
private func next(_ expression: String, after date: String) throws -> String? {
    let cron = try CronExpression(expression)
    return try cron.next(after: utc(date)).map { ISO8601DateFormatter().string(from: $0) }
}

/// The first `count` fire times of `expression` after `date`, chaining `next(after:)`.
private func fireTimes(_ expression: String, after date: String, count: Int) throws -> [String] {
    let cron = try CronExpression(expression)
    var current = try utc(date)
    var result: [String] = []
    for _ in 0..<count {
        guard let fire = cron.next(after: current) else { break }
        result.append(ISO8601DateFormatter().string(from: fire))
        current = fire
    }
    return result
}

/// The exact `description` of the error thrown when parsing `expression` (nil if it parses).
private func parseError(_ expression: String) -> String? {
    do {
        _ = try CronExpression(expression)
        return nil
    } catch {
        return error.description
    }
}

@Suite("CronExpression")
struct CronExpressionTests {
    @Test("every 5 seconds fires on multiples of 5, strictly after the reference time")
    func everyFiveSeconds() throws {
        #expect(try next("*/5 * * * * *", after: "2026-03-10T12:00:03Z") == "2026-03-10T12:00:05Z")
        #expect(try next("*/5 * * * * *", after: "2026-03-10T12:00:05Z") == "2026-03-10T12:00:10Z")
        #expect(try next("*/5 * * * * *", after: "2026-03-10T12:00:04.900Z") == "2026-03-10T12:00:05Z")
        #expect(try next("*/5 * * * * *", after: "2026-03-10T12:59:57Z") == "2026-03-10T13:00:00Z")
        let times = try fireTimes("*/5 * * * * *", after: "2026-03-10T12:00:00Z", count: 3)
        #expect(times == ["2026-03-10T12:00:05Z", "2026-03-10T12:00:10Z", "2026-03-10T12:00:15Z"])
    }

    @Test("hourly on the hour, across day and year ends")
    func hourly() throws {
        #expect(try next("0 0 * * * *", after: "2026-03-10T12:00:00Z") == "2026-03-10T13:00:00Z")
        #expect(try next("0 0 * * * *", after: "2026-03-10T12:59:59Z") == "2026-03-10T13:00:00Z")
        #expect(try next("0 0 * * * *", after: "2026-03-10T23:30:00Z") == "2026-03-11T00:00:00Z")
        #expect(try next("0 0 * * * *", after: "2026-12-31T23:59:59Z") == "2027-01-01T00:00:00Z")
    }

    @Test("0 30 9 * * MON-FRI skips the weekend")
    func weekdays() throws {
        let cron = "0 30 9 * * MON-FRI"
        // 2026-03-13 is a Friday, 2026-03-16 a Monday.
        #expect(try next(cron, after: "2026-03-13T08:00:00Z") == "2026-03-13T09:30:00Z")
        #expect(try next(cron, after: "2026-03-13T09:30:00Z") == "2026-03-16T09:30:00Z")
        #expect(try next(cron, after: "2026-03-14T10:00:00Z") == "2026-03-16T09:30:00Z")
        #expect(try next(cron, after: "2026-03-16T09:29:59Z") == "2026-03-16T09:30:00Z")
    }

    @Test("0 0 0 1,15 * * fires on the 1st and 15th")
    func listOfDays() throws {
        let times = try fireTimes("0 0 0 1,15 * *", after: "2026-01-01T00:00:00Z", count: 4)
        #expect(times == ["2026-01-15T00:00:00Z", "2026-02-01T00:00:00Z",
                          "2026-02-15T00:00:00Z", "2026-03-01T00:00:00Z"])
        #expect(try next("0 0 0 1,15 * *", after: "2026-12-20T00:00:00Z") == "2027-01-01T00:00:00Z")
    }

    @Test("Feb 29 waits for a leap year; impossible or too-distant dates give nil")
    func leapDay() throws {
        #expect(try next("0 0 0 29 2 *", after: "2026-01-01T00:00:00Z") == "2028-02-29T00:00:00Z")
        #expect(try next("0 0 0 29 2 *", after: "2028-02-29T00:00:00Z") == "2032-02-29T00:00:00Z")
        #expect(try next("0 0 0 31 * *", after: "2026-04-01T00:00:00Z") == "2026-05-31T00:00:00Z")
        // 2100 is not a leap year; 2104 is beyond the 5-year search horizon.
        #expect(try next("0 0 0 29 2 *", after: "2096-02-29T00:00:00Z") == nil)
        #expect(try next("0 0 0 30 2 *", after: "2026-01-01T00:00:00Z") == nil)
        #expect(try next("0 0 0 31 4,6,9,11 *", after: "2026-01-01T00:00:00Z") == nil)
    }

    @Test("day-of-month and day-of-week both restricted: either matches")
    func domDowOrRule() throws {
        // 2026-03-06 and 2026-03-13 are Fridays; 2026-04-13 is a Monday.
        let cron = "0 0 0 13 * FRI"
        #expect(try next(cron, after: "2026-03-01T00:00:00Z") == "2026-03-06T00:00:00Z")
        #expect(try next(cron, after: "2026-03-06T00:00:00Z") == "2026-03-13T00:00:00Z")
        #expect(try next(cron, after: "2026-03-13T00:00:00Z") == "2026-03-20T00:00:00Z")
        #expect(try next(cron, after: "2026-04-10T00:00:00Z") == "2026-04-13T00:00:00Z")
        #expect(try next(cron, after: "2026-04-13T00:00:00Z") == "2026-04-17T00:00:00Z")
        // 1-31 is restricted (not a star), so every day matches through the OR rule.
        #expect(try next("0 0 0 1-31 * FRI", after: "2026-03-01T00:00:00Z") == "2026-03-02T00:00:00Z")
    }

    @Test("a star day field lets the other decide alone")
    func starDayFields() throws {
        #expect(try next("0 0 0 13 * *", after: "2026-03-01T00:00:00Z") == "2026-03-13T00:00:00Z")
        #expect(try next("0 0 0 * * FRI", after: "2026-03-01T00:00:00Z") == "2026-03-06T00:00:00Z")
        #expect(try next("0 0 0 ? * FRI", after: "2026-03-01T00:00:00Z") == "2026-03-06T00:00:00Z")
        #expect(try next("0 0 0 13 * ?", after: "2026-03-01T00:00:00Z") == "2026-03-13T00:00:00Z")
        // As in robfig, */1 still counts as a star.
        #expect(try next("0 0 0 */1 * FRI", after: "2026-03-01T00:00:00Z") == "2026-03-06T00:00:00Z")
    }

    @Test("month and weekday names are case-insensitive; 7 is Sunday")
    func names() throws {
        // First Sunday of July 2026 is the 5th.
        #expect(try next("0 0 12 * JAN,jul sun", after: "2026-02-01T00:00:00Z") == "2026-07-05T12:00:00Z")
        #expect(try CronExpression("0 0 0 * feb-MAR Mon-fri") == CronExpression("0 0 0 * 2-3 1-5"))
        #expect(try CronExpression("0 0 0 * * 7") == CronExpression("0 0 0 * * SUN"))
        #expect(try CronExpression("0 0 0 * * 0") == CronExpression("0 0 0 * * sun"))
        #expect(try CronExpression("0 0 0 * * 5-7") == CronExpression("0 0 0 * * 0,5,6"))
        #expect(try CronExpression("0 0 0 * * 0-7") == CronExpression("0 0 0 * * 0-6"))
        #expect(try CronExpression("0 0 0 * DEC *") != CronExpression("0 0 0 * NOV *"))
    }

    @Test("steps over stars, ranges and open-ended starts")
    func steps() throws {
        let times = try fireTimes("0 10-30/10 * * * *", after: "2026-03-10T12:00:00Z", count: 4)
        #expect(times == ["2026-03-10T12:10:00Z", "2026-03-10T12:20:00Z",
                          "2026-03-10T12:30:00Z", "2026-03-10T13:10:00Z"])
        #expect(try CronExpression("5/20 * * * * *") == CronExpression("5,25,45 * * * * *"))
        #expect(try CronExpression("0 0 */6 * * *") == CronExpression("0 0 0,6,12,18 * * *"))
        #expect(try CronExpression("0 0 0 * * MON-FRI/2") == CronExpression("0 0 0 * * 1,3,5"))
        #expect(try CronExpression("0 0 0 * JAN/4 *") == CronExpression("0 0 0 * 1,5,9 *"))
        #expect(try CronExpression("0 0 0 1/10 * *") == CronExpression("0 0 0 1,11,21,31 * *"))
        #expect(try CronExpression("*/99999999999999999999 * * * * *") == CronExpression("0 * * * * *"))
    }

    @Test("@every 1m30s adds the interval to the whole-second reference time")
    func every() throws {
        #expect(try next("@every 1m30s", after: "2026-03-10T12:00:00Z") == "2026-03-10T12:01:30Z")
        #expect(try next("@every 1m30s", after: "2026-03-10T12:00:00.700Z") == "2026-03-10T12:01:30Z")
        #expect(try next("@every 10s", after: "2026-03-10T12:00:07Z") == "2026-03-10T12:00:17Z")
        #expect(try CronExpression("@every 90s") == CronExpression("@every 1m30s"))
        #expect(try CronExpression("@every 1.5m") == CronExpression("@every 90s"))
        #expect(try CronExpression("@every 500ms") == CronExpression("@every 1s"))
        #expect(try CronExpression("@every 1.2s") == CronExpression("@every 2s"))
        #expect(try CronExpression("@every 1h0m0.000000001s") == CronExpression("@every 3601s"))
        #expect(try CronExpression("  @every   2h  ") == CronExpression("@every 7200s"))
        #expect(try CronExpression("@every 3000000us") == CronExpression("@every 3s"))
    }

    @Test("descriptors match their field equivalents")
    func descriptors() throws {
        #expect(try next("@daily", after: "2026-03-10T12:00:00Z") == "2026-03-11T00:00:00Z")
        #expect(try next("@daily", after: "2026-02-28T00:00:00Z") == "2026-03-01T00:00:00Z")
        #expect(try CronExpression("@daily") == CronExpression("0 0 0 * * *"))
        #expect(try CronExpression("@midnight") == CronExpression("@daily"))
        #expect(try CronExpression("@hourly") == CronExpression("0 0 * * * *"))
        #expect(try CronExpression("@weekly") == CronExpression("0 0 0 * * SUN"))
        #expect(try CronExpression("@monthly") == CronExpression("0 0 0 1 * *"))
        #expect(try CronExpression("@yearly") == CronExpression("0 0 0 1 JAN *"))
        #expect(try CronExpression("@annually") == CronExpression("@yearly"))
        #expect(try next("@weekly", after: "2026-03-10T12:00:00Z") == "2026-03-15T00:00:00Z")
        #expect(try next("@yearly", after: "2026-03-10T12:00:00Z") == "2027-01-01T00:00:00Z")
    }

    @Test("error messages name the field and the bad text", arguments: [
        ("0 0 25 * * *", #"cron "0 0 25 * * *": hour 25 is out of range 0-23"#),
        ("* * *", #"cron "* * *": expected 6 fields (second minute hour day-of-month month day-of-week), found 3"#),
        ("", #"cron "": expected 6 fields (second minute hour day-of-month month day-of-week), found 0"#),
        ("0 0 0 * * * *", #"cron "0 0 0 * * * *": expected 6 fields (second minute hour day-of-month month day-of-week), found 7"#),
        ("@every 0s", #"cron "@every 0s": interval must be at least 1 second"#),
        ("@every -1m", #"cron "@every -1m": interval must be at least 1 second"#),
        ("@every 0", #"cron "@every 0": interval must be at least 1 second"#),
        ("@every", #"cron "@every": @every needs a duration such as 1h30m, 10s or 500ms"#),
        ("@every xyz", #"cron "@every xyz": invalid duration "xyz" (expected a Go duration such as 1h30m, 10s or 500ms)"#),
        ("@every 5", #"cron "@every 5": invalid duration "5" (expected a Go duration such as 1h30m, 10s or 500ms)"#),
        ("@every 1d", #"cron "@every 1d": invalid duration "1d" (expected a Go duration such as 1h30m, 10s or 500ms)"#),
        ("@every 9999999999h", #"cron "@every 9999999999h": invalid duration "9999999999h" (expected a Go duration such as 1h30m, 10s or 500ms)"#),
        ("@fortnightly", #"cron "@fortnightly": unknown descriptor "@fortnightly" (expected @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>)"#),
        ("60 * * * * *", #"cron "60 * * * * *": second 60 is out of range 0-59"#),
        ("0 60 * * * *", #"cron "0 60 * * * *": minute 60 is out of range 0-59"#),
        ("0 0 0 0 * *", #"cron "0 0 0 0 * *": day-of-month 0 is out of range 1-31"#),
        ("0 0 0 32 * *", #"cron "0 0 0 32 * *": day-of-month 32 is out of range 1-31"#),
        ("0 0 0 * 13 *", #"cron "0 0 0 * 13 *": month 13 is out of range 1-12"#),
        ("0 0 0 * * 8", #"cron "0 0 0 * * 8": day-of-week 8 is out of range 0-7"#),
        ("0 0 1-24 * * *", #"cron "0 0 1-24 * * *": hour 24 is out of range 0-23"#),
        ("99999999999999999999 * * * * *", #"cron "99999999999999999999 * * * * *": second 99999999999999999999 is out of range 0-59"#),
        ("0 0 0 * FOO *", #"cron "0 0 0 * FOO *": month "FOO" is not a number or name (JAN-DEC)"#),
        ("0 0 0 * * FUN", #"cron "0 0 0 * * FUN": day-of-week "FUN" is not a number or name (SUN-SAT)"#),
        ("JAN * * * * *", #"cron "JAN * * * * *": second "JAN" is not a number"#),
        ("x * * * * *", #"cron "x * * * * *": second "x" is not a number"#),
        ("+5 * * * * *", #"cron "+5 * * * * *": second "+5" is not a number"#),
        ("*/0 * * * * *", #"cron "*/0 * * * * *": second step 0 in "*/0" must be at least 1"#),
        ("*/x * * * * *", #"cron "*/x * * * * *": second step "x" in "*/x" is not a number"#),
        ("*/ * * * * *", #"cron "*/ * * * * *": second step "" in "*/" is not a number"#),
        ("0 0 5-3 * * *", #"cron "0 0 5-3 * * *": hour range "5-3" starts after it ends"#),
        ("0 0 0 * * FRI-MON", #"cron "0 0 0 * * FRI-MON": day-of-week range "FRI-MON" starts after it ends"#),
        ("1/2/3 * * * * *", #"cron "1/2/3 * * * * *": second "1/2/3" has more than one "/""#),
        ("1-2-3 * * * * *", #"cron "1-2-3 * * * * *": second "1-2-3" is not a valid value or range"#),
        ("-5 * * * * *", #"cron "-5 * * * * *": second "-5" is not a valid value or range"#),
        ("0 1,,2 * * * *", #"cron "0 1,,2 * * * *": minute "1,,2" has an empty list item"#),
        ("0 0 0 * * 1,", #"cron "0 0 0 * * 1,": day-of-week "1," has an empty list item"#),
    ])
    func errors(expression: String, message: String) {
        #expect(parseError(expression) == message)
    }

    @Test("never crashes on odd input or extreme dates")
    func robustness() throws {
        let junk = ["@", "@every ", "@every .", "@every +", "@every 1.s", "@every -", "@every 1e5s",
                    "@every 18446744073709551616ns", "@every 9223372036854775807ns",
                    "@every 0.99999999999999999999999999s", "* * * * * * * * * * * *", "\u{1F600} * * * * *",
                    "١ * * * * *", ",,, * * * * *", "/ * * * * *", "- * * * * *", "*/-1 * * * * *",
                    "5-*/2 * * * * *", "\n\t", "0 0 0 L * *", "0 0 0 * * 5#3", "0 0 0 W * *"]
        for text in junk { _ = try? CronExpression(text) }
        #expect(parseError("@every 9223372036854775807ns") == nil)
        #expect(parseError("@every 0.99999999999999999999999999s") == nil)
        #expect(parseError("@every .") != nil)

        let hourly = try CronExpression("0 0 * * * *")
        #expect(hourly.next(after: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(hourly.next(after: Date(timeIntervalSince1970: .nan)) == nil)
        #expect(hourly.next(after: Date(timeIntervalSince1970: 1e300)) == nil)
        #expect(hourly.next(after: .distantFuture) != nil)
        #expect(hourly.next(after: .distantPast) != nil)
        #expect(try next("0 0 0 1 1 *", after: "1969-12-31T12:00:00Z") == "1970-01-01T00:00:00Z")
        #expect(try next("0 0 0 29 2 *", after: "1899-01-01T00:00:00Z") == "1904-02-29T00:00:00Z")
        let longest = try CronExpression("@every 9223372036854775807ns")
        #expect(longest.next(after: .distantFuture) != nil)
    }

    @Test("rare schedules resolve quickly by skipping whole months and days")
    func efficiency() throws {
        let never = try CronExpression("59 59 23 30 2 *")
        let leap = try CronExpression("59 59 23 29 2 *")
        var date = try utc("2026-01-01T00:00:00Z")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<200 {
                _ = never.next(after: date)
                if let fire = leap.next(after: date) { date = fire }
            }
        }
        #expect(elapsed < .seconds(5))
        #expect(ISO8601DateFormatter().string(from: date) == "2096-02-29T23:59:59Z")
    }

    @Test("agrees with a minute-by-minute Calendar scan", arguments: [
        "0 */15 9-17 * * MON-FRI", "0 0 6 13,31 * FRI", "0 0 0 28-31 * *",
        "0 30 2 * */2 0", "0 7 */5 1 * ?",
    ])
    func calendarOracle(expression: String) throws {
        let cron = try CronExpression(expression)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        func matches(_ date: Date) -> Bool {
            let c = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: date)
            let (minute, hour, day, month) = (c.minute ?? -1, c.hour ?? -1, c.day ?? -1, c.month ?? -1)
            let weekday = (c.weekday ?? 0) - 1  // Calendar: 1 = Sunday
            switch expression {
            case "0 */15 9-17 * * MON-FRI": return minute % 15 == 0 && (9...17).contains(hour) && (1...5).contains(weekday)
            case "0 0 6 13,31 * FRI": return minute == 0 && hour == 6 && (day == 13 || day == 31 || weekday == 5)
            case "0 0 0 28-31 * *": return minute == 0 && hour == 0 && day >= 28
            case "0 30 2 * */2 0": return minute == 30 && hour == 2 && month % 2 == 1 && weekday == 0
            default: return minute == 7 && hour % 5 == 0 && day == 1
            }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<25 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Random whole-minute start between 2024 and ~2031.
            let start = Date(timeIntervalSince1970: 1_704_067_200 + Double((state >> 33) % 3_700_000) * 60)
            var probe = start.addingTimeInterval(60)
            while !matches(probe) { probe.addTimeInterval(60) }
            #expect(cron.next(after: start) == probe, "\(expression) after \(start)")
        }
    }
}
