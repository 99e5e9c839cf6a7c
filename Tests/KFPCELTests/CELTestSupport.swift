import KFPCEL
import KFPSpec
import Testing

/// Compiles and evaluates `source` with `bindings`.
func celEval(_ source: String, _ bindings: [String: JSONValue] = [:]) throws(CELError) -> JSONValue {
    try CELProgram(source).evaluate(bindings)
}

/// The error compiling or evaluating `source` throws, or `nil` if it succeeds.
func celError(_ source: String, _ bindings: [String: JSONValue] = [:]) -> CELError? {
    do throws(CELError) {
        _ = try CELProgram(source).evaluate(bindings)
        return nil
    } catch {
        return error
    }
}

/// One expression and the JSON value it must give.
struct CELCase: Sendable, CustomTestStringConvertible {
    let source: String
    let expected: JSONValue

    init(_ source: String, _ expected: JSONValue) {
        self.source = source
        self.expected = expected
    }

    var testDescription: String { source }
}

/// One expression and the error it must give: the message, and the 1-based column if known.
struct CELErrorCase: Sendable, CustomTestStringConvertible {
    let source: String
    let message: String
    let column: Int?

    init(_ source: String, _ message: String, column: Int?) {
        self.source = source
        self.message = message
        self.column = column
    }

    var testDescription: String { source }
}

/// A small deterministic random generator (SplitMix64) so fuzz runs are repeatable.
struct CELSeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
