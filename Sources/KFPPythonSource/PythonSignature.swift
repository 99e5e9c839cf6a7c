/// One parameter of a Python `def`: its name, annotation and default as written.
package struct PythonParameter: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case regular
        /// `*args`.
        case variadic
        /// `**kwargs`.
        case keywordVariadic
    }

    package var name: String
    package var kind: Kind
    /// The annotation's tokens; `nil` when the parameter has none.
    package var annotation: [PythonToken]?
    /// The default value's tokens; `nil` when the parameter has none.
    package var defaultValue: [PythonToken]?
    /// The 1-based source line of the parameter name.
    package var line: Int
}

/// The header of a `def` (parameters and return annotation) and its docstring, read from tokens.
///
/// Parameters are split at the commas outside brackets; `/` and a bare `*` are markers, not
/// parameters. Each parameter splits at its first `:` (annotation) and first `=` (default) outside
/// brackets, so defaults such as `{'a': (1, 2)}` or `'x, y'` stay whole.
package struct PythonSignature: Sendable, Hashable {
    package var name: String
    package var parameters: [PythonParameter]
    /// The return annotation's tokens (after `->`), or `nil`.
    package var returnAnnotation: [PythonToken]?
    /// The docstring's string literal tokens (one or more adjacent literals), or `nil`.
    package var docstring: [String]?
    /// The 1-based line of the `def`.
    package var line: Int

    /// Reads the signature of the `def` whose `def` token is at `defIndex`.
    ///
    /// - Throws: ``PythonSourceError`` when the header is not `def NAME(...) [-> ...]:`.
    package init(tokens: [PythonToken], defIndex: Int) throws(PythonSourceError) {
        let significant = tokens[defIndex...].filter { $0.kind != .comment && $0.kind != .nonLogicalNewline }
        var position = significant.startIndex
        func fail(_ message: String) -> PythonSourceError {
            let line = position < significant.endIndex ? significant[position].line : (significant.last?.line ?? 0)
            return PythonSourceError(message: message, line: line)
        }
        line = tokens[defIndex].line
        position += 1
        guard position < significant.endIndex, significant[position].kind == .name else { throw fail("expected a function name") }
        name = significant[position].text
        position += 1
        guard position < significant.endIndex, significant[position].text == "(" else { throw fail("expected '(' after '\(name)'") }
        position += 1
        var groups: [[PythonToken]] = [[]]
        var depth = 0
        while true {
            guard position < significant.endIndex, significant[position].kind != .newline else {
                throw fail("the parameter list is not closed")
            }
            let token = significant[position]
            position += 1
            if token.kind == .op {
                if "([{".contains(token.text) { depth += 1 }
                if ")]}".contains(token.text) {
                    if depth == 0 { break }
                    depth -= 1
                }
                if token.text == ",", depth == 0 {
                    groups.append([])
                    continue
                }
            }
            groups[groups.count - 1].append(token)
        }
        var parameters: [PythonParameter] = []
        for group in groups where !group.isEmpty {
            if let parameter = try Self.parameter(group) { parameters.append(parameter) }
        }
        self.parameters = parameters

        var returnTokens: [PythonToken]?
        if position < significant.endIndex, significant[position].text == "->" {
            position += 1
            var annotation: [PythonToken] = []
            depth = 0
            while position < significant.endIndex, significant[position].kind != .newline,
                !(depth == 0 && significant[position].text == ":" && significant[position].kind == .op)
            {
                let token = significant[position]
                if token.kind == .op, "([{".contains(token.text) { depth += 1 }
                if token.kind == .op, ")]}".contains(token.text) { depth -= 1 }
                annotation.append(token)
                position += 1
            }
            guard !annotation.isEmpty else { throw fail("expected a return annotation after '->'") }
            returnTokens = annotation
        }
        returnAnnotation = returnTokens
        guard position < significant.endIndex, significant[position].kind == .op, significant[position].text == ":" else {
            throw fail("expected ':' after the signature of '\(name)'")
        }
        position += 1
        if position < significant.endIndex, significant[position].kind == .newline { position += 1 }
        var literals: [String] = []
        while position < significant.endIndex, significant[position].kind == .string {
            literals.append(significant[position].text)
            position += 1
        }
        let endsStatement =
            position >= significant.endIndex || significant[position].kind == .newline || significant[position].text == ";"
        docstring = !literals.isEmpty && endsStatement ? literals : nil
    }

    /// One parameter from its tokens; `nil` for the `/` and `*` markers.
    private static func parameter(_ group: [PythonToken]) throws(PythonSourceError) -> PythonParameter? {
        var tokens = group[...]
        var kind = PythonParameter.Kind.regular
        if let first = tokens.first, first.kind == .op {
            switch first.text {
            case "/" where tokens.count == 1, "*" where tokens.count == 1: return nil
            case "*": kind = .variadic
            case "**": kind = .keywordVariadic
            default: throw PythonSourceError(message: "unexpected '\(first.text)' in the parameter list", line: first.line)
            }
            tokens = tokens.dropFirst()
        }
        guard let nameToken = tokens.first, nameToken.kind == .name else {
            throw PythonSourceError(message: "expected a parameter name", line: group[0].line)
        }
        tokens = tokens.dropFirst()
        var annotation: [PythonToken]?
        var defaultValue: [PythonToken]?
        if let colon = tokens.first, colon.kind == .op, colon.text == ":" {
            tokens = tokens.dropFirst()
            let end = topLevelIndex(of: "=", in: tokens) ?? tokens.endIndex
            annotation = Array(tokens[tokens.startIndex..<end])
            guard annotation?.isEmpty == false else {
                throw PythonSourceError(message: "expected an annotation for parameter '\(nameToken.text)'", line: nameToken.line)
            }
            tokens = tokens[end...]
        }
        if let equals = tokens.first, equals.kind == .op, equals.text == "=" {
            defaultValue = Array(tokens.dropFirst())
            guard defaultValue?.isEmpty == false else {
                throw PythonSourceError(message: "expected a default value for parameter '\(nameToken.text)'", line: nameToken.line)
            }
        } else if let extra = tokens.first {
            throw PythonSourceError(message: "unexpected '\(extra.text)' after parameter '\(nameToken.text)'", line: extra.line)
        }
        return PythonParameter(
            name: nameToken.text, kind: kind, annotation: annotation, defaultValue: defaultValue, line: nameToken.line)
    }

    private static func topLevelIndex(of text: String, in tokens: ArraySlice<PythonToken>) -> Int? {
        var depth = 0
        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .op else { continue }
            if "([{".contains(token.text) { depth += 1 }
            if ")]}".contains(token.text) { depth -= 1 }
            if depth == 0, token.text == text { return index }
        }
        return nil
    }
}
