import KFPCEL
import KFPSpec
import Testing

/// Malformed expressions are rejected when compiled, with what was expected, what was found and
/// the column, as KFP's compile step (cel-go `Compile`) rejects them before a task runs.
@Suite("CEL syntax errors")
struct CELSyntaxErrorTests {
    static let cases: [CELErrorCase] = [
        CELErrorCase("(1 + 2", "expected ')' to close '(' at column 1 but found end of expression", column: 7),
        CELErrorCase("int(inputs.x", "expected ',' or ')' to close '(' at column 4 but found end of expression", column: 13),
        CELErrorCase("1 + 2)", "unexpected ')' after the end of the expression", column: 6),
        CELErrorCase("1 2", "unexpected number '2' after the end of the expression", column: 3),
        CELErrorCase("a b", "unexpected 'b' after the end of the expression", column: 3),
        CELErrorCase("foo(1)", "unknown function 'foo'", column: 1),
        CELErrorCase("x.bogus()", "unknown function 'bogus'", column: 3),
        CELErrorCase("contains('a')", "unknown function 'contains'; it is called as a method, e.g. x.contains(...)", column: 1),
        CELErrorCase("size(x).int()", "unknown method 'int'; it is called as a function, e.g. int(x)", column: 9),
        CELErrorCase("int(1, 2)", "int() takes 1 argument but was given 2", column: 1),
        CELErrorCase("'a'.startsWith()", "startsWith() takes 1 argument but was given 0", column: 5),
        CELErrorCase("[1].all(x)", "all() takes 2 arguments but was given 1", column: 5),
        CELErrorCase("[1].map(x, x, x, x)", "map() takes 2 or 3 arguments but was given 4", column: 5),
        CELErrorCase("[1].map(1, 2)", "map() needs a variable name first, e.g. list.map(x, x > 0)", column: 9),
        CELErrorCase("has(a)", "has() takes one field selection, such as has(m.key)", column: 1),
        CELErrorCase("'abc", "unterminated string literal", column: 1),
        CELErrorCase("x == \"abc", "unterminated string literal", column: 6),
        CELErrorCase("'''abc''", "unterminated string literal", column: 1),
        CELErrorCase("'line\nbreak'", "unterminated string literal (a line break needs ''' or \"\"\" quotes)", column: 1),
        CELErrorCase("'\\q'", "invalid escape sequence '\\q'", column: 2),
        CELErrorCase("'\\x4'", "invalid escape: \\x needs 2 hex digits", column: 2),
        CELErrorCase("'\\uD800'", "invalid escape: U+D800 is not a valid code point", column: 2),
        CELErrorCase("b'\\u00e9'", "invalid escape: \\u is not allowed in bytes literals", column: 3),
        CELErrorCase("a = 1", "unexpected '='; did you mean '=='?", column: 3),
        CELErrorCase("a & b", "unexpected '&'; did you mean '&&'?", column: 3),
        CELErrorCase("1 # 2", "unexpected character '#'", column: 3),
        CELErrorCase("1 +", "expected an expression but found end of expression", column: 4),
        CELErrorCase("", "expected an expression but found end of expression", column: 1),
        CELErrorCase("   ", "expected an expression but found end of expression", column: 4),
        CELErrorCase("-", "expected an expression but found end of expression", column: 2),
        CELErrorCase("f(", "expected an expression but found end of expression", column: 3),
        CELErrorCase("(,)", "expected an expression but found ','", column: 2),
        CELErrorCase("a.", "expected a field name after '.' but found end of expression", column: 3),
        CELErrorCase(".", "expected a name after a leading '.' but found end of expression", column: 2),
        CELErrorCase("a[1", "expected ']' to close '[' at column 2 but found end of expression", column: 4),
        CELErrorCase("[1, 2", "expected ',' or ']' to close '[' at column 1 but found end of expression", column: 6),
        CELErrorCase("{'a' 1}", "expected ':' after a map key but found number '1'", column: 6),
        CELErrorCase("{'a': 1", "expected ',' or '}' to close '{' at column 1 but found end of expression", column: 8),
        CELErrorCase("true ? 1", "expected ':' of the conditional at column 6 but found end of expression", column: 9),
        CELErrorCase("if", "'if' is a reserved word and cannot be used as a name", column: 1),
        CELErrorCase("a.while", "'while' is a reserved word and cannot be used as a name", column: 3),
        CELErrorCase("99999999999999999999", "integer literal 99999999999999999999 is out of range", column: 1),
        CELErrorCase("9223372036854775808", "integer literal 9223372036854775808 is out of range", column: 1),
        CELErrorCase("-9223372036854775809", "integer literal -9223372036854775809 is out of range", column: 2),
        CELErrorCase("1e999", "double literal 1e999 is out of range", column: 1),
        CELErrorCase("0x", "expected hex digits after '0x'", column: 1),
        CELErrorCase("Foo{a: 1}", "creating messages (Type{field: value}) is not supported", column: 4),
        CELErrorCase("1..2", "expected a field name after '.' but found number '.2'", column: 3),
    ]

    @Test("Malformed expressions", arguments: cases)
    func malformed(_ test: CELErrorCase) {
        let error = #expect(throws: CELError.self) { try CELProgram(test.source) }
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
        #expect(error?.line == 1 || test.source.contains("\n"))
        #expect(error?.phase == .syntax)
        #expect(error?.expression == test.source)
    }

    @Test("Errors on later lines give the line and the column on it")
    func multiLine() {
        let error = #expect(throws: CELError.self) { try CELProgram("1 +\n  (2") }
        #expect(error?.line == 2)
        #expect(error?.column == 5)
        #expect(error?.description == "invalid CEL expression at line 2, column 5: expected ')' to close '(' at column 3 but found end of expression (in `1 +\n  (2`)")
    }

    @Test("Descriptions name the phase, the column, the message and the expression")
    func descriptions() {
        #expect(celError("(1 + 2")?.description
            == "invalid CEL expression at column 7: expected ')' to close '(' at column 1 but found end of expression (in `(1 + 2`)")
        #expect(celError("int('abc')")?.description
            == "CEL evaluation failed at column 1: int(): cannot convert 'abc' to int (in `int('abc')`)")
        #expect(celError("{1: 2}")?.description
            == "CEL evaluation failed: the result: a map with int keys has no JSON form (in `{1: 2}`)")
    }
}
