import KFPAPI
import KFPSpec
import Testing

/// The `filter` query parameter, with the KFP server's parsing quirks.
@Suite("Filter parsing")
struct FilterParsingTests {
    /// `encodeURIComponent`: every byte but the unreserved ones as `%XX`.
    static func encodeComponent(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : "%" + hex($0) }.joined()
    }

    static func hex(_ byte: UInt8) -> String { (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }

    static func filter(_ rawQuery: String, _ resource: ListResource = .experiments) throws -> [FilterPredicate] {
        try ListQuery(QueryParameters(rawQuery: rawQuery), resource: resource).filter
    }

    static func filterText(_ text: String, _ resource: ListResource = .experiments) throws -> [FilterPredicate] {
        try ListQuery(QueryParameters(["filter": text]), resource: resource).filter
    }

    @Test("the Python client's form-encoded filter (integer operation, camelCase stringValue) parses exactly")
    func pythonClient() throws {
        let raw =
            "filter=%7B%22predicates%22%3A+%5B%7B%22operation%22%3A+1%2C+%22key%22%3A+%22display_name%22%2C+%22stringValue%22%3A+%22a+b%22%7D%5D%7D&namespace="
        #expect(try Self.filter(raw) == [FilterPredicate(key: "display_name", operation: .equals, value: .string("a b"))])
    }

    @Test("the UI's double-encoded filter with an operation name and string_value parses exactly")
    func uiDoubleEncoded() throws {
        let json = #"{"predicates":[{"key":"storage_state","operation":"NOT_EQUALS","string_value":"ARCHIVED"}]}"#
        let raw = "filter=" + Self.encodeComponent(Self.encodeComponent(json))
        #expect(raw.hasPrefix("filter=%257B%2522predicates%2522"))
        #expect(try Self.filter(raw, .runs) == [
            FilterPredicate(key: "storage_state", operation: .notEquals, value: .string("ARCHIVED"))
        ])
    }

    @Test("the second decoding turns a singly-encoded + into a space (the real server's quirk)")
    func plusQuirk() throws {
        let raw = "filter=" + Self.encodeComponent(#"{"predicates":[{"key":"name","operation":1,"stringValue":"a+b"}]}"#)
        #expect(try Self.filter(raw, .pipelines) == [
            FilterPredicate(key: "display_name", operation: .equals, value: .string("a b"))
        ])
    }

    @Test("IN lists: string_values, camelCase longValues with mixed int64 forms, int_values; v1 alias id")
    func inLists() throws {
        #expect(try Self.filterText(
            #"{"predicates": [{"key": "run_id", "operation": "IN", "string_values": {"values": ["a", "b"]}}]}"#, .runs)
            == [FilterPredicate(key: "run_id", operation: .in, value: .strings(["a", "b"]))])
        #expect(try Self.filterText(
            #"{"predicates": [{"key": "id", "operation": 8, "longValues": {"values": ["1", 2]}}]}"#, .runs)
            == [FilterPredicate(key: "run_id", operation: .in, value: .ints([1, 2]))])
        #expect(try Self.filterText(
            #"{"predicates": [{"key": "state", "operation": "IN", "intValues": {"values": [3, "5"]}}]}"#, .runs)
            == [FilterPredicate(key: "state", operation: .in, value: .ints([3, 5]))])
        #expect(try Self.filterText(
            #"{"predicates": [{"key": "state", "operation": "IN", "string_values": {}}]}"#, .runs)
            == [FilterPredicate(key: "state", operation: .in, value: .strings([]))])
    }

    @Test("timestamp_value compares whole Unix seconds; int_value and long_value are integers; predicates AND")
    func scalarValues() throws {
        let text = """
            {"predicates": [
              {"key": "created_at", "operation": "GREATER_THAN_EQUALS", "timestamp_value": "2024-05-01T12:00:00.9Z"},
              {"key": "last_run_created_at", "operation": 6, "timestampValue": "2024-05-01T10:00:00-02:00"},
              {"key": "namespace", "operation": "IS_SUBSTRING", "string_value": ""},
              {"key": "description", "operation": "NOT_EQUALS", "int_value": 7},
              {"key": "display_name", "operation": "GREATER_THAN", "longValue": "9007199254740993"}]}
            """
        #expect(try Self.filterText(text) == [
            FilterPredicate(key: "created_at", operation: .greaterThanEquals, value: .timestamp(1_714_564_800)),
            FilterPredicate(key: "last_run_created_at", operation: .lessThan, value: .timestamp(1_714_564_800)),
            FilterPredicate(key: "namespace", operation: .isSubstring, value: .string("")),
            FilterPredicate(key: "description", operation: .notEquals, value: .int(7)),
            FilterPredicate(key: "display_name", operation: .greaterThan, value: .int(9_007_199_254_740_993)),
        ])
        #expect(try Self.filterText(#"{"predicates": []}"#).isEmpty)
        #expect(try Self.filterText("{}").isEmpty)
    }

    @Test(
        "semantic errors use the KFP server's messages",
        arguments: [
            (#"{"predicates": [{"key": "foo", "operation": 1, "string_value": "x"}]}"#,
             #"no support for filtering on unrecognized field "foo""#),
            (#"{"predicates": [{"key": "Display_Name", "operation": 1, "string_value": "x"}]}"#,
             #"no support for filtering on unrecognized field "Display_Name""#),
            (#"{"predicates": [{"key": "display_name", "operation": "IN", "string_value": "x"}]}"#,
             "cannot use IN operator with scalar type string"),
            (#"{"predicates": [{"key": "created_at", "operation": "IN", "timestamp_value": "2024-05-01T12:00:00Z"}]}"#,
             "cannot use IN operator with scalar type int64"),
            (#"{"predicates": [{"key": "display_name", "operation": 1, "long_values": {"values": [1]}}]}"#,
             "cannot use scalar operator EQUALS on array type []int64"),
            (#"{"predicates": [{"key": "display_name", "operation": 3, "string_values": {"values": []}}]}"#,
             "cannot use scalar operator GREATER_THAN on array type []string"),
            (#"{"predicates": [{"key": "display_name", "operation": "IS_SUBSTRING", "int_value": 1}]}"#,
             "cannot use non string value type int32 with operator IS_SUBSTRING"),
            (#"{"predicates": [{"key": "display_name", "string_value": "x"}]}"#,
             #"filter predicate on "display_name" has no operation; expected one of EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS, IN, IS_SUBSTRING"#),
            (#"{"predicates": [{"key": "display_name", "operation": "OPERATION_UNSPECIFIED", "string_value": "x"}]}"#,
             #"filter predicate on "display_name" has no operation; expected one of EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS, IN, IS_SUBSTRING"#),
            (#"{"predicates": [{"key": "display_name", "operation": 1}]}"#,
             #"filter predicate on "display_name" has no value; set one of int_value, long_value, string_value, timestamp_value, int_values, long_values, string_values"#),
            (#"{"predicates": [{"operation": 1, "stringValue": "a b"}]}"#,
             "Predicate key cannot be empty for operation EQUALS and value a b"),
        ])
    func semanticErrors(text: String, message: String) {
        #expect(throws: APIError.invalidArgument(message)) { try Self.filterText(text) }
    }

    @Test(
        "decoding and protojson errors are wrapped in 'failed to parse valid filter from'",
        arguments: [
            (#"{"predicates": [{"key": "display_name", "operation": 1, "string_value": "100%"}]}"#,
             #"invalid URL escape "%\"}""#),
            ("{oops}", "invalid JSON at offset 1: expected a string key in an object"),
            (#"{"predicates": [{"op": 1}]}"#, #"unknown field "op" in filter.predicates[0]"#),
            (#"{"predicates": {"key": "x"}}"#, "invalid value for filter.predicates: expected a list, found an object"),
            (#"{"predicates": [{"key": "x", "operation": "LIKE", "string_value": "a"}]}"#,
             #"invalid value for filter.predicates[0].operation: expected a Predicate.Operation name (OPERATION_UNSPECIFIED, EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS, IN, IS_SUBSTRING) or its number, found string "LIKE""#),
            (#"{"predicates": [{"key": "x", "operation": 4, "string_value": "a"}]}"#,
             #"invalid value for filter.predicates[0].operation: expected a Predicate.Operation name (OPERATION_UNSPECIFIED, EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS, IN, IS_SUBSTRING) or its number, found number 4"#),
            (#"{"predicates": [{"key": "x", "operation": 1, "string_value": "a", "int_value": 1}]}"#,
             "filter.predicates[0]: only one of int_value, long_value, string_value, timestamp_value, int_values, long_values, string_values may be set (oneof value), found int_value and string_value"),
            (#"{"predicates": [{"key": "x", "operation": 1, "int_value": 3000000000}]}"#,
             "invalid value for filter.predicates[0].int_value: expected an int32 (a number or a decimal string), found number 3000000000"),
            (#"{"predicates": [{"key": "x", "operation": 1, "timestamp_value": 1714564800}]}"#,
             #"invalid value for filter.predicates[0].timestamp_value: expected an RFC 3339 timestamp such as "2024-05-01T12:00:00Z", found number 1714564800"#),
        ])
    func wrappedErrors(text: String, reason: String) {
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted += "\""
        #expect(throws: APIError.invalidArgument("failed to parse valid filter from \(quoted): \(reason)")) {
            try Self.filterText(text)
        }
    }

    @Test("filterJSON writes a Filter message that parses back to the same predicates")
    func filterJSONRoundTrip() throws {
        let predicates = [
            FilterPredicate(key: "display_name", operation: .isSubstring, value: .string("train 🚀")),
            FilterPredicate(key: "created_at", operation: .lessThanEquals, value: .timestamp(1_714_564_800)),
            FilterPredicate(key: "run_id", operation: .in, value: .strings(["a", "b"])),
            FilterPredicate(key: "state", operation: .in, value: .ints([1, 2])),
            FilterPredicate(key: "description", operation: .equals, value: .int(-3)),
        ]
        let json = FilterPredicate.filterJSON(predicates)
        #expect(json.objectValue?["predicates"]?.arrayValue?[1] == [
            "key": "created_at", "operation": "LESS_THAN_EQUALS", "timestamp_value": "2024-05-01T12:00:00Z",
        ])
        #expect(try Self.filterText(json.compactJSON(), .runs) == predicates)
    }
}
