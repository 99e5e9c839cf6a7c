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
    ///
    /// KFP's compiler writes conditions a few levels deep. 64 levels keep the deepest accepted
    /// expression within a 512 KiB stack (a macOS secondary thread) even in a debug build.
    static let maxDepth = 64

    private let source: String
    private let scalars: [Unicode.Scalar]
    private let tokens: [CELToken]
    private var index = 0
    private var depth = 0

    /// Parses a whole expression; anything after it is an error.
    static func parse(_ source: String) throws(CELError) -> CELNode {
        var lexer = CELLexer(source)
        let tokens = try lexer.tokenize()
        var parser = CELParser(source: source, scalars: lexer.scalars, tokens: tokens)
        do {
            let root = try parser.parseExpression()
            guard parser.current.kind == .end else {
                throw parser.error("unexpected \(parser.found) after the end of the expression")
            }
            return root
        } catch let error as CELError {
            throw error
        } catch {
            throw parser.error("\(error)")  // not reached: the parser throws only CELError
        }
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

    private mutating func consume(_ symbol: CELSymbol) -> CELToken? {
        current.is(symbol) ? advance() : nil
    }

    private func error(_ message: String, at offset: Int? = nil) -> CELError {
        CELError(message, phase: .syntax, offset: offset ?? current.offset, in: source)
    }

    /// Makes a node, refusing trees taller than ``maxDepth``.
    private func make(_ kind: CELNode.Kind, at offset: Int) throws(CELError) -> CELNode {
        let node = CELNode(kind, at: offset)
        guard node.height <= Self.maxDepth else { throw tooDeep(at: offset) }
        return node
    }

    // MARK: Expressions
    // The recursion runs through small functions with few call sites (in a debug build each call
    // site reserves stack) and builds messages elsewhere, so that `maxDepth` fits in 512 KiB.

    private mutating func parseExpression() throws -> CELNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw tooDeep(at: current.offset) }
        let condition = try parseBinary(minLevel: 0)
        return current.is(.question) ? try parseConditional(condition) : condition
    }

    /// `condition ? then : otherwise`, at the `?`.
    private mutating func parseConditional(_ condition: CELNode) throws -> CELNode {
        let question = advance()
        let then = try parseBinary(minLevel: 0)
        guard consume(.colon) != nil else { throw expected("':' of the conditional", opening: question) }
        let otherwise = try parseExpression()
        return try make(.conditional(condition, then, otherwise), at: question.offset)
    }

    /// Precedence climbing: operators at `minLevel` or tighter, all left-associative.
    private mutating func parseBinary(minLevel: Int) throws -> CELNode {
        var lhs = try parseUnary()
        while case .symbol(let symbol) = current.kind, let op = symbol.binaryOperator, op.precedence >= minLevel {
            let token = advance()
            let rhs = try parseBinary(minLevel: op.precedence + 1)
            lhs = try make(.binary(op, lhs, rhs), at: token.offset)
        }
        return lhs
    }

    private mutating func parseUnary() throws -> CELNode {
        if current.is(.not) || current.is(.minus) { return try parseUnaryOperators() }
        return try parseSuffixes(try parsePrimary())
    }

    /// A run of `!` or `-` and its operand; an even run cancels out, as in cel-go.
    private mutating func parseUnaryOperators() throws -> CELNode {
        let first = advance()
        var count = 1
        while current.kind == first.kind {
            advance()
            count += 1
        }
        let isNot = first.is(.not)
        if !isNot, count == 1, current.isNumber {
            return try parseSuffixes(try parseLiteral(negatedAt: first.offset))
        }
        let operand = try parseSuffixes(try parsePrimary())
        guard count % 2 == 1 else { return operand }
        return try make(isNot ? .not(operand) : .negate(operand), at: first.offset)
    }

    // MARK: Members and primaries

    /// `.field`, `.method(...)` and `[index]` after an operand.
    private mutating func parseSuffixes(_ start: CELNode) throws -> CELNode {
        var node = start
        while true {
            if current.is(.dot) {
                node = try parseSelection(node)
            } else if current.is(.leftBracket) {
                node = try parseIndex(node)
            } else if current.is(.leftBrace), node.isName {
                throw error("creating messages (Type{field: value}) is not supported")
            } else {
                return node
            }
        }
    }

    private mutating func parseSelection(_ operand: CELNode) throws -> CELNode {
        advance()
        let name = current
        guard let field = name.identifier else { throw expected("a field name after '.'") }
        try checkNotReserved(name)
        advance()
        guard let open = consume(.leftParen) else { return try make(.select(operand, field: field), at: name.offset) }
        let arguments = try parseList(closing: .rightParen, opening: open, trailingComma: false)
        return try CELMacros.method(operand, field, arguments, at: name.offset, parser: self)
    }

    private mutating func parseIndex(_ operand: CELNode) throws -> CELNode {
        let open = advance()
        let key = try parseExpression()
        guard consume(.rightBracket) != nil else { throw expected("']' to close '['", opening: open) }
        return try make(.index(operand, key), at: open.offset)
    }

    private mutating func parsePrimary() throws -> CELNode {
        switch current.kind {
        case .identifier: return try parseName()
        case .symbol(.leftParen): return try parseParenthesized()
        case .symbol(.leftBracket): return try parseListLiteral()
        case .symbol(.leftBrace): return try parseMapLiteral()
        case .symbol(.dot):
            advance()
            guard current.identifier != nil else { throw expected("a name after a leading '.'") }
            return try parseName()
        default: return try parseLiteral()
        }
    }

    /// A variable, or a function call `name(...)`.
    private mutating func parseName() throws -> CELNode {
        let token = advance()
        try checkNotReserved(token)
        let name = token.identifier ?? ""
        guard let open = consume(.leftParen) else { return try make(.identifier(name), at: token.offset) }
        let arguments = try parseList(closing: .rightParen, opening: open, trailingComma: false)
        return try CELMacros.global(name, arguments, at: token.offset, parser: self)
    }

    private mutating func parseParenthesized() throws -> CELNode {
        let open = advance()
        let inner = try parseExpression()
        guard consume(.rightParen) != nil else { throw expected("')' to close '('", opening: open) }
        return inner
    }

    private mutating func parseListLiteral() throws -> CELNode {
        let open = advance()
        let elements = try parseList(closing: .rightBracket, opening: open, trailingComma: true)
        return try make(.list(elements), at: open.offset)
    }

    private mutating func parseMapLiteral() throws -> CELNode {
        let open = advance()
        let entries = try parseEntries(opening: open)
        return try make(.map(entries), at: open.offset)
    }

    /// A literal; `negatedAt` is the offset of a `-` directly before a number, which makes a
    /// negative literal (so that `-9223372036854775808` fits).
    private mutating func parseLiteral(negatedAt minus: Int? = nil) throws -> CELNode {
        let value: CELValue
        switch current.kind {
        case .int(let magnitude):
            let limit = UInt64(Int64.max) + (minus == nil ? 0 : 1)
            guard magnitude <= limit else { throw outOfRange(negative: minus != nil) }
            let signed = magnitude > UInt64(Int64.max) ? Int64.min : Int64(magnitude)
            value = .int(minus == nil || signed == .min ? signed : -signed)
        case .uint(let number): value = .uint(number)
        case .double(let number): value = .double(minus == nil ? number : -number)
        case .string(let text): value = .string(text)
        case .bytes(let bytes): value = .bytes(bytes)
        case .bool(let flag): value = .bool(flag)
        case .null: value = .null
        default: throw expected("an expression")
        }
        let token = advance()
        return try make(.literal(value), at: minus ?? token.offset)
    }

    /// Comma-separated expressions up to `closing` (the opening token is already consumed).
    private mutating func parseList(closing: CELSymbol, opening: CELToken, trailingComma: Bool) throws -> [CELNode] {
        var elements: [CELNode] = []
        if consume(closing) != nil { return elements }
        while true {
            elements.append(try parseExpression())
            if consume(.comma) != nil {
                if trailingComma, consume(closing) != nil { return elements }
                continue
            }
            guard consume(closing) != nil else { throw expectedSeparator(closing, opening: opening) }
            return elements
        }
    }

    /// `key: value` entries of a map literal up to `}`.
    private mutating func parseEntries(opening: CELToken) throws -> [(key: CELNode, value: CELNode)] {
        var entries: [(key: CELNode, value: CELNode)] = []
        if consume(.rightBrace) != nil { return entries }
        while true {
            let key = try parseExpression()
            guard consume(.colon) != nil else { throw expected("':' after a map key") }
            entries.append((key, try parseExpression()))
            if consume(.comma) != nil {
                if consume(.rightBrace) != nil { return entries }
                continue
            }
            guard consume(.rightBrace) != nil else { throw expectedSeparator(.rightBrace, opening: opening) }
            return entries
        }
    }

    // MARK: Errors (kept out of the recursive functions' frames)

    @inline(never)
    private func expected(_ what: String, opening: CELToken? = nil) -> CELError {
        let place = opening.map { " at column \(column($0.offset))" } ?? ""
        return error("expected \(what)\(place) but found \(found)")
    }

    @inline(never)
    private func expectedSeparator(_ closing: CELSymbol, opening: CELToken) -> CELError {
        guard case .symbol(let open) = opening.kind else { return expected("',' or '\(closing.rawValue)'") }
        return expected("',' or '\(closing.rawValue)' to close '\(open.rawValue)'", opening: opening)
    }

    @inline(never)
    private func outOfRange(negative: Bool) -> CELError {
        guard case .int(let magnitude) = current.kind else { return error("integer literal is out of range") }
        return error("integer literal \(negative ? "-" : "")\(magnitude) is out of range")
    }

    @inline(never)
    private func tooDeep(at offset: Int) -> CELError {
        error("expression nests deeper than \(Self.maxDepth) levels", at: offset)
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
