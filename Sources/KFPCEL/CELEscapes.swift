/// Builds the value of a string or bytes literal, decoding CEL's escape sequences
/// (cel-spec `doc/langdef.md`, "String and Bytes Values"), as cel-go does:
///
/// `\\ \? \" \' \` \a \b \f \n \r \t \v`, `\xHH`, octal `\OOO` (first digit 0-3), and in strings
/// only `\uHHHH` and `\UHHHHHHHH`. In a string `\xHH` and `\OOO` name a code point (`'\xFF'` is
/// `ÿ`); in bytes they name one byte, and other characters are stored as UTF-8.
struct CELEscapes {
    let isBytes: Bool
    private(set) var text = String.UnicodeScalarView()
    private(set) var bytes: [UInt8] = []

    init(bytes: Bool) { isBytes = bytes }

    /// Appends a literal character.
    mutating func append(_ scalar: Unicode.Scalar) {
        if isBytes {
            bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
        } else {
            text.append(scalar)
        }
    }

    private mutating func appendByte(_ byte: UInt8) {
        if isBytes {
            bytes.append(byte)
        } else {
            text.append(Unicode.Scalar(byte))
        }
    }

    /// Decodes the escape at `position` (which is on the backslash) and moves past it.
    /// Returns an error message for an invalid escape.
    mutating func decodeEscape(_ scalars: [Unicode.Scalar], at position: inout Int) -> String? {
        let start = position
        guard start + 1 < scalars.count else { return "unterminated escape sequence" }
        let letter = scalars[start + 1]
        position = start + 2
        let simple: [Unicode.Scalar: UInt8] = [
            "\\": 0x5C, "?": 0x3F, "\"": 0x22, "'": 0x27, "`": 0x60, "a": 0x07, "b": 0x08, "f": 0x0C,
            "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B,
        ]
        if let byte = simple[letter] {
            appendByte(byte)
            return nil
        }
        switch letter {
        case "x", "X":
            guard let value = number(scalars, from: start + 2, count: 2, radix: 16) else {
                return "invalid escape: \\x needs 2 hex digits"
            }
            position = start + 4
            appendByte(UInt8(truncatingIfNeeded: value))
        case "u", "U":
            let count = letter == "u" ? 4 : 8
            guard !isBytes else { return "invalid escape: \\\(letter) is not allowed in bytes literals" }
            guard let value = number(scalars, from: start + 2, count: count, radix: 16) else {
                return "invalid escape: \\\(letter) needs \(count) hex digits"
            }
            guard let scalar = Unicode.Scalar(value) else {
                return "invalid escape: U+\(String(value, radix: 16, uppercase: true)) is not a valid code point"
            }
            position = start + 2 + count
            text.append(scalar)
        case "0"..."3":
            guard let value = number(scalars, from: start + 1, count: 3, radix: 8) else {
                return "invalid escape: octal escapes need 3 digits (\\000 to \\377)"
            }
            position = start + 4
            appendByte(UInt8(truncatingIfNeeded: value))
        default:
            let shown = letter.properties.isWhitespace ? "whitespace" : "'\\\(Character(letter))'"
            return "invalid escape sequence \(shown)"
        }
        return nil
    }

    /// Reads exactly `count` digits in `radix` starting at `from`.
    private func number(_ scalars: [Unicode.Scalar], from: Int, count: Int, radix: Int) -> UInt32? {
        guard from + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[from..<from + count] {
            guard scalar.isASCII, let digit = Int(String(Character(scalar)), radix: radix) else { return nil }
            value = value * UInt32(radix) + UInt32(digit)
        }
        return value
    }
}
