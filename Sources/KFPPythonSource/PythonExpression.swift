/// The small part of Python's expression grammar that annotations and literal defaults use:
/// names and attributes (`dsl.Input`), subscripts (`Input[List[Dataset]]`), calls
/// (`OutputPath('CSV')`, `NamedTuple('O', a=int)`), literals (strings, numbers, `None`, `True`,
/// `False`, lists, tuples, dicts), unary `-`/`+` and `|`.
package indirect enum PythonExpression: Sendable, Hashable {
    case name(String)
    case attribute(PythonExpression, String)
    case subscripted(PythonExpression, [PythonExpression])
    case call(PythonExpression, arguments: [PythonExpression], keywords: [PythonKeywordArgument])
    /// One or more adjacent string literal tokens (implicit concatenation), as written.
    case string([String])
    case number(String)
    case list([PythonExpression])
    case tuple([PythonExpression])
    case dict([PythonDictEntry])
    case unary(String, PythonExpression)
    case union(PythonExpression, PythonExpression)
    case ellipsis

    /// The dotted name (`typing.List` is `["typing", "List"]`), for names and attributes of names.
    package var dottedName: [String]? {
        switch self {
        case .name(let name): return [name]
        case .attribute(let base, let member): return base.dottedName.map { $0 + [member] }
        default: return nil
        }
    }
}

/// `name=value` in a call.
package struct PythonKeywordArgument: Sendable, Hashable {
    package var name: String
    package var value: PythonExpression
}

/// `key: value` in a dict display.
package struct PythonDictEntry: Sendable, Hashable {
    package var key: PythonExpression
    package var value: PythonExpression
}

/// A recursive-descent parser for ``PythonExpression`` over tokens (comments and line ends inside
/// brackets already removed). Anything outside the grammar throws with the offending token.
package struct PythonExpressionParser {
    private let tokens: [PythonToken]
    private var position = 0

    package init(_ tokens: [PythonToken]) {
        self.tokens = tokens.filter { $0.kind != .comment && $0.kind != .nonLogicalNewline }
    }

    /// Parses all tokens as one expression (a bare `a, b` is a tuple).
    package static func parse(_ tokens: [PythonToken]) throws(PythonSourceError) -> PythonExpression {
        var parser = PythonExpressionParser(tokens)
        guard !parser.tokens.isEmpty else { throw PythonSourceError(message: "expected an expression", line: tokens.first?.line ?? 0) }
        let items = try parser.sequence(until: nil)
        if parser.position < parser.tokens.count { throw parser.unexpected() }
        return items.trailingComma || items.values.count != 1 ? .tuple(items.values) : items.values[0]
    }

    private var current: PythonToken? { position < tokens.count ? tokens[position] : nil }

    private func isOp(_ text: String) -> Bool { current?.kind == .op && current?.text == text }

    private func unexpected() -> PythonSourceError {
        guard let token = current else {
            return PythonSourceError(message: "unexpected end of expression", line: tokens.last?.line ?? 0)
        }
        return PythonSourceError(message: "unexpected '\(token.text)'", line: token.line)
    }

    private mutating func expect(_ text: String) throws(PythonSourceError) {
        guard isOp(text) else { throw unexpected() }
        position += 1
    }

    /// Comma-separated expressions up to `closing` (not consumed) or the end.
    private mutating func sequence(until closing: String?) throws(PythonSourceError) -> (values: [PythonExpression], trailingComma: Bool) {
        var values: [PythonExpression] = []
        var trailingComma = false
        while current != nil, !(closing.map(isOp) ?? false) {
            values.append(try expression())
            trailingComma = false
            guard isOp(",") else { break }
            position += 1
            trailingComma = true
        }
        return (values, trailingComma)
    }

    private mutating func expression() throws(PythonSourceError) -> PythonExpression {
        var left = try unary()
        while isOp("|") {
            position += 1
            left = .union(left, try unary())
        }
        return left
    }

    private mutating func unary() throws(PythonSourceError) -> PythonExpression {
        if isOp("-") || isOp("+") {
            let sign = tokens[position].text
            position += 1
            return .unary(sign, try unary())
        }
        return try postfix()
    }

    private mutating func postfix() throws(PythonSourceError) -> PythonExpression {
        var value = try atom()
        while true {
            if isOp(".") {
                position += 1
                guard let token = current, token.kind == .name else { throw unexpected() }
                position += 1
                value = .attribute(value, token.text)
            } else if isOp("[") {
                position += 1
                let items = try sequence(until: "]")
                try expect("]")
                value = .subscripted(value, items.values)
            } else if isOp("(") {
                position += 1
                value = try callArguments(of: value)
            } else {
                return value
            }
        }
    }

    private mutating func callArguments(of function: PythonExpression) throws(PythonSourceError) -> PythonExpression {
        var arguments: [PythonExpression] = []
        var keywords: [PythonKeywordArgument] = []
        while current != nil, !isOp(")") {
            if let token = current, token.kind == .name, position + 1 < tokens.count, tokens[position + 1].kind == .op,
                tokens[position + 1].text == "="
            {
                position += 2
                keywords.append(PythonKeywordArgument(name: token.text, value: try expression()))
            } else {
                guard keywords.isEmpty else { throw unexpected() }
                arguments.append(try expression())
            }
            guard isOp(",") else { break }
            position += 1
        }
        try expect(")")
        return .call(function, arguments: arguments, keywords: keywords)
    }

    private mutating func atom() throws(PythonSourceError) -> PythonExpression {
        guard let token = current else { throw unexpected() }
        switch token.kind {
        case .name:
            position += 1
            return .name(token.text)
        case .number:
            position += 1
            return .number(token.text)
        case .string:
            var parts: [String] = []
            while let next = current, next.kind == .string {
                parts.append(next.text)
                position += 1
            }
            return .string(parts)
        case .op where token.text == "(":
            position += 1
            let items = try sequence(until: ")")
            try expect(")")
            return items.values.count == 1 && !items.trailingComma ? items.values[0] : .tuple(items.values)
        case .op where token.text == "[":
            position += 1
            let items = try sequence(until: "]")
            try expect("]")
            return .list(items.values)
        case .op where token.text == "{":
            position += 1
            return try dictDisplay()
        case .op where token.text == "...":
            position += 1
            return .ellipsis
        default:
            throw unexpected()
        }
    }

    private mutating func dictDisplay() throws(PythonSourceError) -> PythonExpression {
        var entries: [PythonDictEntry] = []
        while current != nil, !isOp("}") {
            let key = try expression()
            try expect(":")
            entries.append(PythonDictEntry(key: key, value: try expression()))
            guard isOp(",") else { break }
            position += 1
        }
        try expect("}")
        return .dict(entries)
    }
}
