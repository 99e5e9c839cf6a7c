/// Keeps the tags and attributes Ink makes from Markdown and escapes everything else.
///
/// Allowed: the block and inline elements of Ink's output (`h1`-`h6`, `p`, lists, tables, `pre`,
/// `code`, `em`, `strong`, `s`, `blockquote`, `hr`, `br`, `a`, `img`) with only `href` (`a`),
/// `src` and `alt` (`img`), `class` (`code`), `start` (`ol`) and `align` (`th`, `td`). A URL whose
/// scheme is not `http`, `https` or `mailto` becomes `#`. Any other `<` is written as `&lt;`.
enum HTMLSanitizer {
    /// The allowed elements and, for each, its allowed attributes.
    static let allowed: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt"], "code": ["class"], "ol": ["start"], "th": ["align"], "td": ["align"],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "p": [], "br": [], "hr": [], "em": [],
        "strong": [], "s": [], "del": [], "pre": [], "blockquote": [], "ul": [], "li": [], "table": [],
        "thead": [], "tbody": [], "tr": [],
    ]

    /// Elements without content or closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img"]

    /// The URL schemes a link or image may use; relative URLs and fragments are always allowed.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// `html` with disallowed tags and attributes escaped or dropped.
    static func sanitize(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            if let tag = parseTag(rest[open...]) {
                out += tag.html
                rest = rest[tag.end...]
            } else {
                out += "&lt;"
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }

    /// The rebuilt tag starting at `text` (which starts with `<`) and the index after it, or `nil`
    /// when it is not a well-formed allowed tag.
    static func parseTag(_ text: Substring) -> (html: String, end: Substring.Index)? {
        var index = text.index(after: text.startIndex)
        let closing = index < text.endIndex && text[index] == "/"
        if closing { index = text.index(after: index) }
        let name = text[index...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !name.isEmpty, let attributes = allowed[name.lowercased()] else { return nil }
        let element = name.lowercased()
        index = name.endIndex
        var kept: [(String, String)] = []
        while index < text.endIndex {
            let character = text[index]
            if character == ">" {
                let end = text.index(after: index)
                if closing { return voidElements.contains(element) ? ("", end) : ("</\(element)>", end) }
                let rendered = kept.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
                return ("<\(element)\(rendered)>", end)
            }
            if character.isWhitespace || character == "/" {
                index = text.index(after: index)
                continue
            }
            guard let attribute = parseAttribute(text[index...]) else { return nil }
            let key = attribute.name.lowercased()
            if !closing, attributes.contains(key), !kept.contains(where: { $0.0 == key }) {
                kept.append((key, key == "href" || key == "src" ? safeURL(attribute.value) : attribute.value))
            }
            index = attribute.end
        }
        return nil
    }

    /// An attribute `name`, `name=value`, `name="value"` or `name='value'` at the start of `text`.
    static func parseAttribute(_ text: Substring) -> (name: String, value: String, end: Substring.Index)? {
        let name = text.prefix { !$0.isWhitespace && !"=>/\"'<".contains($0) }
        guard !name.isEmpty else { return nil }
        var index = name.endIndex
        guard index < text.endIndex, text[index] == "=" else { return (String(name), "", index) }
        index = text.index(after: index)
        guard index < text.endIndex else { return nil }
        let quote = text[index]
        if quote == "\"" || quote == "'" {
            let start = text.index(after: index)
            guard let close = text[start...].firstIndex(of: quote) else { return nil }
            return (String(name), String(text[start..<close]), text.index(after: close))
        }
        let value = text[index...].prefix { !$0.isWhitespace && $0 != ">" }
        return (String(name), String(value), value.endIndex)
    }

    /// `url`, or `#` when, with entities decoded and control characters and spaces removed, it has
    /// a scheme other than `http`, `https` or `mailto` (`javascript:`, `data:`, `vbscript:`).
    static func safeURL(_ url: String) -> String {
        let decoded = decodeEntities(url).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let plain = String(String.UnicodeScalarView(decoded)).lowercased()
        guard let colon = plain.firstIndex(of: ":") else { return url }
        let beforeColon = plain[..<colon]
        if beforeColon.contains(where: { "/?#".contains($0) }) { return url }
        return allowedSchemes.contains(String(beforeColon)) ? url : "#"
    }

    /// `text` with numeric entities (`;` optional, as browsers read them) and the named entities
    /// that can hide a scheme decoded.
    static func decodeEntities(_ text: String) -> String {
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
            "newline": "\n", "sol": "/", "num": "#", "quest": "?",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let body: Substring
            var replacement: String?
            if rest.hasPrefix("#x") || rest.hasPrefix("#X") {
                body = rest.prefix(2) + rest.dropFirst(2).prefix { $0.isHexDigit }
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if rest.hasPrefix("#") {
                body = rest.prefix(1) + rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                body = rest.prefix { $0.isASCII && $0.isLetter }
                let terminated = body.endIndex < rest.endIndex && rest[body.endIndex] == ";"
                replacement = terminated ? named[body.lowercased()] : nil
            }
            guard let replacement else {
                out += "&"
                continue
            }
            out += replacement
            rest = rest.dropFirst(body.count)
            if rest.first == ";" { rest = rest.dropFirst() }
        }
        return out + rest
    }

    /// `value` for a double-quoted attribute: `"`, `<` and `>` escaped, `&` kept when it starts an entity.
    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        var index = value.startIndex
        while index < value.endIndex {
            switch value[index] {
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += startsEntity(value[index...]) ? "&" : "&amp;"
            default: out.append(value[index])
            }
            index = value.index(after: index)
        }
        return out
    }

    /// `true` when `text` starts with a character reference: `&name;`, `&#123;` or `&#x1F;`.
    static func startsEntity(_ text: Substring) -> Bool {
        guard text.first == "&" else { return false }
        let body = text.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
        guard !body.isEmpty, body.endIndex < text.endIndex, text[body.endIndex] == ";" else { return false }
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return body.count > 2 && UInt32(body.dropFirst(2), radix: 16) != nil
        }
        if body.hasPrefix("#") { return body.count > 1 && UInt32(body.dropFirst()) != nil }
        return body.first?.isLetter == true && !body.contains("#")
    }
}
