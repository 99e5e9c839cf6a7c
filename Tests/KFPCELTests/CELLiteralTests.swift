import KFPCEL
import KFPSpec
import Testing

/// Literals (numbers, quoted, raw and bytes strings with escapes), list and map literals,
/// member access, indexing and `in`.
@Suite("CEL literals and collections")
struct CELLiteralTests {
    static let literals: [CELCase] = [
        CELCase("42", 42),
        CELCase("0x2A", 42),
        CELCase("42u", 42),
        CELCase("0x2Au", 42),
        CELCase("4.5", 4.5),
        CELCase("2e3", 2000.0),
        CELCase("2E-1", 0.2),
        CELCase("true", true),
        CELCase("false", false),
        CELCase("null", .null),
        CELCase("'single'", "single"),
        CELCase("\"double\"", "double"),
        CELCase("\"it's\"", "it's"),
        CELCase("'say \"hi\"'", "say \"hi\""),
        CELCase("'''triple 'quoted' text'''", "triple 'quoted' text"),
        CELCase("\"\"\"a\"b\"\"\"", "a\"b"),
        CELCase("'''two\nlines'''", "two\nlines"),
        CELCase("'a\\nb\\tc'", "a\nb\tc"),
        CELCase("'\\'\\\"\\\\\\?\\`'", "'\"\\?`"),
        CELCase("'\\a\\b\\f\\r\\v'", "\u{07}\u{08}\u{0C}\r\u{0B}"),
        CELCase("'\\x41\\101\\u00e9\\U0001F600'", "AAé😀"),
        CELCase("'\\xFF'", "\u{FF}"),
        CELCase("r'\\n\\d+'", "\\n\\d+"),
        CELCase("R\"C:\\path\"", "C:\\path"),
        CELCase("r'''raw\\'''", "raw\\"),
        CELCase("b'\\xff\\x00'", "/wA="),
        CELCase("b'abc'", "YWJj"),
        CELCase("rb'\\x'", "XHg="),
        CELCase("'héllo wörld'", "héllo wörld"),
        CELCase("  1 // a comment\n + 1", 2),
    ]

    @Test("Literals", arguments: literals)
    func literalTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let collections: [CELCase] = [
        CELCase("[]", []),
        CELCase("[1, 'a', true, null, 2.5]", [1, "a", true, nil, 2.5]),
        CELCase("[1, 2,]", [1, 2]),
        CELCase("[[1], [2, [3]]]", [[1], [2, [3]]]),
        CELCase("{}", [:]),
        CELCase("{'a': 1, 'b': [true]}", ["a": 1, "b": [true]]),
        CELCase("{'a': 1,}", ["a": 1]),
        CELCase("{'k' + 'ey': 1 + 1}", ["key": 2]),
        CELCase("{'a': 1, 'b': 2}['b']", 2),
        CELCase("{'a': 1}.a", 1),
        CELCase("{'a': [1, {'b': true}]}.a[1].b", true),
        CELCase("{1: 'x', 2u: 'y', true: 'z'}[2]", "y"),
        CELCase("{1: 'x'}[1u]", "x"),
        CELCase("{1: 'x'}[1.0]", "x"),
        CELCase("[1, 2, 3][2]", 3),
        CELCase("[1, 2, 3][1u]", 2),
        CELCase("[1, 2, 3][1.0]", 2),
        CELCase("'a' in {'a': 1}", true),
        CELCase("'b' in {'a': 1}", false),
        CELCase("1 in {1u: 'x'}", true),
        CELCase("2 in [1, 2]", true),
        CELCase("2.0 in [1, 2]", true),
        CELCase("'x' in ['y']", false),
        CELCase("[1] in [[1], [2]]", true),
        CELCase("null in [null]", true),
        CELCase("[1, 2] == [1, 2] && {'a': [1]} == {'a': [1]}", true),
    ]

    @Test("List and map literals, member access, indexing and in", arguments: collections)
    func collectionTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let collectionErrors: [CELErrorCase] = [
        CELErrorCase("[1][5]", "index 5 out of range for a list of size 1", column: 4),
        CELErrorCase("[1][-1]", "index -1 out of range for a list of size 1", column: 4),
        CELErrorCase("[1][0.5]", "a list index must be a whole number, found 0.5", column: 4),
        CELErrorCase("[1]['a']", "a list cannot be indexed with string 'a'", column: 4),
        CELErrorCase("{'a': 1}['b']", "no such key 'b' in map (keys: 'a')", column: 9),
        CELErrorCase("{}.x", "no such key 'x' in map (the map is empty)", column: 4),
        CELErrorCase("{'a': 1}[[1]]", "a map cannot be indexed with list [<1 elements>]", column: 9),
        CELErrorCase("'abc'[0]", "cannot index string 'abc' with int 0", column: 6),
        CELErrorCase("'abc'.size", "cannot select field 'size' from string 'abc'", column: 7),
        CELErrorCase("{'a': 1, 'a': 2}", "repeated key 'a' in a map literal", column: 10),
        CELErrorCase("{[1]: 2}", "a map key must be a bool, int, uint or string, found list", column: 2),
        CELErrorCase("{1.5: 2}", "a map key must be a bool, int, uint or string, found double", column: 2),
        CELErrorCase("x.y", "undeclared reference to 'x'", column: 1),
    ]

    @Test("Collection errors", arguments: collectionErrors)
    func collectionErrorTable(_ test: CELErrorCase) {
        let error = celError(test.source)
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
    }

    @Test("Results without a JSON form are errors; uint and bytes convert")
    func resultConversion() throws {
        #expect(celError("{1: 'a'}")?.message == "the result: a map with int keys has no JSON form")
        #expect(celError("int")?.message == "the result: the type value 'int' has no JSON form")
        #expect(try celEval("18446744073709551615u") == .double(18_446_744_073_709_551_615.0))
    }

    @Test("Bindings are JSON values; integers stay int and doubles double")
    func bindings() throws {
        let bindings: [String: JSONValue] = ["n": 5, "d": 5.0, "s": ["k": [1, 2]], "b": true, "z": nil]
        #expect(try celEval("n + 1", bindings) == 6)
        #expect(try celEval("d + 1.0", bindings) == 6.0)
        #expect(try celEval("n == d && type(n) == int && type(d) == double", bindings) == true)
        #expect(try celEval("s.k[1] + n", bindings) == 7)
        #expect(try celEval("b && z == null", bindings) == true)
        #expect(try celEval("s", bindings) == ["k": [1, 2]])
        #expect(celError("n + 1.0", bindings)?.message == "no matching overload for '+' applied to (int, double)")
    }
}
