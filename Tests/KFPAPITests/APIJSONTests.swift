import Foundation
import KFPAPI
import KFPSpec
import Testing

/// ``APIJSON``: the strict JSON reader for request bodies.
@Suite("JSON text")
struct APIJSONTests {
    @Test("integers stay integers, other numbers become doubles")
    func numbers() throws {
        #expect(try APIJSON.parse("[1, -2, 0, 1.0, 2.5e3, 1E2, 9223372036854775807, 9223372036854775808]") == [
            .int(1), .int(-2), .int(0), .double(1.0), .double(2500), .double(100), .int(Int.max),
            .double(9_223_372_036_854_775_808),
        ])
    }

    @Test("escapes decode, surrogate pairs join, emoji pass through byte-exact")
    func strings() throws {
        let value = try APIJSON.parse(#"{"a": "\u00e9\ud83d\ude00\n\t\"\\\/", "b": "日本語 🚀", "c": "\ud800x"}"#)
        #expect(value == ["a": "é😀\n\t\"\\/", "b": "日本語 🚀", "c": "\u{FFFD}x"])
        #expect(value.compactJSON() == #"{"a":"é😀\n\t\"\\/","b":"日本語 🚀","c":"�x"}"#)
        #expect(try APIJSON.parse(Data("\u{FEFF}\"🚀\"".utf8)) == "🚀")
        #expect(APIJSON.data(["k": "🚀"]) == Data(#"{"k":"🚀"}"#.utf8))
    }

    @Test("literals, nesting and whitespace")
    func structure() throws {
        #expect(try APIJSON.parse(" {\"a\" : [true, false, null, {}, []]}\r\n") == [
            "a": [true, false, nil, [:], []]
        ])
    }

    @Test(
        "malformed text is an invalid-argument error naming the offset",
        arguments: [
            ("", "invalid JSON at offset 0: unexpected end of input"),
            ("{\"a\": 1,}", "invalid JSON at offset 8: expected a string key in an object"),
            ("{\"a\" 1}", "invalid JSON at offset 5: expected ':' after an object key"),
            ("[1 2]", "invalid JSON at offset 3: expected ',' or ']' in an array"),
            ("{\"a\": 1, \"a\": 2}", "invalid JSON at offset 9: duplicate key \"a\""),
            ("01", "invalid JSON at offset 0: a number cannot start with 0"),
            ("1.", "invalid JSON at offset 2: expected a digit after '.'"),
            ("\"abc", "invalid JSON at offset 4: unterminated string"),
            ("\"a\u{01}\"", "invalid JSON at offset 2: control character in a string (escape it)"),
            ("\"\\x\"", "invalid JSON at offset 2: invalid escape '\\x'"),
            ("\"\\u12\"", "invalid JSON at offset 3: expected 4 hex digits after \\u"),
            ("tru", "invalid JSON at offset 0: expected 'true'"),
            ("{} x", "invalid JSON at offset 3: unexpected text after the JSON value"),
            ("1e999", "invalid JSON at offset 0: number 1e999 is out of range"),
            ("@", "invalid JSON at offset 0: unexpected character '@'"),
        ])
    func malformed(text: String, message: String) {
        #expect(throws: APIError.invalidArgument(message)) { try APIJSON.parse(text) }
    }

    @Test("nesting deeper than 512 levels is refused instead of overflowing the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: APIError.invalidArgument("invalid JSON at offset 512: nesting deeper than 512")) {
            try APIJSON.parse(deep)
        }
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try APIJSON.parse(fine) }
    }
}
