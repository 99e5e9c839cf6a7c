import Foundation
import KFPSpec

/// Replaces one single-line scalar of YAML (or JSON) text in place, given where it starts (the
/// 1-based line and column, in Unicode scalars, a YAML parser reports), keeping its quoting style:
/// a plain scalar stays plain, `"…"` and `'…'` stay quoted. Everything around it is kept byte for byte.
///
/// It handles the scalars an image name is written as: plain (ending at white space, `,`, `]`,
/// `}` or a comment), double-quoted and single-quoted on one line; block scalars give `nil`. The
/// caller loads the result to check it (a plain scalar folded over lines is not seen here) and
/// writes the document another way when it differs.
struct YAMLScalarSplice {
    let text: String

    /// The text with the scalar at `mark` replaced by `value`, or `nil` when it cannot be done in place.
    func replacing(at mark: SourceMark, with value: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        guard let start = offset(of: mark, in: scalars), start < scalars.count else { return nil }
        let lineEnd = scalars[start...].firstIndex { $0 == "\n" || $0 == "\r" } ?? scalars.count
        let replacement: String
        let end: Int
        switch scalars[start] {
        case "\"":
            var index = start + 1
            while index < lineEnd, scalars[index] != "\"" { index += scalars[index] == "\\" ? 2 : 1 }
            guard index < lineEnd else { return nil }
            end = index + 1
            replacement = Self.doubleQuoted(value)
        case "'":
            var index = start + 1
            while index < lineEnd {
                if scalars[index] == "'" {
                    if index + 1 < lineEnd, scalars[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    break
                }
                index += 1
            }
            guard index < lineEnd else { return nil }
            end = index + 1
            replacement = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case "|", ">", "&", "*", "!", "[", "{":
            return nil
        default:
            end = scalars[start..<lineEnd].firstIndex { $0 == " " || $0 == "\t" || $0 == "," || $0 == "]" || $0 == "}" } ?? lineEnd
            replacement = Self.isPlainSafe(value) ? value : Self.doubleQuoted(value)
        }
        scalars.replaceSubrange(start..<end, with: replacement.unicodeScalars)
        return String(String.UnicodeScalarView(scalars))
    }

    /// The offset of a 1-based line and column; lines end at `\n`, `\r\n` or `\r`.
    private func offset(of mark: SourceMark, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1
        var index = 0
        while line < mark.line {
            guard index < scalars.count else { return nil }
            if scalars[index] == "\r" {
                line += 1
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else if scalars[index] == "\n" {
                line += 1
            }
            index += 1
        }
        let target = index + mark.column - 1
        guard target <= scalars.count, !scalars[index..<target].contains(where: { $0 == "\n" || $0 == "\r" }) else { return nil }
        return target
    }

    /// `value` as a double-quoted scalar.
    static func doubleQuoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// An image reference written plain reads back as the same string.
    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) else { return false }
        return !value.contains(": ") && !value.contains(" #") && !value.contains(where: \.isWhitespace)
    }
}
