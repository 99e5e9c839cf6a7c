/// `parseJson(text)`: the custom CEL function KFP's driver registers, which reads JSON text
/// (Go's `json.Unmarshal` into `interface{}`) and hands the value to CEL.
///
/// Objects become maps with string keys (a repeated key keeps its last value, as in Go), arrays
/// lists, `true`/`false` bools and `null` null. Go reads every number as a float64; here a
/// number written without fraction or exponent that fits in 64 bits stays an `int`, which
/// compares equal to the same double under CEL's heterogeneous equality and keeps `5` as `5`
/// in the local runner's JSON. Nesting is limited to ``CELValue/maxJSONDepth`` levels.
struct CELJSONReader {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    static func parse(_ text: String) throws(CELFailure) -> CELValue {
        var reader = CELJSONReader(text)
        reader.skipSpace()
        let value = try reader.readValue(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.scalars.count else {
            throw reader.failure("unexpected \(reader.describeCurrent) after the JSON value")
        }
        return value
    }

    private func failure(_ message: String) -> CELFailure {
        CELFailure("parseJson(): invalid JSON at character \(position + 1): \(message)")
    }

    private var describeCurrent: String {
        guard position < scalars.count else { return "end of text" }
        let scalar = scalars[position]
        return scalar.value < 0x20 ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(Character(scalar))'"
    }

    private func peek() -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func skipSpace() {
        while let scalar = peek(), [" ", "\t", "\n", "\r"].contains(scalar) { position += 1 }
    }

    private mutating func readValue(depth: Int) throws(CELFailure) -> CELValue {
        guard depth <= CELValue.maxJSONDepth else { throw failure("nests deeper than \(CELValue.maxJSONDepth) levels") }
        guard let scalar = peek() else { throw failure("expected a value but found end of text") }
        switch scalar {
        case "{": return try readObject(depth: depth)
        case "[": return try readArray(depth: depth)
        case "\"": return .string(try readString())
        case "t": return try readWord("true", .bool(true))
        case "f": return try readWord("false", .bool(false))
        case "n": return try readWord("null", .null)
        case "-", "0"..."9": return try readNumber()
        default: throw failure("expected a value but found \(describeCurrent)")
        }
    }

    private mutating func readWord(_ word: String, _ value: CELValue) throws(CELFailure) -> CELValue {
        for expected in word.unicodeScalars {
            guard peek() == expected else { throw failure("expected '\(word)' but found \(describeCurrent)") }
            position += 1
        }
        return value
    }

    private mutating func readObject(depth: Int) throws(CELFailure) -> CELValue {
        position += 1
        var map = CELMap()
        skipSpace()
        if peek() == "}" {
            position += 1
            return .map(map)
        }
        while true {
            skipSpace()
            guard peek() == "\"" else { throw failure("expected a string key but found \(describeCurrent)") }
            let key = try readString()
            skipSpace()
            guard peek() == ":" else { throw failure("expected ':' after an object key but found \(describeCurrent)") }
            position += 1
            skipSpace()
            map.insert(.string(key), try readValue(depth: depth + 1))
            skipSpace()
            if peek() == "," {
                position += 1
                continue
            }
            guard peek() == "}" else { throw failure("expected ',' or '}' but found \(describeCurrent)") }
            position += 1
            return .map(map)
        }
    }

    private mutating func readArray(depth: Int) throws(CELFailure) -> CELValue {
        position += 1
        var elements: [CELValue] = []
        skipSpace()
        if peek() == "]" {
            position += 1
            return .list(elements)
        }
        while true {
            skipSpace()
            elements.append(try readValue(depth: depth + 1))
            skipSpace()
            if peek() == "," {
                position += 1
                continue
            }
            guard peek() == "]" else { throw failure("expected ',' or ']' but found \(describeCurrent)") }
            position += 1
            return .list(elements)
        }
    }

    private mutating func readNumber() throws(CELFailure) -> CELValue {
        let start = position
        func digits(_ reader: inout CELJSONReader) -> Int {
            let from = reader.position
            while let scalar = reader.peek(), ("0"..."9").contains(scalar) { reader.position += 1 }
            return reader.position - from
        }
        if peek() == "-" { position += 1 }
        if peek() == "0" {
            position += 1  // a leading zero stands alone: "01" is 0 followed by garbage, as in Go
        } else if digits(&self) == 0 {
            throw failure("expected a digit but found \(describeCurrent)")
        }
        var isInteger = true
        if peek() == "." {
            position += 1
            isInteger = false
            guard digits(&self) > 0 else { throw failure("expected a digit after '.' but found \(describeCurrent)") }
        }
        if peek() == "e" || peek() == "E" {
            position += 1
            isInteger = false
            if peek() == "+" || peek() == "-" { position += 1 }
            guard digits(&self) > 0 else { throw failure("expected an exponent but found \(describeCurrent)") }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<position])
        let text = String(view)
        if isInteger, let integer = Int64(text) { return .int(integer) }
        guard let number = Double(text), number.isFinite else { throw failure("number \(text) is out of range") }
        return .double(number)
    }

    private mutating func readString() throws(CELFailure) -> String {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                position = start
                throw failure("unterminated string")
            }
            position += 1
            switch scalar {
            case "\"": return String(text)
            case "\\": text.append(try readEscape())
            default:
                guard scalar.value >= 0x20 else { throw failure("control character in a string") }
                text.append(scalar)
            }
        }
    }

    private mutating func readEscape() throws(CELFailure) -> Unicode.Scalar {
        guard let letter = peek() else { throw failure("unterminated escape") }
        position += 1
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
        ]
        if let scalar = simple[letter] { return scalar }
        guard letter == "u" else { throw failure("invalid escape '\\\(Character(letter))'") }
        let high = try readHex4()
        if (0xD800..<0xDC00).contains(high), peek() == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
            let save = position
            position += 2
            let low = try readHex4()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            position = save
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"  // a lone surrogate becomes U+FFFD, as in Go
    }

    private mutating func readHex4() throws(CELFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek(), scalar.properties.isASCIIHexDigit,
                let digit = UInt32(String(Character(scalar)), radix: 16)
            else { throw failure("\\u needs 4 hex digits") }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}
