import KFPCEL
import KFPSpec
import Testing

/// Conversions, string functions, size(), has() and the comprehension macros, with cel-go's results.
@Suite("CEL functions")
struct CELFunctionTests {
    static let conversions: [CELCase] = [
        CELCase("int(5.0)", 5),
        CELCase("int(5.9)", 5),
        CELCase("int(-5.9)", -5),
        CELCase("int('7')", 7),
        CELCase("int('-7')", -7),
        CELCase("int('+7')", 7),
        CELCase("int(7u)", 7),
        CELCase("int(7)", 7),
        CELCase("uint(5)", 5),
        CELCase("uint(5.7)", 5),
        CELCase("uint('18446744073709551615') == 18446744073709551615u", true),
        CELCase("double(5)", 5.0),
        CELCase("double(5u)", 5.0),
        CELCase("double('2.5')", 2.5),
        CELCase("double('1e3')", 1000.0),
        CELCase("double('-0.25')", -0.25),
        CELCase("double('inf') > 1e308", true),
        CELCase("string(5)", "5"),
        CELCase("string(-5)", "-5"),
        CELCase("string(5u)", "5"),
        CELCase("string(1.5)", "1.5"),
        CELCase("string(1.0)", "1"),
        CELCase("string(-2.5)", "-2.5"),
        CELCase("string(100000.0)", "100000"),
        CELCase("string(1e6)", "1e+06"),
        CELCase("string(1234567.0)", "1.234567e+06"),
        CELCase("string(0.0001)", "0.0001"),
        CELCase("string(0.00001)", "1e-05"),
        CELCase("string(1e100)", "1e+100"),
        CELCase("string(0.1 + 0.2)", "0.30000000000000004"),
        CELCase("string(true)", "true"),
        CELCase("string('s')", "s"),
        CELCase("string(b'\\xc3\\xa9')", "é"),
        CELCase("string(int)", "int"),
        CELCase("bool('true')", true),
        CELCase("bool('True')", true),
        CELCase("bool('1')", true),
        CELCase("bool('F')", false),
        CELCase("bool(false)", false),
        CELCase("bytes('é') == b'\\xc3\\xa9'", true),
        CELCase("dyn(3)", 3),
    ]

    @Test("Type conversions", arguments: conversions)
    func conversionTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let conversionErrors: [CELErrorCase] = [
        CELErrorCase("int('abc')", "int(): cannot convert 'abc' to int", column: 1),
        CELErrorCase("int('7.0')", "int(): cannot convert '7.0' to int", column: 1),
        CELErrorCase("int('')", "int(): cannot convert '' to int", column: 1),
        CELErrorCase("int(' 7')", "int(): cannot convert ' 7' to int", column: 1),
        CELErrorCase("int(1e19)", "int(): 1e+19 is out of the int range", column: 1),
        CELErrorCase("int(double('NaN'))", "int(): NaN is out of the int range", column: 1),
        CELErrorCase("int(18446744073709551615u)", "int(): 18446744073709551615u is out of the int range", column: 1),
        CELErrorCase("int(true)", "no matching overload for 'int' applied to (bool)", column: 1),
        CELErrorCase("1 + int(null)", "no matching overload for 'int' applied to (null_type)", column: 5),
        CELErrorCase("uint(-1)", "uint(): -1 is out of the uint range", column: 1),
        CELErrorCase("uint('x')", "uint(): cannot convert 'x' to uint", column: 1),
        CELErrorCase("uint(-0.5)", "uint(): -0.5 is out of the uint range", column: 1),
        CELErrorCase("double('x')", "double(): cannot convert 'x' to double", column: 1),
        CELErrorCase("double(' 1')", "double(): cannot convert ' 1' to double", column: 1),
        CELErrorCase("double([])", "no matching overload for 'double' applied to (list)", column: 1),
        CELErrorCase("string(null)", "no matching overload for 'string' applied to (null_type)", column: 1),
        CELErrorCase("string(b'\\xff')", "string(): the bytes are not valid UTF-8", column: 1),
        CELErrorCase("bool('yes')", "bool(): cannot convert 'yes' to bool", column: 1),
        CELErrorCase("bool(1)", "no matching overload for 'bool' applied to (int)", column: 1),
    ]

    @Test("Conversion errors", arguments: conversionErrors)
    func conversionErrorTable(_ test: CELErrorCase) {
        let error = celError(test.source)
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
        #expect(error?.phase == .evaluation)
    }

    static let strings: [CELCase] = [
        CELCase("'hello'.contains('ell')", true),
        CELCase("'hello'.contains('')", true),
        CELCase("'hello'.contains('xyz')", false),
        CELCase("'hello'.startsWith('he')", true),
        CELCase("'hello'.startsWith('lo')", false),
        CELCase("'hello'.endsWith('lo')", true),
        CELCase("'hello'.endsWith('he')", false),
        CELCase("'hello'.matches('^h.*o$')", true),
        CELCase("'hello'.matches('l+')", true),
        CELCase("'hello'.matches('^l')", false),
        CELCase("matches('abc', '^a[a-c]+$')", true),
        CELCase("'model-v2'.matches('v[0-9]$') && !'model'.matches('[0-9]')", true),
        CELCase("size('héllo')", 5),
        CELCase("'héllo'.size()", 5),
        CELCase("size('')", 0),
        CELCase("size([1, 2])", 2),
        CELCase("[1, 2, 3].size()", 3),
        CELCase("size({'a': 1})", 1),
        CELCase("size(b'ab')", 2),
    ]

    @Test("String functions and size()", arguments: strings)
    func stringTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let functionErrors: [CELErrorCase] = [
        CELErrorCase("size(1)", "no matching overload for 'size' applied to (int)", column: 1),
        CELErrorCase("'a'.contains(1)", "no matching overload for 'contains' applied to (string, int)", column: 5),
        CELErrorCase("[1].startsWith('a')", "no matching overload for 'startsWith' applied to (list, string)", column: 5),
        CELErrorCase("'a'.matches('(')", "matches(): invalid regular expression '('", column: 5),
        CELErrorCase("parseJson(1)", "no matching overload for 'parseJson' applied to (int)", column: 1),
        CELErrorCase("has(1.a)", "has() cannot test field 'a' of int 1", column: 1),
        CELErrorCase("[1].all(x, x)", "a predicate must give a bool, found int 1", column: 12),
        CELErrorCase("1.all(x, x)", "all() cannot iterate over int", column: 3),
    ]

    @Test("Function errors", arguments: functionErrors)
    func functionErrorTable(_ test: CELErrorCase) {
        let error = celError(test.source)
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
    }

    static let macros: [CELCase] = [
        CELCase("has({'a': 1}.a)", true),
        CELCase("has({'a': 1}.b)", false),
        CELCase("[1, 2, 3].map(x, x * 2)", [2, 4, 6]),
        CELCase("[1, 2, 3].map(x, x > 1, x * 10)", [20, 30]),
        CELCase("[1, 2, 3].filter(x, x > 1)", [2, 3]),
        CELCase("[1, 2, 3].all(x, x > 0)", true),
        CELCase("[1, 2, 3].all(x, x > 1)", false),
        CELCase("[1, 2, 3].exists(x, x > 2)", true),
        CELCase("[].exists(x, x)", false),
        CELCase("[].all(x, x)", true),
        CELCase("[1, 2, 3].exists_one(x, x >= 2)", false),
        CELCase("[1, 2, 3].exists_one(x, x == 2)", true),
        CELCase("{'a': 1, 'b': 2}.map(k, k)", ["a", "b"]),
        CELCase("{'a': 1, 'b': 2}.filter(k, k == 'b')", ["b"]),
        CELCase("[[1, 2], [3]].map(l, l.map(x, x + 1))", [[2, 3], [4]]),
        CELCase("[1, 2].map(x, [3].map(x, x))", [[3], [3]]),
    ]

    @Test("Macros: has, all, exists, exists_one, map, filter", arguments: macros)
    func macroTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    @Test("Comprehension variables shadow bindings only inside the macro")
    func shadowing() throws {
        #expect(try celEval("[1, 2].map(x, x + y) + [x]", ["x": 10, "y": 100]) == [101, 102, 10])
    }
}
