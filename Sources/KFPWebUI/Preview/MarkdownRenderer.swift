import Foundation
import Ink

/// Renders the Markdown of a `system.Markdown` artifact to HTML that cannot hold raw HTML tags.
///
/// Ink passes raw HTML (`<script>`, `<img onerror=…>`) and the URLs of links through unchanged, and
/// escapes `<`, `>` and `&` only inside code. So, before Ink runs, `<`, `"` and every `&` that does
/// not start an entity are escaped outside code spans and fenced code blocks (Ink escapes those
/// itself); after it runs, ``HTMLSanitizer`` keeps only the tags and attributes Ink makes. The
/// sandboxed `iframe` the page puts the result in is the last fence.
enum MarkdownRenderer {
    /// The HTML of `markdown`: headings, paragraphs, lists, tables, code, links and images.
    static func html(from markdown: String) -> String {
        let normalized = markdown.replacingOccurrences(of: "\r\n", with: "\n")
        let html = MarkdownParser().html(from: escapeSource(normalized))
        return HTMLSanitizer.sanitize(html)
    }

    /// `markdown` with `<`, `"` and non-entity `&` escaped everywhere except in code, where Ink
    /// escapes them: inside fenced code blocks (a line starting with three or more backticks, up
    /// to a line starting with as many at column 0, as Ink reads them) and inline code spans.
    static func escapeSource(_ markdown: String) -> String {
        var lines: [String] = []
        var fence: Int?  // the backtick count of the open code block
        var previous: Substring?  // the line before, outside code; nil at the start and after a code block
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            let ticks = rest.prefix { $0 == "`" }.count
            if let open = fence {
                if indent.isEmpty, ticks == open {
                    // Ink closes the block right after the backticks and reads the rest as Markdown.
                    lines.append(String(rest.prefix(ticks)) + escapeInline(rest.dropFirst(ticks)))
                    fence = nil
                } else {
                    lines.append(String(line))
                }
                previous = nil
            } else if ticks >= 3, opensCodeBlock(indented: !indent.isEmpty, after: previous) {
                // Ink puts the language name, unescaped, into a class attribute.
                fence = ticks
                lines.append(String(indent) + String(rest.prefix(ticks)) + escapeText(rest.dropFirst(ticks)))
            } else {
                lines.append(isURLDeclaration(rest) ? escapeText(line) : escapeInline(line))
                previous = line
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `true` when a line of three or more backticks starts a code block for Ink: at the start, after
    /// a blank line or a heading, or (not indented) right after a paragraph line. After a list item,
    /// quote or table line Ink reads the backticks as inline code instead.
    static func opensCodeBlock(indented: Bool, after previous: Substring?) -> Bool {
        guard let previous else { return true }
        let text = previous.drop { $0 == " " }
        if text.isEmpty || text.first == "#" { return true }
        if indented { return false }
        let listMarker = text.first.map { "-*+>|".contains($0) || $0.isNumber } ?? false
        return !listMarker
    }

    /// A line escaped outside inline code spans (text between a backtick and the next one); the
    /// URL of a link or image (`](…)`), which Ink copies into an attribute, is escaped entirely.
    static func escapeInline(_ line: Substring) -> String {
        var out = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "`", let close = line[line.index(after: index)...].firstIndex(of: "`") {
                out += line[index...close]
                index = line.index(after: close)
            } else if character == "]", line[index...].hasPrefix("]("),
                let close = closingParenthesis(in: line, from: line.index(index, offsetBy: 2))
            {
                out += "](" + escapeText(line[line.index(index, offsetBy: 2)..<close]) + ")"
                index = line.index(after: close)
            } else {
                out += escaped(line, at: index)
                index = line.index(after: index)
            }
        }
        return out
    }

    /// The `)` that closes a link URL starting at `start`, balancing nested parentheses as Ink does.
    static func closingParenthesis(in line: Substring, from start: Substring.Index) -> Substring.Index? {
        var depth = 0
        for index in line[start...].indices {
            switch line[index] {
            case "(": depth += 1
            case ")" where depth == 0: return index
            case ")": depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `true` for a reference link's URL declaration (`[name]: url`), whose URL Ink copies into `href`.
    static func isURLDeclaration(_ line: Substring) -> Bool {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return false }
        return line[close...].hasPrefix("]:")
    }

    /// `text` with `<` and `"` escaped, and `&` escaped unless it starts an entity (`&lt;`, `&#39;`).
    static func escapeText(_ text: Substring) -> String {
        text.indices.map { escaped(text, at: $0) }.joined()
    }

    /// The character of `text` at `index`, escaped as ``escapeText(_:)`` escapes it.
    static func escaped(_ text: Substring, at index: Substring.Index) -> String {
        switch text[index] {
        case "<": return "&lt;"
        case "\"": return "&quot;"
        case "&": return HTMLSanitizer.startsEntity(text[index...]) ? "&" : "&amp;"
        default: return String(text[index])
        }
    }
}
