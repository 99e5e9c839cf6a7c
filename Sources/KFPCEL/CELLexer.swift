/// Splits CEL source text into tokens, following the lexical grammar of the CEL spec as cel-go
/// (the CEL implementation in KFP's driver) reads it: decimal and hex integers with an optional
/// `u` suffix, doubles, strings in single, double or triple quotes with escapes, raw strings
/// (`r'...'`), bytes (`b'...'`), `//` comments, and the operators of the language.
struct CELLexer {
    /// The longest expression accepted, in Unicode scalars (cel-go's default limit).
    static let maxLength = 100_000

    let scalars: [Unicode.Scalar]
    private let source: String
    private var position = 0

    init(_ source: String) {
        self.source = source
        scalars = Array(source.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(CELError) -> [CELToken] {
        guard scalars.count <= Self.maxLength else {
            throw error("expression is longer than \(Self.maxLength) characters", at: nil)
        }
        var tokens: [CELToken] = []
        while true {
            skipSpaceAndComments()
            let start = position
            let kind = try nextKind()
            tokens.append(CELToken(kind: kind, offset: start, length: position - start))
            if kind == .end { return tokens }
        }
    }

    private func error(_ message: String, at offset: Int?) -> CELError {
        CELError(message, phase: .syntax, offset: offset, in: source)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    private mutating func skipSpaceAndComments() {
        while let scalar = peek() {
            if [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalar) {
                position += 1
            } else if scalar == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func nextKind() throws(CELError) -> CELToken.Kind {
        guard let scalar = peek() else { return .end }
        if Self.isIdentifierStart(scalar) {
            if let prefix = stringPrefixLength() {
                let letters = scalars[position..<position + prefix].map { Character($0).lowercased() }
                position += prefix
                return try lexString(raw: letters.contains("r"), bytes: letters.contains("b"))
            }
            return lexIdentifier()
        }
        if Self.isDigit(scalar) || (scalar == "." && peek(1).map(Self.isDigit) == true) {
            return try lexNumber()
        }
        if scalar == "'" || scalar == "\"" { return try lexString(raw: false, bytes: false) }
        return try lexSymbol()
    }

    /// The length of a string prefix (`r`, `b`, `rb`, `br`, any case) directly before a quote.
    private func stringPrefixLength() -> Int? {
        func letter(_ scalar: Unicode.Scalar?) -> Character? {
            guard let scalar, "rRbB".unicodeScalars.contains(scalar) else { return nil }
            return Character(scalar).lowercased().first
        }
        func isQuote(_ scalar: Unicode.Scalar?) -> Bool { scalar == "'" || scalar == "\"" }
        guard let first = letter(peek()) else { return nil }
        if isQuote(peek(1)) { return 1 }
        if let second = letter(peek(1)), second != first, isQuote(peek(2)) { return 2 }
        return nil
    }

    private mutating func lexIdentifier() -> CELToken.Kind {
        let start = position
        while let scalar = peek(), Self.isIdentifierStart(scalar) || Self.isDigit(scalar) { position += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<position])
        let name = String(view)
        switch name {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "in": return .symbol(.in)
        default: return .identifier(name)
        }
    }

    private mutating func lexNumber() throws(CELError) -> CELToken.Kind {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            let digitsStart = position
            while let scalar = peek(), scalar.properties.isASCIIHexDigit { position += 1 }
            let digits = text(digitsStart..<position)
            guard !digits.isEmpty else { throw error("expected hex digits after '0x'", at: start) }
            guard let magnitude = UInt64(digits, radix: 16) else {
                throw error("integer literal 0x\(digits) is out of range", at: start)
            }
            return consumeUnsignedSuffix() ? .uint(magnitude) : .int(magnitude)
        }
        var isDouble = false
        while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        if peek() == ".", peek(1).map(Self.isDigit) == true {
            isDouble = true
            position += 1
            while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if peek(signed ? 2 : 1).map(Self.isDigit) == true {
                isDouble = true
                position += signed ? 2 : 1
                while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
            }
        }
        let literal = text(start..<position)
        if isDouble {
            guard let value = Double(literal.hasPrefix(".") ? "0" + literal : literal), value.isFinite else {
                throw error("double literal \(literal) is out of range", at: start)
            }
            return .double(value)
        }
        guard let magnitude = UInt64(literal) else {
            throw error("integer literal \(literal) is out of range", at: start)
        }
        return consumeUnsignedSuffix() ? .uint(magnitude) : .int(magnitude)
    }

    private mutating func consumeUnsignedSuffix() -> Bool {
        guard peek() == "u" || peek() == "U" else { return false }
        position += 1
        return true
    }

    /// Reads a quoted string starting at the current quote; escapes are decoded by `CELEscapes`.
    private mutating func lexString(raw: Bool, bytes: Bool) throws(CELError) -> CELToken.Kind {
        let start = position
        guard let quote = peek() else { throw error("unterminated string literal", at: start) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var decoder = CELEscapes(bytes: bytes)
        while true {
            guard let scalar = peek() else { throw error("unterminated string literal", at: start) }
            if scalar == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                position += triple ? 3 : 1
                break
            }
            if !triple, scalar == "\n" || scalar == "\r" {
                throw error("unterminated string literal (a line break needs ''' or \"\"\" quotes)", at: start)
            }
            if scalar == "\\", !raw {
                let escapeStart = position
                guard peek(1) != nil else { throw error("unterminated string literal", at: start) }
                if let message = decoder.decodeEscape(scalars, at: &position) {
                    throw error(message, at: escapeStart)
                }
            } else {
                decoder.append(scalar)
                position += 1
            }
        }
        return bytes ? .bytes(decoder.bytes) : .string(String(decoder.text))
    }

    private mutating func lexSymbol() throws(CELError) -> CELToken.Kind {
        let start = position
        guard let scalar = peek() else { return .end }
        let pair = String(String.UnicodeScalarView([scalar] + (peek(1).map { [$0] } ?? [])))
        if pair.unicodeScalars.count == 2, let symbol = CELSymbol(rawValue: pair) {
            position += 2
            return .symbol(symbol)
        }
        let single = String(Character(scalar))
        if let symbol = CELSymbol(rawValue: single) {
            position += 1
            return .symbol(symbol)
        }
        let hints: [String: String] = ["=": "==", "&": "&&", "|": "||"]
        if let hint = hints[single] { throw error("unexpected '\(single)'; did you mean '\(hint)'?", at: start) }
        let shown = scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(single)'"
        throw error("unexpected character \(shown)", at: start)
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
