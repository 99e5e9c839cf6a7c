import KFPCEL
import KFPSpec
import Testing

/// Parameter sub-field selectors (`parameterExpressionSelector`), as KFP's driver evaluates them
/// over one protobuf `Value` (backend/src/v2/expression `Select`).
@Suite("CEL parameter selectors")
struct CELSelectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let selector: String
        let value: JSONValue
        let expected: JSONValue

        init(_ selector: String, _ value: JSONValue, _ expected: JSONValue) {
            self.selector = selector
            self.value = value
            self.expected = expected
        }

        var testDescription: String { "\(selector) over \(value)" }
    }

    static let loopItem: JSONValue = ["A_a": "1", "B_b": 2, "C_c": [1.5, true], "D_d": ["x": nil]]

    static let cases: [Case] = [
        // The form dsl.ParallelFor writes for loop item fields; the item arrives as a struct…
        Case(#"parseJson(string_value)["A_a"]"#, loopItem, "1"),
        Case(#"parseJson(string_value)["B_b"]"#, loopItem, 2),
        Case(#"parseJson(string_value)["C_c"]"#, loopItem, [1.5, true]),
        Case(#"parseJson(string_value)["C_c"][1]"#, loopItem, true),
        Case(#"parseJson(string_value)["D_d"]"#, loopItem, ["x": nil]),
        Case(#"parseJson(string_value).D_d.x"#, loopItem, nil),
        // …or as JSON text in a string.
        Case(#"parseJson(string_value)["A_a"]"#, #"{"A_a": "1", "B_b": 2}"#, "1"),
        Case(#"parseJson(string_value)['B_b']"#, #"{"A_a": "1", "B_b": 2}"#, 2),
        Case(#"parseJson(string_value)["k"]"#, #"{"k": 2.5e1}"#, 25.0),
        Case(#"parseJson(string_value)["k"]"#, #"{"k": 1, "k": 2}"#, 2),
        Case(#"parseJson(string_value)"#, #" {"a": {"b": [null, -0.5, "\u00e9\ud83d\ude00"]}} "#, ["a": ["b": [nil, -0.5, "é😀"]]]),
        // Arrays, by position.
        Case("parseJson(string_value)[1]", [10, 20], 20),
        Case("parseJson(string_value)[1]", "[10, 20.5]", 20.5),
        Case("parseJson(string_value)[0].name", [["name": "a"]], "a"),
        Case("size(parseJson(string_value))", [1, 2, 3], 3),
        // The Value's own fields.
        Case("struct_value.A_a", loopItem, "1"),
        Case("list_value[0]", [7, 8], 7),
        Case("number_value", 5, 5.0),
        Case("number_value * 2.0", .double(2.5), 5.0),
        Case("int(number_value) + 1", 5, 6),
        Case("bool_value", true, true),
        Case("null_value", nil, nil),
        // string_value is always bound, to the value as text (KFP's PbValueToText).
        Case("string_value", "plain", "plain"),
        Case("string_value", 5, "5"),
        Case("string_value", 2.5, "2.5"),
        Case("string_value", .double(1e21), "1000000000000000000000"),
        Case("string_value", .double(1e-7), "0.0000001"),
        Case("string_value", true, "true"),
        Case("string_value", nil, ""),
        Case("string_value", ["b": 1, "a": [true]], #"{"a":[true],"b":1}"#),
        Case("string_value.startsWith('pl')", "plain", true),
        Case("{'n': parseJson(string_value).B_b}", loopItem, ["n": 2]),
    ]

    @Test("Selectors over protobuf Values", arguments: cases)
    func selectors(_ test: Case) throws {
        #expect(try CELProgram.selectField(test.selector, from: test.value) == test.expected)
        #expect(try CELProgram(test.selector).select(from: test.value) == test.expected)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let selector: String
        let value: JSONValue
        let message: String

        var testDescription: String { selector }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(
            selector: #"parseJson(string_value)["missing"]"#, value: loopItem,
            message: "no such key 'missing' in map (keys: 'A_a', 'B_b', 'C_c', 'D_d')"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "{bad",
            message: "parseJson(): invalid JSON at character 2: expected a string key but found 'b'"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "[1, 2",
            message: "parseJson(): invalid JSON at character 6: expected ',' or ']' but found end of text"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "[1] x",
            message: "parseJson(): invalid JSON at character 5: unexpected 'x' after the JSON value"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "01",
            message: "parseJson(): invalid JSON at character 2: unexpected '1' after the JSON value"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "\"abc",
            message: "parseJson(): invalid JSON at character 1: unterminated string"),
        ErrorCase(
            selector: "parseJson(string_value)", value: "",
            message: "parseJson(): invalid JSON at character 1: expected a value but found end of text"),
        ErrorCase(selector: "struct_value", value: 5, message: "undeclared reference to 'struct_value'"),
        ErrorCase(
            selector: "parseJson(string_value)[5]", value: [1],
            message: "index 5 out of range for a list of size 1"),
        ErrorCase(
            selector: "number_value + 1", value: 5,
            message: "no matching overload for '+' applied to (double, int)"),
    ]

    @Test("Selector errors", arguments: errors)
    func selectorErrors(_ test: ErrorCase) {
        let error = #expect(throws: CELError.self) {
            try CELProgram.selectField(test.selector, from: test.value)
        }
        #expect(error?.message == test.message)
        #expect(error?.phase == .evaluation)
    }

    @Test("JSON nested deeper than the limit is an error, not a crash")
    func deepJSON() throws {
        let depth = 10_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: CELError.self) {
            try CELProgram.selectField("parseJson(string_value)", from: .string(text))
        }
        #expect(error?.message == "parseJson(): invalid JSON at character 202: nests deeper than 200 levels")
        var nested: JSONValue = 1
        for _ in 0..<150 { nested = [nested] }
        #expect(try CELProgram.selectField("parseJson(string_value)", from: nested) == nested)
    }
}
