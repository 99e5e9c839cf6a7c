/// A recursive-descent parser for CEL (cel-spec `doc/langdef.md`, "Syntax"), following the
/// grammar and precedence that cel-go, the CEL implementation in KFP's driver, uses:
///
/// ```
/// Expr     = Or ["?" Or ":" Expr]              Relation = Addition {("<"|"<="|">="|">"|"=="|"!="|"in") Addition}
/// Or       = And {"||" And}                    Addition = Multiplication {("+"|"-") Multiplication}
/// And      = Relation {"&&" Relation}          Multiplication = Unary {("*"|"/"|"%") Unary}
/// Unary    = Member | "!" {"!"} Member | "-" {"-"} Member
/// Member   = Primary {"." IDENT ["(" [Args] ")"] | "[" Expr "]"}
/// Primary  = ["."] IDENT ["(" [Args] ")"] | "(" Expr ")" | "[" [Args] [","] "]" | "{" [Entries] [","] "}" | LITERAL
/// ```
///
/// Like cel-go, an even run of `!` or `-` cancels out, `-` directly before a number literal
/// makes a negative literal, and the macros (`has`, `all`, `exists`, `exists_one`, `map`,
/// `filter`) are expanded while parsing. Function names and argument counts are checked here, so
/// a misspelt function is reported before anything runs, as KFP's compile step would.
struct CELParser {
    /// How deeply expressions may nest (parentheses, calls, lists), and how tall the tree may grow.
    static let maxDepth = 100

    private let source: String
    private let scalars: [Unicode.Scalar]
    private let tokens: [CELToken]
    private var index = 0
    private var depth = 0

    private init(source: String, scalars: [Unicode.Scalar], tokens: [CELToken]) {
        self.source = source
        self.scalars = scalars
        self.tokens = tokens
    }

    /// Parses a whole expression; anything after it is an error.
    static func parse(_ source: String) throws(CELError) -> CELNode {
        var lexer = CELLexer(source)
        let tokens = try lexer.tokenize()
        var parser = CELParser(source: source, scalars: lexer.scalars, tokens: tokens)
        let root = try parser.parseExpression()
        guard parser.current.kind == .end else {
            throw parser.error("unexpected \(parser.found) after the end of the expression")
        }
        return root
    }

    // MARK: Tokens

    private var current: CELToken { tokens[min(index, tokens.count - 1)] }
    private var found: String { current.describe(in: scalars) }

    @discardableResult
    private mutating func advance() -> CELToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func consume(_ symbol: String) -> CELToken? {
        current.is(symbol) ? advance() : nil
    }

    private mutating func expect(_ symbol: String) throws(CELError) {
        guard consume(symbol) == nil else { return }
        throw error("expected '\(symbol)' but found \(found)")
    }

    private func error(_ message: String, at offset: Int? = nil) -> CELError {
        CELError(message, phase: .syntax, offset: offset ?? current.offset, in: source)
    }

    /// Makes a node, refusing trees taller than ``maxDepth``.
    private func make(_ kind: CELNode.Kind, at offset: Int) throws(CELError) -> CELNode {
        let node = CELNode(kind, at: offset)
        guard node.height <= Self.maxDepth else {
            throw error("expression nests deeper than \(Self.maxDepth) levels", at: offset)
        }
        return node
    }

    // MARK: Operators

    private static let binaryLevels: [[String: CELBinaryOperator]] = [
        ["||": .or],
        ["&&": .and],
        ["==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "in": .in],
        ["+": .add, "-": .subtract],
        ["*": .multiply, "/": .divide, "%": .remainder],
    ]

    private mutating func parseExpression() throws(CELError) -> CELNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("expression nests deeper than \(Self.maxDepth) levels") }
        let condition = try parseBinary(level: 0)
        guard let question = consume("?") else { return condition }
        let then = try parseBinary(level: 0)
        guard consume(":") != nil else {
            throw error("expected ':' of the conditional at column \(column(question.offset)) but found \(found)")
        }
        let otherwise = try parseExpression()
        return try make(.conditional(condition, then, otherwise), at: question.offset)
    }

    private mutating func parseBinary(level: Int) throws(CELError) -> CELNode {
        guard level < Self.binaryLevels.count else { return try parseUnary() }
        var lhs = try parseBinary(level: level + 1)
        while case .symbol(let symbol) = current.kind, let op = Self.binaryLevels[level][symbol] {
            let token = advance()
            let rhs = try parseBinary(level: level + 1)
            lhs = try make(.binary(op, lhs, rhs), at: token.offset)
        }
        return lhs
    }

    private mutating func parseUnary() throws(CELError) -> CELNode {
        for symbol in ["!", "-"] where current.is(symbol) {
            let first = current
            var count = 0
            while consume(symbol) != nil { count += 1 }
            if symbol == "-", count == 1, let literal = try negativeLiteral(at: first.offset) {
                return try parseSuffixes(literal)
            }
            let operand = try parseSuffixes(try parsePrimary())
            guard count % 2 == 1 else { return operand }
            return try make(symbol == "!" ? .not(operand) : .negate(operand), at: first.offset)
        }
        return try parseSuffixes(try parsePrimary())
    }

    /// `-` directly followed by a number literal: the literal negated (so `-9223372036854775808` fits).
    private mutating func negativeLiteral(at offset: Int) throws(CELError) -> CELNode? {
        switch current.kind {
        case .int(let magnitude):
            guard magnitude <= UInt64(Int64.max) + 1 else { throw error("integer literal -\(magnitude) is out of range") }
            advance()
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return try make(.literal(.int(value)), at: offset)
        case .double(let value):
            advance()
            return try make(.literal(.double(-value)), at: offset)
        default:
            return nil
        }
    }

    // MARK: Members and primaries

    private mutating func parseSuffixes(_ start: CELNode) throws(CELError) -> CELNode {
        var node = start
        while true {
            if consume(".") != nil {
                let name = current
                guard let field = name.identifier else { throw error("expected a field name after '.' but found \(found)") }
                try checkNotReserved(name)
                advance()
                if let open = consume("(") {
                    let arguments = try parseList(closing: ")", opening: open, trailingComma: false)
                    node = try CELMacros.method(node, field, arguments, at: name.offset, parser: self)
                } else {
                    node = try make(.select(node, field: field), at: name.offset)
                }
            } else if let open = consume("[") {
                let subscript_ = try parseExpression()
                guard consume("]") != nil else {
                    throw error("expected ']' to close '[' at column \(column(open.offset)) but found \(found)")
                }
                node = try make(.index(node, subscript_), at: open.offset)
            } else if current.is("{"), case .identifier = node.kind {
                throw error("creating messages (Type{field: value}) is not supported")
            } else if current.is("{"), case .select = node.kind {
                throw error("creating messages (Type{field: value}) is not supported")
            } else {
                return node
            }
        }
    }

    private mutating func parsePrimary() throws(CELError) -> CELNode {
        let token = current
        switch token.kind {
        case .int(let magnitude):
            guard let value = Int64(exactly: magnitude) else { throw error("integer literal \(magnitude) is out of range") }
            advance()
            return try make(.literal(.int(value)), at: token.offset)
        case .uint(let value): return try literal(.uint(value))
        case .double(let value): return try literal(.double(value))
        case .string(let value): return try literal(.string(value))
        case .bytes(let value): return try literal(.bytes(value))
        case .bool(let value): return try literal(.bool(value))
        case .null: return try literal(.null)
        case .identifier(let name):
            try checkNotReserved(token)
            advance()
            guard let open = consume("(") else { return try make(.identifier(name), at: token.offset) }
            let arguments = try parseList(closing: ")", opening: open, trailingComma: false)
            return try CELMacros.global(name, arguments, at: token.offset, parser: self)
        case .symbol("."):
            advance()
            guard current.identifier != nil else { throw error("expected a name after a leading '.' but found \(found)") }
            return try parsePrimary()
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            guard consume(")") != nil else {
                throw error("expected ')' to close '(' at column \(column(token.offset)) but found \(found)")
            }
            return inner
        case .symbol("["):
            advance()
            return try make(.list(try parseList(closing: "]", opening: token, trailingComma: true)), at: token.offset)
        case .symbol("{"):
            advance()
            return try make(.map(try parseEntries(opening: token)), at: token.offset)
        default:
            throw error("expected an expression but found \(found)")
        }
    }

    private mutating func literal(_ value: CELValue) throws(CELError) -> CELNode {
        try make(.literal(value), at: advance().offset)
    }

    /// Comma-separated expressions up to `closing` (the opening token is already consumed).
    private mutating func parseList(closing: String, opening: CELToken, trailingComma: Bool) throws(CELError) -> [CELNode] {
        var elements: [CELNode] = []
        if consume(closing) != nil { return elements }
        while true {
            elements.append(try parseExpression())
            if consume(",") != nil {
                if trailingComma, consume(closing) != nil { return elements }
                continue
            }
            guard consume(closing) != nil else {
                let open = closing == ")" ? "(" : "["
                throw error("expected ',' or '\(closing)' to close '\(open)' at column \(column(opening.offset)) but found \(found)")
            }
            return elements
        }
    }

    /// `key: value` entries of a map literal up to `}`.
    private mutating func parseEntries(opening: CELToken) throws(CELError) -> [(key: CELNode, value: CELNode)] {
        var entries: [(key: CELNode, value: CELNode)] = []
        if consume("}") != nil { return entries }
        while true {
            let key = try parseExpression()
            guard consume(":") != nil else { throw error("expected ':' after a map key but found \(found)") }
            entries.append((key, try parseExpression()))
            if consume(",") != nil {
                if consume("}") != nil { return entries }
                continue
            }
            guard consume("}") != nil else {
                throw error("expected ',' or '}' to close '{' at column \(column(opening.offset)) but found \(found)")
            }
            return entries
        }
    }

    private func checkNotReserved(_ token: CELToken) throws(CELError) {
        guard let name = token.identifier, CELToken.reservedWords.contains(name) else { return }
        throw error("'\(name)' is a reserved word and cannot be used as a name", at: token.offset)
    }

    /// The 1-based column of a scalar offset (on its line).
    private func column(_ offset: Int) -> Int {
        CELError("", phase: .syntax, offset: offset, in: source).column ?? offset + 1
    }

    /// Used by ``CELMacros`` to report errors and build nodes with the same limits.
    func fail(_ message: String, at offset: Int) -> CELError { error(message, at: offset) }
    func node(_ kind: CELNode.Kind, at offset: Int) throws(CELError) -> CELNode { try make(kind, at: offset) }
}
