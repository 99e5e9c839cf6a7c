/// A token of Python source, as far as `PythonComponent` (in `KFP`) needs them: names, numbers, string
/// literals (with their prefix and quotes), operators, comments and line ends.
package struct PythonToken: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case name, number, string, op, comment
        /// The end of a logical line (Python's `NEWLINE`).
        case newline
        /// A line end inside brackets or after a blank or comment-only line (Python's `NL`).
        case nonLogicalNewline
    }

    package var kind: Kind
    package var text: String
    /// 1-based physical line where the token starts.
    package var line: Int
    /// 0-based column (in Unicode scalars) where the token starts.
    package var column: Int
    /// Offsets (in Unicode scalars) of the token in the scanned source.
    package var start: Int
    package var end: Int
}

/// A problem in the Python source: what and on which 1-based line.
package struct PythonSourceError: Error, Sendable, Hashable {
    package var message: String
    package var line: Int
}

/// Splits Python source into ``PythonToken``s the way Python's tokenizer delimits them: string
/// literals of every form (prefixes `r`, `b`, `u`, `f` and their combinations, single, double and
/// triple quotes, backslash escapes), comments, brackets (a line end inside brackets is not a logical
/// line end) and backslash line continuation. It does not parse Python.
///
/// The source must use `\n` line ends (`PythonComponent` (in `KFP`) normalizes `\r\n` and `\r`, as Python
/// does when it reads a file).
package struct PythonTokenizer {
    package let scalars: [Unicode.Scalar]
    /// The indentation width of each physical line (index 0 is line 1), tabs to the next multiple of 8.
    package private(set) var lineIndents: [Int] = []

    package init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        lineIndents = Self.indents(of: scalars)
    }

    /// The tokens; throws for an unterminated string literal, an unmatched closing bracket or a
    /// bracket never closed.
    package func tokenize() throws(PythonSourceError) -> [PythonToken] {
        var tokens: [PythonToken] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var openBrackets: [(bracket: Unicode.Scalar, line: Int)] = []
        var depth: Int { openBrackets.count }
        var lineHasTokens = false
        func add(_ kind: PythonToken.Kind, _ start: Int, _ end: Int, line tokenLine: Int, column: Int) {
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            tokens.append(PythonToken(kind: kind, text: text, line: tokenLine, column: column, start: start, end: end))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let column = index - lineStart
            switch scalar {
            case "\n":
                let kind: PythonToken.Kind = depth == 0 && lineHasTokens ? .newline : .nonLogicalNewline
                add(kind, index, index + 1, line: line, column: column)
                if kind == .newline { lineHasTokens = false }
                index += 1
                line += 1
                lineStart = index
            case " ", "\t", "\u{0C}":
                index += 1
            case "\\" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                index += 2
                line += 1
                lineStart = index
            case "#":
                var end = index
                while end < scalars.count, scalars[end] != "\n" { end += 1 }
                add(.comment, index, end, line: line, column: column)
                index = end
            case "\"", "'":
                let startLine = line
                let end = try stringEnd(quoteAt: index, line: &line, lineStart: &lineStart)
                add(.string, index, end, line: startLine, column: column)
                lineHasTokens = true
                index = end
            default:
                lineHasTokens = true
                if Self.isNameStart(scalar) {
                    var end = index + 1
                    while end < scalars.count, Self.isNameContinue(scalars[end]) { end += 1 }
                    if end < scalars.count, scalars[end] == "\"" || scalars[end] == "'",
                        Self.isStringPrefix(String(String.UnicodeScalarView(scalars[index..<end])))
                    {
                        let startLine = line
                        let stringEnd = try stringEnd(quoteAt: end, line: &line, lineStart: &lineStart)
                        add(.string, index, stringEnd, line: startLine, column: column)
                        index = stringEnd
                    } else {
                        add(.name, index, end, line: line, column: column)
                        index = end
                    }
                } else if Self.isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && Self.isDigit(scalars[index + 1])) {
                    let end = numberEnd(from: index)
                    add(.number, index, end, line: line, column: column)
                    index = end
                } else {
                    let length = operatorLength(at: index)
                    if "([{".unicodeScalars.contains(scalar) { openBrackets.append((scalar, line)) }
                    if ")]}".unicodeScalars.contains(scalar) {
                        guard openBrackets.popLast() != nil else {
                            throw PythonSourceError(message: "unmatched '\(Character(scalar))'", line: line)
                        }
                    }
                    add(.op, index, index + length, line: line, column: column)
                    index += length
                }
            }
        }
        if let open = openBrackets.last {
            throw PythonSourceError(message: "'\(Character(open.bracket))' was never closed", line: open.line)
        }
        if lineHasTokens {
            tokens.append(PythonToken(kind: .newline, text: "", line: line, column: index - lineStart, start: index, end: index))
        }
        return tokens
    }

    /// The offset just past the string literal whose opening quote is at `quote`.
    private func stringEnd(quoteAt quote: Int, line: inout Int, lineStart: inout Int) throws(PythonSourceError) -> Int {
        let mark = scalars[quote]
        let triple = quote + 2 < scalars.count && scalars[quote + 1] == mark && scalars[quote + 2] == mark
        let startLine = line
        var index = quote + (triple ? 3 : 1)
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    line += 1
                    lineStart = index + 2
                }
                index += 2
                continue
            }
            if scalar == "\n" {
                guard triple else { break }
                line += 1
                lineStart = index + 1
            }
            if scalar == mark {
                if !triple { return index + 1 }
                if index + 2 < scalars.count, scalars[index + 1] == mark, scalars[index + 2] == mark { return index + 3 }
            }
            index += 1
        }
        let kind = triple ? "triple-quoted string literal" : "string literal"
        throw PythonSourceError(message: "unterminated \(kind)", line: startLine)
    }

    /// The offset just past the number literal starting at `start` (digits, letters for bases,
    /// suffixes and exponents, `_`, `.`, and a sign right after an exponent `e`).
    private func numberEnd(from start: Int) -> Int {
        var index = start
        let isHex = scalars[start] == "0" && start + 1 < scalars.count && (scalars[start + 1] == "x" || scalars[start + 1] == "X")
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isNameContinue(scalar) || scalar == "." {
                index += 1
            } else if (scalar == "+" || scalar == "-"), !isHex, index > start,
                scalars[index - 1] == "e" || scalars[index - 1] == "E"
            {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// The length of the operator at `index`: the longest of Python's operators that matches.
    private func operatorLength(at index: Int) -> Int {
        let three = ["**=", "//=", ">>=", "<<=", "..."]
        let two = ["->", "**", "//", "==", "!=", "<=", ">=", ":=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="]
        for (length, candidates) in [(3, three), (2, two)] where index + length <= scalars.count {
            let text = String(String.UnicodeScalarView(scalars[index..<(index + length)]))
            if candidates.contains(text) { return length }
        }
        return 1
    }

    package static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII ? scalar.properties.isAlphabetic : scalar.properties.isXIDStart)
    }

    package static func isNameContinue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII ? scalar.properties.isAlphabetic || isDigit(scalar) : scalar.properties.isXIDContinue)
    }

    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// `r`, `u`, `b`, `f` and the two-letter combinations Python allows, in any case.
    package static func isStringPrefix(_ text: String) -> Bool {
        ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(text.lowercased())
    }

    /// The indentation width of each line: spaces count 1, a tab moves to the next multiple of 8,
    /// a form feed resets (Python's tokenizer rules).
    private static func indents(of scalars: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var width = 0
        var atStart = true
        for scalar in scalars {
            if scalar == "\n" {
                result.append(width)
                width = 0
                atStart = true
                continue
            }
            guard atStart else { continue }
            switch scalar {
            case " ": width += 1
            case "\t": width = (width / 8 + 1) * 8
            case "\u{0C}": width = 0
            default: atStart = false
            }
        }
        result.append(width)
        return result
    }
}
