import Foundation
import KFPAPI
import Testing

/// ``APITimestamp``: RFC 3339 as protojson writes and reads it.
@Suite("Timestamps")
struct TimestampTests {
    @Test("whole seconds are written without a fraction, in UTC with Z")
    func wholeSeconds() {
        #expect(APITimestamp.format(TestJSON.may1) == "2024-05-01T12:00:00Z")
        #expect(APITimestamp.format(TestJSON.date(0)) == "1970-01-01T00:00:00Z")
        #expect(APITimestamp.format(TestJSON.date(951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(APITimestamp.format(TestJSON.date(-1)) == "1969-12-31T23:59:59Z")
        #expect(APITimestamp.epoch == "1970-01-01T00:00:00Z")
    }

    @Test("a fraction is written with 3 or 6 digits only when present")
    func fractions() {
        #expect(APITimestamp.format(Date(timeIntervalSince1970: 1_714_564_800.5)) == "2024-05-01T12:00:00.500Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: 1_714_564_800.123456)) == "2024-05-01T12:00:00.123456Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: -0.25)) == "1969-12-31T23:59:59.750Z")
    }

    @Test("dates outside years 1-9999 are clamped, never trapped on")
    func clamping() {
        #expect(APITimestamp.format(.distantFuture) == "4001-01-01T00:00:00Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: -1e15)) == "0001-01-01T00:00:00Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    @Test(
        "RFC 3339 forms parse: Z, offsets, lower-case t/z, 1-9 fraction digits",
        arguments: [
            ("2024-05-01T12:00:00Z", 1_714_564_800.0),
            ("2024-05-01t12:00:00z", 1_714_564_800.0),
            ("2024-05-01T14:30:00+02:30", 1_714_564_800.0),
            ("2024-05-01T07:00:00-05:00", 1_714_564_800.0),
            ("2024-05-01T12:00:00.5Z", 1_714_564_800.5),
            ("2024-05-01T12:00:00.250000000Z", 1_714_564_800.25),
            ("1970-01-01T00:00:00Z", 0.0),
            ("2030-01-01T00:00:00Z", 1_893_456_000.0),
        ])
    func parses(text: String, seconds: Double) {
        #expect(APITimestamp.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(
        "anything else is rejected",
        arguments: [
            "", "1714564800", "2024-05-01", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00", "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:60Z", "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00.1234567890Z", "2024-05-01T12:00:00+0200", "0000-01-01T00:00:00Z",
            "2024-05-01T12:00:00Zjunk", "not-a-date",
        ])
    func rejects(text: String) {
        #expect(APITimestamp.parse(text) == nil)
    }

    @Test("format and parse round-trip")
    func roundTrip() throws {
        for seconds in [0, 1, 59, 86_399, 951_782_400, 1_714_564_800, 253_402_300_799, -62_135_596_800] {
            let date = TestJSON.date(seconds)
            #expect(APITimestamp.parse(APITimestamp.format(date)) == date)
        }
    }
}
