import Foundation
import KFPCEL
import KFPSpec
import Testing

/// No input crashes the compiler or the evaluator: truncated and mutated expressions, deep
/// nesting, long chains and huge inputs all end in a value or a ``CELError``.
@Suite("CEL robustness")
struct CELRobustnessTests {
    static let corpus: [String] = CELConditionTests.cases.map(\.condition) + [
        #"parseJson(string_value)["A_a"]"#,
        "int('7') + int(5.0) * -3 % 4 - (2 / 1)",
        "[1, 2u, 3.5, 'x', b'\\xff', null, true][1] in {2: 'two', 'k': [1]}",
        "{'a': {'b': [1, 2, 3]}}.a.b.map(x, x * 2).exists(y, y > 4) ? 'yes' : \"no\"",
        "'''multi\nline''' + r'raw\\d' + 'esc\\u00e9\\x41\\101'",
        "has(inputs.parameter_values.x) && inputs.parameter_values.x.startsWith('a') || size(inputs.artifacts) == 0",
        "[1, 2, 3].filter(x, x > 1).all(x, x > 1) && [1].exists_one(x, x == 1) && 'abc'.matches('^a.c$')",
        "string(1.5e-7) + string(0x1Fu) + string(bool('true')) + string(type(1))",
        "!(-9223372036854775808 < 0) || double('1e3') >= 1e3 // trailing comment",
    ]

    static let bindings: [String: JSONValue] = [
        "string_value": #"{"A_a": 1}"#,
        "inputs": ["parameter_values": ["x": "abc", "pipelinechannel--flip-coin-Output": "heads"], "artifacts": [:]],
    ]

    /// Compiles and, when that works, evaluates; only a crash would fail this.
    private func exercise(_ source: String) {
        guard let program = try? CELProgram(source) else { return }
        _ = try? program.evaluate(Self.bindings)
        _ = try? program.evaluateCondition(parameterValues: ["x": 1])
        _ = try? program.select(from: ["A_a": [1, 2]])
    }

    @Test("The corpus compiles")
    func corpusCompiles() throws {
        for source in Self.corpus { _ = try CELProgram(source) }
        #expect(try CELProgram(Self.corpus[Self.corpus.count - 1]).evaluate([:]) == true)
    }

    @Test("Every truncation of every valid expression compiles or fails cleanly")
    func truncations() {
        var attempts = 0
        for source in Self.corpus {
            let scalars = Array(source.unicodeScalars)
            for length in 0...scalars.count {
                for piece in [scalars[..<length], scalars[length...]] {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: piece)
                    exercise(String(view))
                    attempts += 1
                }
            }
        }
        #expect(attempts > 1_000)
    }

    @Test("Random mutations compile or fail cleanly")
    func mutations() {
        var random = CELSeededRandom(seed: 0xCE1)
        let alphabet = Array("()[]{}.,:?!-+*/%<>=&|'\"\\ruxb0123456789eE_ainsz \n\u{0}é😀".unicodeScalars)
        for _ in 0..<4_000 {
            guard var scalars = Self.corpus.randomElement(using: &random).map({ Array($0.unicodeScalars) }) else { continue }
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: position)
                case 1 where position < scalars.count: scalars.remove(at: position)
                default:
                    if position < scalars.count {
                        scalars[position] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                    }
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            exercise(String(view))
        }
    }

    static let tooDeep: [String] = [
        String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "(", count: 10_000),
        String(repeating: "[", count: 10_000),
        String(repeating: "{1:", count: 10_000),
        String(repeating: "f(", count: 10_000),
        String(repeating: "a[", count: 10_000),
        String(repeating: "true ? 1 : ", count: 5_000) + "2",
        "1" + String(repeating: " + 1", count: 20_000),
        "a" + String(repeating: ".b", count: 20_000),
        "a" + String(repeating: "[0]", count: 20_000),
        String(repeating: "x && ", count: 10_000) + "x",
        "x" + String(repeating: ".size()", count: 10_000),
        String(repeating: "-(", count: 10_000),
    ]

    @Test("Deep nesting is an error, not a stack overflow", arguments: tooDeep.indices)
    func deepNesting(_ index: Int) {
        let error = #expect(throws: CELError.self) { try CELProgram(Self.tooDeep[index]) }
        #expect(error?.message == "expression nests deeper than 64 levels")
        #expect(error?.phase == .syntax)
    }

    @Test("Nesting up to the limit works; one level more does not")
    func nestingAtTheLimit() throws {
        let limit = CELProgram.maxDepth
        #expect(limit == 64)
        // The whole expression is one level; each parenthesis, list or call nests one more.
        let parens = String(repeating: "(", count: limit - 1) + "1" + String(repeating: ")", count: limit - 1)
        #expect(try celEval(parens) == 1)
        #expect(celError("(" + parens + ")")?.message == "expression nests deeper than 64 levels")
        // Each operator makes the tree one level taller.
        #expect(try celEval("1" + String(repeating: " + 1", count: limit - 1)) == .int(limit))
        #expect(celError("1" + String(repeating: " + 1", count: limit))?.message == "expression nests deeper than 64 levels")
        var lists: JSONValue = []
        for _ in 0..<(limit - 2) { lists = [lists] }
        #expect(try celEval(String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1)) == lists)
        // Runs of ! and - are read in a loop, not recursively.
        #expect(try celEval(String(repeating: "!", count: 50_001) + "false") == true)
        #expect(try celEval(String(repeating: "-", count: 50_001) + "(5)") == -5)
    }

    @Test("Over-long expressions and deeply nested bindings are errors")
    func limits() {
        let long = String(repeating: "1 + ", count: 30_000) + "1"
        #expect(celError(long)?.message == "expression is longer than 100000 characters")
        var nested: JSONValue = 1
        for _ in 0..<300 { nested = [nested] }
        #expect(celError("v", ["v": nested])?.message == "variable 'v': value nests deeper than 200 levels")
    }

    @Test("Concatenation that would exhaust memory is an error")
    func concatenationLimit() throws {
        var doubling = "'0123456789'"
        for _ in 0..<19 { doubling = "[\(doubling)].map(x, x + x)[0]" }
        #expect(try celEval("size(\(doubling))") == .int(10 << 19))
        doubling = "[\(doubling)].map(x, x + x)[0]"
        #expect(celError(doubling)?.message == "'+' would make a string of more than 10000000 bytes")
    }

    /// Runs `body` on a thread with a small stack, as a worker pool might give the runner.
    private func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
    }

    @Test("The deepest accepted expressions and values work on a 512 KiB stack")
    func smallStack() {
        let limit = CELProgram.maxDepth
        let negations = String(repeating: "-(", count: limit - 1) + "1" + String(repeating: ")", count: limit - 1)
        let sums = String(repeating: "(1 + ", count: limit - 1) + "1" + String(repeating: ")", count: limit - 1)
        let chain = "1" + String(repeating: " + 1", count: limit - 1)
        let calls = String(repeating: "int(", count: limit - 1) + "1" + String(repeating: ")", count: limit - 1)
        let indexes = "x" + String(repeating: "[0]", count: limit - 1)
        let macros = String(repeating: "[1].all(x, ", count: limit - 2) + "true" + String(repeating: ")", count: limit - 2)
        let json = String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
        var nested: JSONValue = 1
        for _ in 0..<(limit - 1) { nested = [nested] }
        let x = nested
        let result = ResultBox()
        onSmallStack {
            result.values = [negations, sums, chain, calls, macros].map { source in (try? celEval(source)).map { "\($0)" } }
            result.values.append((try? celEval(indexes, ["x": x])).map { "\($0)" })
            result.values.append((try? CELProgram.selectField("parseJson(string_value) == parseJson(string_value)", from: .string(json))).map { "\($0)" })
            result.values.append((try? CELProgram.selectField("parseJson(string_value)", from: .string(json))) == nil ? "failed" : "ok")
            for source in Self.tooDeep { _ = try? CELProgram(source) }
        }
        #expect(result.values == ["int(-1)", "int(64)", "int(64)", "int(1)", "bool(true)", "int(1)", "bool(true)", "ok"])
    }
}

/// Carries a result out of a thread (written once before the semaphore is signalled).
private final class ResultBox: @unchecked Sendable {
    var values: [String?] = []
}
