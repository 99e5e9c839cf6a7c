/// Why a CEL expression could not be compiled or evaluated.
///
/// KFP's driver reports CEL problems in two stages: the expression is compiled first (syntax
/// errors, unknown functions) and evaluated afterwards (missing keys, failed conversions,
/// overflow). ``phase`` tells which stage failed. ``column`` (and ``line``) point into
/// ``expression``, counting Unicode scalars from 1, when the place is known.
package struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stage at which the expression failed.
    package enum Phase: String, Sendable, Hashable {
        /// The text is not a valid CEL expression (reported before anything runs).
        case syntax
        /// The expression is valid but failed while running over the given values.
        case evaluation
    }

    /// The CEL source text.
    package let expression: String
    /// Whether parsing or evaluation failed.
    package let phase: Phase
    /// The 1-based line of the problem, when known.
    package let line: Int?
    /// The 1-based column (in Unicode scalars) of the problem on its line, when known.
    package let column: Int?
    /// What was expected and what was found, e.g. `expected ')' but found end of expression`.
    package let message: String

    /// Creates an error; `offset` is the 0-based scalar offset into `expression`.
    init(_ message: String, phase: Phase, offset: Int?, in expression: String) {
        self.expression = expression
        self.phase = phase
        self.message = message
        guard let offset else {
            line = nil
            column = nil
            return
        }
        var line = 1
        var column = 1
        for scalar in expression.unicodeScalars.prefix(max(offset, 0)) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    package var description: String {
        var text = phase == .syntax ? "invalid CEL expression" : "CEL evaluation failed"
        if let line, let column {
            text += line > 1 ? " at line \(line), column \(column)" : " at column \(column)"
        }
        return "\(text): \(message) (in `\(Self.abbreviated(expression))`)"
    }

    private static func abbreviated(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 200 else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(200))
        return String(view) + "…"
    }
}

/// A failure inside an operator or function, before the evaluator attaches the source position.
struct CELFailure: Error, Sendable {
    let message: String

    init(_ message: String) { self.message = message }

    /// The CEL spec's "no matching overload" error, naming the argument types.
    static func noOverload(_ function: String, _ arguments: CELValue...) -> CELFailure {
        noOverload(function, arguments)
    }

    static func noOverload(_ function: String, _ arguments: [CELValue]) -> CELFailure {
        let types = arguments.map(\.typeName).joined(separator: ", ")
        return CELFailure("no matching overload for '\(function)' applied to (\(types))")
    }
}
