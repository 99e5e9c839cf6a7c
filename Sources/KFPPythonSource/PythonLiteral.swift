/// A Python value written as a literal: what a default value or a docstring evaluates to.
///
/// Integers are kept as `Double`s: KFP stores every number of a default as a protobuf
/// `number_value` (a double), so `12345678901234567890` becomes `1.2345678901234567e19` there too.
package enum PythonValue: Sendable, Hashable {
    case none
    case bool(Bool)
    case int(Double)
    case float(Double)
    case string(String)
    case list([PythonValue])
    case tuple([PythonValue])
    case dict([PythonDictItem])
}

/// One `key: value` of a ``PythonValue/dict(_:)``.
package struct PythonDictItem: Sendable, Hashable {
    package var key: PythonValue
    package var value: PythonValue
}

/// Evaluates literal ``PythonExpression``s (Python's `ast.literal_eval` subset KFP defaults use):
/// strings with every escape but `\N{...}`, integers in any base, floats, `None`, `True`,
/// `False`, lists, tuples, dicts and a sign before a number.
package enum PythonLiteral {
    /// Why an expression is not a literal.
    package struct NotLiteral: Error, Sendable {
        package var reason: String
    }

    /// The value of a literal expression; throws ``NotLiteral`` for names, calls, bytes, f-strings,
    /// complex numbers and other expressions.
    package static func evaluate(_ expression: PythonExpression) throws(NotLiteral) -> PythonValue {
        switch expression {
        case .name("None"): return .none
        case .name("True"): return .bool(true)
        case .name("False"): return .bool(false)
        case .number(let text): return try number(text)
        case .string(let parts): return .string(try string(parts))
        case .list(let items): return .list(try items.map { item throws(NotLiteral) in try evaluate(item) })
        case .tuple(let items): return .tuple(try items.map { item throws(NotLiteral) in try evaluate(item) })
        case .dict(let entries):
            var items: [PythonDictItem] = []
            for entry in entries {
                let key = try evaluate(entry.key)
                let value = try evaluate(entry.value)
                if let existing = items.firstIndex(where: { $0.key == key }) {
                    items[existing].value = value
                } else {
                    items.append(PythonDictItem(key: key, value: value))
                }
            }
            return .dict(items)
        case .unary(let sign, let operand):
            let value = try evaluate(operand)
            let factor: Double = sign == "-" ? -1 : 1
            switch value {
            case .int(let number): return .int(factor * number)
            case .float(let number): return .float(factor * number)
            case .bool(let flag): return .int(factor * (flag ? 1 : 0))
            default: throw NotLiteral(reason: "'\(sign)' applies to numbers only")
            }
        default:
            throw NotLiteral(reason: "it is not a literal")
        }
    }

    /// The value of adjacent string literal tokens (implicit concatenation); bytes and f-strings throw.
    package static func string(_ tokens: [String]) throws(NotLiteral) -> String {
        var result = ""
        for token in tokens {
            let scalars = Array(token.unicodeScalars)
            var prefixLength = 0
            while prefixLength < scalars.count, scalars[prefixLength] != "'", scalars[prefixLength] != "\"" {
                prefixLength += 1
            }
            let prefix = String(String.UnicodeScalarView(scalars[0..<prefixLength])).lowercased()
            if prefix.contains("b") { throw NotLiteral(reason: "bytes are not supported") }
            if prefix.contains("f") { throw NotLiteral(reason: "f-strings are not literals") }
            let quote = scalars[prefixLength]
            let triple = scalars.count >= prefixLength + 6 && scalars[prefixLength + 1] == quote && scalars[prefixLength + 2] == quote
            let quoteLength = triple ? 3 : 1
            guard scalars.count >= prefixLength + 2 * quoteLength else { throw NotLiteral(reason: "unterminated string") }
            let body = Array(scalars[(prefixLength + quoteLength)..<(scalars.count - quoteLength)])
            result += prefix.contains("r") ? String(String.UnicodeScalarView(body)) : try unescape(body)
        }
        return result
    }

    /// Python's escape sequences in a non-raw string body.
    private static func unescape(_ body: [Unicode.Scalar]) throws(NotLiteral) -> String {
        var out = String.UnicodeScalarView()
        var index = 0
        while index < body.count {
            let scalar = body[index]
            guard scalar == "\\", index + 1 < body.count else {
                out.append(scalar)
                index += 1
                continue
            }
            let next = body[index + 1]
            index += 2
            switch next {
            case "\n": break
            case "\\", "'", "\"": out.append(next)
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var digits = String(next)
                while digits.count < 3, index < body.count, ("0"..."7").contains(body[index]) {
                    digits.unicodeScalars.append(body[index])
                    index += 1
                }
                try append(UInt32(digits, radix: 8), to: &out)
            case "x", "u", "U":
                let length = next == "x" ? 2 : next == "u" ? 4 : 8
                guard index + length <= body.count else { throw NotLiteral(reason: "truncated \\\(next) escape") }
                let digits = String(String.UnicodeScalarView(body[index..<(index + length)]))
                guard digits.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else {
                    throw NotLiteral(reason: "truncated \\\(next) escape")
                }
                try append(UInt32(digits, radix: 16), to: &out)
                index += length
            case "N":
                throw NotLiteral(reason: "'\\N{...}' escapes are not supported")
            default:
                out.append("\\")
                out.append(next)
            }
        }
        return String(out)
    }

    private static func append(_ code: UInt32?, to out: inout String.UnicodeScalarView) throws(NotLiteral) {
        guard let code, let scalar = Unicode.Scalar(code) else { throw NotLiteral(reason: "invalid escape") }
        out.append(scalar)
    }

    /// An integer (decimal, `0x`, `0o`, `0b`, with `_` separators) or a float; complex numbers throw.
    package static func number(_ text: String) throws(NotLiteral) -> PythonValue {
        let cleaned = text.replacingUnderscores().lowercased()
        if cleaned.hasSuffix("j") { throw NotLiteral(reason: "complex numbers are not supported") }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where cleaned.hasPrefix(prefix) {
            let digits = cleaned.dropFirst(2)
            guard !digits.isEmpty, let value = Self.integer(digits, radix: radix) else {
                throw NotLiteral(reason: "'\(text)' is not a number")
            }
            return .int(value)
        }
        if cleaned.contains(".") || cleaned.contains("e") {
            guard let value = Double(cleaned) else { throw NotLiteral(reason: "'\(text)' is not a number") }
            return .float(value)
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy(\.isASCIIDigit), let value = Double(cleaned) else {
            throw NotLiteral(reason: "'\(text)' is not a number")
        }
        return .int(value)
    }

    private static func integer(_ digits: Substring, radix: Int) -> Double? {
        var value: Double = 0
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return nil }
            value = value * Double(radix) + Double(digit)
        }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
