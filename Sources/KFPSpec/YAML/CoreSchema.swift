import Foundation
import Yams

/// YAML 1.2 core-schema scalar resolution, and the set of strings a writer must quote.
///
/// Reading follows the YAML 1.2 core schema (DESIGN section 6): only `true`/`false` are
/// booleans, `yes`/`no`/`on`/`off`/`y`/`n` are strings, `1:30` and `1_000` are strings.
/// Writing quotes every string that a YAML 1.1 reader (PyYAML, the KFP SDK), a YAML 1.2 reader or
/// a careless reader could take for something else.
enum CoreSchema {
    /// The core-schema kind of a plain scalar, without regular expressions.
    static func kind(of text: String) -> ScalarKind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .float
        default: break
        }
        var bytes = Substring(text).utf8[...]
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (first >= 48 && first <= 57)
        else { return .string }
        if bytes.count > 2, bytes.first == 48, let second = bytes.dropFirst().first {
            let rest = bytes.dropFirst(2)
            if second == UInt8(ascii: "o") { return rest.allSatisfy { $0 >= 48 && $0 <= 55 } ? .int : .string }
            if second == UInt8(ascii: "x") { return rest.allSatisfy(isHexDigit) ? .int : .string }
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let digits = bytes.prefix { $0 >= 48 && $0 <= 57 }
        var rest = bytes.dropFirst(digits.count)
        if rest.isEmpty { return digits.isEmpty ? .string : .int }
        var fraction = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0 >= 48 && $0 <= 57 }.count
            rest = rest.dropFirst(fraction)
        }
        if digits.isEmpty && fraction == 0 { return .string }
        if let marker = rest.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0 >= 48 && $0 <= 57 }.count
            if exponent == 0 { return .string }
            rest = rest.dropFirst(exponent)
        }
        return rest.isEmpty ? .float : .string
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }

    static let resolver: Resolver = {
        var resolver = Resolver.basic
        for (tag, pattern) in rules {
            // The patterns are constants; a failure here is a programming error caught by every test.
            if let next = try? resolver.appending(tag, pattern) { resolver = next }
        }
        return resolver
    }()

    static let rules: [(Tag.Name, String)] = [
        (.null, "^(?:~|null|Null|NULL|)$"),
        (.bool, "^(?:true|True|TRUE|false|False|FALSE)$"),
        (.int, "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        (.float, "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
    ]

    /// Strings that some YAML reader would not read back as the same string when written plain.
    private static let ambiguous: NSRegularExpression? = try? NSRegularExpression(
        pattern: """
            ^(?:~|null|Null|NULL|\
            y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\
            [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\
            [-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\
            [-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+|\
            [-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|\
            [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \\t]+).*)?|\
            <<|=)$
            """)

    /// `true` when `string` must be quoted to be read back as a string by any YAML reader.
    static func needsQuoting(_ string: String) -> Bool {
        // Every ambiguous form starts with a digit, a sign, a dot, `~`, `<`, `=`, or is a keyword of
        // at most 5 letters starting with one of `nNyYtTfFoO`: other strings skip the regex.
        guard let first = string.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if string.utf8.count > 5 { return false }
        default:
            return false
        }
        guard let ambiguous else { return true }
        let range = NSRange(string.startIndex..., in: string)
        return ambiguous.firstMatch(in: string, range: range) != nil
    }
}
