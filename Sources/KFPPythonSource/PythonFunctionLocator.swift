/// A `def` found in Python source.
package struct PythonFunctionDefinition: Sendable, Hashable {
    /// The function name.
    package var name: String
    /// `true` for `async def`.
    package var isAsync: Bool
    /// The 1-based line of the `def` keyword.
    package var line: Int
    /// The indentation width of the `def` line.
    package var indent: Int
    /// The index of the `def` token.
    package var defToken: Int
    /// The 1-based last line of the function's block.
    package var lastLine: Int
}

/// Finds functions in tokenized Python source and cuts out their text as KFP embeds it.
///
/// KFP takes `inspect.getsource(func)`, `textwrap.dedent`s it and drops the lines before the one
/// starting with `def` (the decorators). `inspect` ends the block at the last logical line indented
/// deeper than the `def` (and at comments indented like the body that follow it), so trailing
/// blank lines and less-indented comments stay out; ``functionText(of:lines:)`` does the same.
package enum PythonFunctionLocator {
    /// Every `def` and `async def` that starts a logical line, at any indentation, in source order.
    package static func definitions(in tokens: [PythonToken], lineIndents: [Int]) -> [PythonFunctionDefinition] {
        var result: [PythonFunctionDefinition] = []
        var atLineStart = true
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .comment, .nonLogicalNewline:
                break
            case .newline:
                atLineStart = true
            default:
                if atLineStart {
                    var defIndex = index
                    let isAsync = token.kind == .name && token.text == "async"
                    if isAsync { defIndex += 1 }
                    if defIndex + 1 < tokens.count, tokens[defIndex].kind == .name, tokens[defIndex].text == "def",
                        tokens[defIndex + 1].kind == .name
                    {
                        let indent = indentOf(line: token.line, lineIndents)
                        result.append(
                            PythonFunctionDefinition(
                                name: tokens[defIndex + 1].text, isAsync: isAsync, line: token.line, indent: indent,
                                defToken: defIndex,
                                lastLine: lastLine(ofBlockAt: defIndex, indent: indent, tokens: tokens, lineIndents: lineIndents)))
                    }
                }
                atLineStart = false
            }
            index += 1
        }
        return result
    }

    /// The function's text as KFP's `_get_function_source_definition` returns it: its lines from the
    /// `def` through the end of the block, `textwrap.dedent`ed, ending in a line end.
    ///
    /// - Throws: a ``PythonSourceError`` when, after dedenting, no line starts with `def` (a body
    ///   line, such as one inside a multi-line string, is indented less than the `def`).
    package static func functionText(of definition: PythonFunctionDefinition, lines: [Substring]) throws(PythonSourceError) -> String {
        let upper = min(definition.lastLine, lines.count)
        let block = lines[(definition.line - 1)..<upper].map(String.init)
        let dedented = dedent(block)
        guard let start = dedented.firstIndex(where: { $0.hasPrefix("def") }) else {
            throw PythonSourceError(
                message: "a line of its body is indented less than its 'def'",
                line: definition.line)
        }
        return dedented[start...].joined(separator: "\n") + "\n"
    }

    /// `textwrap.dedent` on lines: lines of only spaces and tabs become empty, and the longest
    /// leading run of spaces and tabs common to all other lines is removed.
    package static func dedent(_ lines: [String]) -> [String] {
        let cleaned = lines.map { line in line.allSatisfy { $0 == " " || $0 == "\t" } ? "" : line }
        var margin: [Character]?
        for line in cleaned where !line.isEmpty {
            let indent = Array(line.prefix { $0 == " " || $0 == "\t" })
            guard let current = margin else {
                margin = indent
                continue
            }
            if indent.starts(with: current) { continue }
            if current.starts(with: indent) {
                margin = indent
                continue
            }
            margin = Array(zip(current, indent).prefix { $0 == $1 }.map(\.0))
        }
        guard let margin, !margin.isEmpty else { return cleaned }
        let prefix = String(margin)
        return cleaned.map { $0.hasPrefix(prefix) ? String($0.dropFirst(margin.count)) : $0 }
    }

    /// The last line of the block whose `def` token is at `defIndex`, as `inspect.getblock` finds it.
    private static func lastLine(ofBlockAt defIndex: Int, indent: Int, tokens: [PythonToken], lineIndents: [Int]) -> Int {
        // The header ends at the ':' outside brackets after the parameter list.
        var index = defIndex
        var depth = 0
        var sawParameters = false
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .op {
                if "([{".contains(token.text) { depth += 1 }
                if ")]}".contains(token.text) {
                    depth -= 1
                    if depth == 0 { sawParameters = true }
                }
                if token.text == ":", depth == 0, sawParameters { break }
            }
            if token.kind == .newline { return token.line }
            index += 1
        }
        index += 1
        // A one-line function (`def f(): return 1`) ends with its logical line.
        var next = index
        while next < tokens.count, tokens[next].kind == .comment { next += 1 }
        guard next < tokens.count else { return tokens.last?.line ?? 1 }
        if tokens[next].kind != .newline {
            while next < tokens.count, tokens[next].kind != .newline { next += 1 }
            return next < tokens.count ? tokens[next].line : (tokens.last?.line ?? 1)
        }
        var last = tokens[next].line
        var bodyColumn: Int?
        var atLineStart = true
        index = next + 1
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .nonLogicalNewline:
                break
            case .comment:
                if let bodyColumn, atLineStart, indentOf(line: token.line, lineIndents) >= bodyColumn {
                    last = token.line
                }
            case .newline:
                last = token.line
                atLineStart = true
            default:
                if atLineStart {
                    let lineIndent = indentOf(line: token.line, lineIndents)
                    if lineIndent <= indent { return last }
                    if bodyColumn == nil { bodyColumn = lineIndent }
                    atLineStart = false
                }
            }
            index += 1
        }
        return last
    }

    private static func indentOf(line: Int, _ lineIndents: [Int]) -> Int {
        line - 1 < lineIndents.count ? lineIndents[line - 1] : 0
    }
}
