/// One lexical token of a CEL expression (cel-spec `doc/langdef.md`, "Syntax").
struct CELToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// A decimal or hex integer literal; the magnitude may be 2^63, which only fits negated.
        case int(UInt64)
        /// An integer literal with a `u` suffix.
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case bool(Bool)
        case null
        /// A name: a variable, field or function (reserved words included, rejected by the parser).
        case identifier(String)
        /// An operator or punctuation mark, including the keyword `in`.
        case symbol(CELSymbol)
        case end
    }

    let kind: Kind
    /// The 0-based offset of the first Unicode scalar.
    let offset: Int
    /// The number of Unicode scalars the token spans.
    let length: Int

    /// Whether this is the given operator or punctuation mark.
    func `is`(_ symbol: CELSymbol) -> Bool { kind == .symbol(symbol) }

    /// Whether this is an `int` or `double` literal (which a `-` directly before negates).
    var isNumber: Bool {
        switch kind {
        case .int, .double: return true
        default: return false
        }
    }

    /// The name, when this is an identifier.
    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// CEL's reserved words: not usable as identifiers or field names.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    /// The token as an error message shows it: its source text in quotes, or `end of expression`.
    func describe(in scalars: [Unicode.Scalar]) -> String {
        guard kind != .end, offset >= 0, offset < scalars.count else { return "end of expression" }
        let end = min(offset + length, scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[offset..<min(end, offset + 30)])
        let ellipsis = end > offset + 30 ? "..." : ""
        switch kind {
        case .string, .bytes: return "string \(String(view))\(ellipsis)"
        case .int, .uint, .double: return "number '\(String(view))'"
        default: return "'\(String(view))\(ellipsis)'"
        }
    }
}

/// CEL's operators and punctuation marks.
enum CELSymbol: String, Sendable {
    case or = "||", and = "&&", not = "!"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in"
    case plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"
    case question = "?", colon = ":", dot = ".", comma = ","
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"

    /// The binary operator this symbol stands for, if any.
    var binaryOperator: CELBinaryOperator? {
        switch self {
        case .or: return .or
        case .and: return .and
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .in: return .in
        case .plus: return .add
        case .minus: return .subtract
        case .times: return .multiply
        case .divide: return .divide
        case .remainder: return .remainder
        default: return nil
        }
    }
}
