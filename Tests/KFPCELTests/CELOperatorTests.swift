import KFPCEL
import KFPSpec
import Testing

/// Precedence, short-circuit evaluation, equality and arithmetic, with cel-go's results.
@Suite("CEL operators")
struct CELOperatorTests {
    static let precedence: [CELCase] = [
        CELCase("1 + 2 * 3", 7),
        CELCase("(1 + 2) * 3", 9),
        CELCase("10 - 4 - 3", 3),
        CELCase("100 / 10 / 5", 2),
        CELCase("7 % 4 * 2", 6),
        CELCase("-2 * 3", -6),
        CELCase("2 - -3", 5),
        CELCase("-(-5)", 5),
        CELCase("--5", 5),
        CELCase("!!true", true),
        CELCase("!true || true", true),
        CELCase("true || false && false", true),
        CELCase("false && true || true", true),
        CELCase("!(false || true)", false),
        CELCase("1 < 2 == true", true),
        CELCase("1 + 1 == 2 && 2 * 2 == 4", true),
        CELCase("3 > 2 > false", true),
        CELCase("true ? 1 : 2 + 10", 1),
        CELCase("false ? 1 : 2 + 10", 12),
        CELCase("false ? 1 : true ? 2 : 3", 2),
        CELCase("1 < 2 ? 'yes' : 'no'", "yes"),
        CELCase("1 in [1, 2] && 3 in [1, 2]", false),
        CELCase("'a' + 'b' == 'ab'", true),
        CELCase("-[1, 2][1]", -2),
        CELCase("!{'a': false}.a", true),
        CELCase("2 * 3 % 4", 2),
        CELCase("1 + 2 in [3]", true),
    ]

    @Test("Precedence and associativity", arguments: precedence)
    func precedenceTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let shortCircuit: [CELCase] = [
        CELCase("false && 1/0 == 1", false),
        CELCase("1/0 == 1 && false", false),
        CELCase("true || 1/0 == 1", true),
        CELCase("1/0 == 1 || true", true),
        CELCase("false && 'x'", false),
        CELCase("'x' && false", false),
        CELCase("'x' || true", true),
        CELCase("false && missing.field", false),
        CELCase("missing || true", true),
        CELCase("true ? 1 : 1/0", 1),
        CELCase("false ? 1/0 : 2", 2),
        CELCase("[1, 2].exists(x, x == 2 || 1/0 == 1)", true),
        CELCase("[0, -1].all(x, 1 / x > 0)", false),
        CELCase("[0, 1].exists(x, 1 / x > 0)", true),
    ]

    @Test("&& and || short-circuit and absorb errors the CEL way", arguments: shortCircuit)
    func shortCircuitTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let shortCircuitErrors: [CELErrorCase] = [
        CELErrorCase("true && 1/0 == 1", "division by zero", column: 10),
        CELErrorCase("false || 1/0 == 1", "division by zero", column: 11),
        CELErrorCase("1/0 == 1 && 2/0 == 1", "division by zero", column: 2),
        CELErrorCase("true && 'x'", "'&&' needs bool operands, found string 'x'", column: 9),
        CELErrorCase("[0, 1].all(x, 1 / x > 0)", "division by zero", column: 17),
        CELErrorCase("1 ? 2 : 3", "the condition of '?:' must be a bool, found int", column: 3),
    ]

    @Test("Errors that nothing absorbs", arguments: shortCircuitErrors)
    func unabsorbed(_ test: CELErrorCase) {
        let error = celError(test.source)
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
        #expect(error?.phase == .evaluation)
    }

    static let equality: [CELCase] = [
        CELCase("1 == 1.0", true),
        CELCase("1u == 1", true),
        CELCase("1u == 1.0", true),
        CELCase("1 != 1.0", false),
        CELCase("1 == '1'", false),
        CELCase("'a' == true", false),
        CELCase("'a' != true", true),
        CELCase("null == null", true),
        CELCase("null == 0", false),
        CELCase("[1, 2] == [1.0, 2u]", true),
        CELCase("[1, 2] == [1, 2, 3]", false),
        CELCase("{'a': 1} == {'a': 1.0}", true),
        CELCase("{'a': 1} == {'b': 1}", false),
        CELCase("{1: 'x'} == {1u: 'x'}", true),
        CELCase("[] == {}", false),
        CELCase("b'abc' == bytes('abc')", true),
        CELCase("double('NaN') == double('NaN')", false),
        CELCase("type(1) == int", true),
        CELCase("type('a') == string && type(1.5) == double && type([]) == list && type({}) == map", true),
        CELCase("type(null) == null_type && type(true) == bool && type(1u) == uint && type(int) == type", true),
    ]

    @Test("Heterogeneous equality", arguments: equality)
    func equalityTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let ordering: [CELCase] = [
        CELCase("2 < 2.5", true),
        CELCase("3u > 2", true),
        CELCase("-1 < 1u", true),
        CELCase("2.0 >= 2", true),
        CELCase("9223372036854775807 < 9223372036854775808.0", true),
        CELCase("-9223372036854775808 <= -9223372036854775808.0", true),
        CELCase("'abc' < 'abd'", true),
        CELCase("'Z' < 'a'", true),
        CELCase("'' < 'a'", true),
        CELCase("false < true", true),
        CELCase("b'a' < b'b'", true),
        CELCase("double('NaN') < 1.0", false),
    ]

    @Test("Ordering across numeric types and within other types", arguments: ordering)
    func orderingTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let arithmetic: [CELCase] = [
        CELCase("7 / 2", 3),
        CELCase("-7 / 2", -3),
        CELCase("-7 % 3", -1),
        CELCase("7u / 2u", 3),
        CELCase("1.5 * 2.0", 3.0),
        CELCase("1.0 / 4.0", 0.25),
        CELCase("-9223372036854775808", .int(Int.min)),
        CELCase("9223372036854775807", .int(Int.max)),
        CELCase("0x1Fu + 0x10u == 47u && 0x1F == 31", true),
        CELCase("'ab' + 'cd'", "abcd"),
        CELCase("[1] + [2, 3]", [1, 2, 3]),
        CELCase("[] + []", []),
        CELCase("1e3", 1000.0),
        CELCase(".5 + 2.5e-1", 0.75),
        CELCase("-0.5", -0.5),
        CELCase("1.0 / 0.0 > 1e308", true),
    ]

    @Test("Arithmetic", arguments: arithmetic)
    func arithmeticTable(_ test: CELCase) throws {
        #expect(try celEval(test.source) == test.expected)
    }

    static let arithmeticErrors: [CELErrorCase] = [
        CELErrorCase("9223372036854775807 + 1", "integer overflow in '+'", column: 21),
        CELErrorCase("-9223372036854775808 - 1", "integer overflow in '-'", column: 22),
        CELErrorCase("-9223372036854775808 / -1", "integer overflow in '/'", column: 22),
        CELErrorCase("-(-9223372036854775808)", "integer overflow in '-'", column: 1),
        CELErrorCase("4611686018427387904 * 2", "integer overflow in '*'", column: 21),
        CELErrorCase("0u - 1u", "unsigned integer overflow in '-'", column: 4),
        CELErrorCase("5 % 0", "modulus by zero", column: 3),
        CELErrorCase("5 / 0", "division by zero", column: 3),
        CELErrorCase("1 + 1.0", "no matching overload for '+' applied to (int, double)", column: 3),
        CELErrorCase("1 + 1u", "no matching overload for '+' applied to (int, uint)", column: 3),
        CELErrorCase("'a' * 2", "no matching overload for '*' applied to (string, int)", column: 5),
        CELErrorCase("1.5 % 1.0", "no matching overload for '%' applied to (double, double)", column: 5),
        CELErrorCase("'a' < 1", "no matching overload for '<' applied to (string, int)", column: 5),
        CELErrorCase("[1] < [2]", "no matching overload for '<' applied to (list, list)", column: 5),
        CELErrorCase("-'a'", "no matching overload for '-' applied to (string)", column: 1),
        CELErrorCase("!1", "no matching overload for '!' applied to (int)", column: 1),
        CELErrorCase("-1u", "no matching overload for '-' applied to (uint)", column: 1),
        CELErrorCase("1 in 1", "no matching overload for 'in' applied to (int, int)", column: 3),
    ]

    @Test("Arithmetic and comparison errors", arguments: arithmeticErrors)
    func arithmeticErrorTable(_ test: CELErrorCase) {
        let error = celError(test.source)
        #expect(error?.message == test.message)
        #expect(error?.column == test.column)
    }
}
