/// The descriptions KFP reads from a function's docstring (`extract_component_interface`).
///
/// KFP cleans the docstring with `inspect.getdoc` and parses it with `docstring_parser.parse`, which
/// tries the ReST, Google, numpydoc and epydoc styles and keeps the result with the most sections
/// (the first style on a tie). The component description is the short description, a line end and
/// the long description, stripped. Inputs take the descriptions of the parameters of the same name;
/// outputs take those of a `Returns:` section, which KFP parses as if it were an `Args:` section.
///
/// This reimplements the Google style (what KFP documents) and the ReST field lists; numpydoc and
/// epydoc sections are read as plain text.
package struct PythonDocstring: Sendable, Hashable {
    /// The component description, or `nil`.
    package var description: String?
    /// Input descriptions by parameter name.
    package var inputDescriptions: [String: String]
    /// Output descriptions by output name.
    package var outputDescriptions: [String: String]

    /// The descriptions of a docstring's value (before `inspect.getdoc` cleaning).
    package init(_ docstring: String) {
        let text = Self.cleandoc(docstring)
        let parsed = Self.parse(text)
        let short = parsed.short
        let long = parsed.long
        let joined = short.flatMap { short in long.map { "\(short)\n\($0)" } } ?? short
        description = joined.map { $0.pythonStripped() }.flatMap { $0.isEmpty ? nil : $0 }
        inputDescriptions = Dictionary(parsed.params.map { ($0.name, $0.description) }, uniquingKeysWith: { $1 })
        outputDescriptions = [:]
        for keyword in ["Returns:\n", "Returns\n", "Return:\n", "Return\n"] where text.contains(keyword) {
            let modified = text.replacingAll(String(keyword.dropLast()), with: "Args:")
            let returns = Self.parse(modified).params
            outputDescriptions = Dictionary(returns.map { ($0.name, $0.description) }, uniquingKeysWith: { $1 })
            break
        }
    }

    private struct Parsed {
        var short: String?
        var long: String?
        var params: [(name: String, description: String)] = []
        var metaCount = 0
    }

    private struct ParseError: Error {}

    /// `docstring_parser.parse` with automatic style: the ReST or Google result with more sections.
    private static func parse(_ text: String) -> Parsed {
        let rest = try? parseReST(text)
        let google = try? parseGoogle(text)
        if let google, google.metaCount > (rest?.metaCount ?? -1) { return google }
        if let rest { return rest }
        return descriptions(of: text)
    }

    /// The short description (first line) and the stripped long description (the rest).
    private static func descriptions(of chunk: String) -> Parsed {
        let parts = chunk.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        var result = Parsed()
        result.short = parts.first.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if parts.count > 1 {
            let long = String(parts[1]).pythonStripped()
            result.long = long.isEmpty ? nil : long
        }
        return result
    }

    // MARK: Google style

    private static let googleTitles: [(title: String, isParameter: Bool, isMultiple: Bool)] = [
        ("Arguments", true, true), ("Args", true, true), ("Parameters", true, true), ("Params", true, true),
        ("Raises", false, true), ("Exceptions", false, true), ("Except", false, true), ("Attributes", true, true),
        ("Example", false, false), ("Examples", false, false), ("Returns", false, false), ("Yields", false, false),
    ]

    /// The section title a line is (`Args:` with optional trailing blanks), if any.
    private static func googleTitle(_ line: Substring) -> String? {
        var trimmed = line
        while let last = trimmed.last, [" ", "\t", "\r", "\u{0C}", "\u{0B}"].contains(last) { trimmed.removeLast() }
        guard trimmed.hasSuffix(":") else { return nil }
        let title = String(trimmed.dropLast())
        return googleTitles.contains { $0.title == title } ? title : nil
    }

    private static func parseGoogle(_ text: String) throws(ParseError) -> Parsed {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { googleTitle($0) != nil }) else { return descriptions(of: text) }
        var result = descriptions(of: lines[..<first].joined(separator: "\n") + "\n")
        if first == 0 { result.short = nil; result.long = nil }
        // Sections in order of first appearance; a repeated title replaces the earlier text.
        var order: [String] = []
        var chunks: [String: String] = [:]
        var index = first
        while index < lines.count {
            guard let title = googleTitle(lines[index]) else { index += 1; continue }
            var end = index + 1
            while end < lines.count, googleTitle(lines[end]) == nil { end += 1 }
            var body: [Substring] = [""]
            for line in lines[(index + 1)..<end] {
                if let first = line.unicodeScalars.first, !first.properties.isWhitespace { break }
                body.append(line)
            }
            if !order.contains(title) { order.append(title) }
            chunks[title] = body.joined(separator: "\n").trimmingCharacters("\n")
            index = end
        }
        for title in order {
            guard let chunk = chunks[title], let section = googleTitles.first(where: { $0.title == title }) else { continue }
            guard section.isMultiple else {
                result.metaCount += 1
                continue
            }
            let indent = String(chunk.prefix { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            var items: [String] = []
            for line in chunk.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(indent), let next = line.dropFirst(indent.count).unicodeScalars.first,
                    !next.properties.isWhitespace
                {
                    items.append(String(line.dropFirst(indent.count)))
                } else if !items.isEmpty {
                    items[items.count - 1] += "\n" + line
                }
            }
            guard !items.isEmpty else { throw ParseError() }
            for item in items {
                let part = item.trimmingCharacters("\n")
                guard let colon = part.firstIndex(of: ":") else { throw ParseError() }
                var before = String(part[..<colon])
                if let newline = before.firstIndex(of: "\n") {
                    before = String(before[..<newline]) + cleandoc(String(before[before.index(after: newline)...]))
                }
                result.metaCount += 1
                guard section.isParameter else { continue }
                result.params.append((typedArgumentName(before) ?? before, googleDescription(String(part[part.index(after: colon)...]))))
            }
        }
        return result
    }

    /// The description after an item's colon: one leading space dropped, continuation lines cleaned.
    private static func googleDescription(_ text: String) -> String {
        var desc = Substring(text)
        guard !desc.isEmpty else { return "" }
        if desc.first == " " { desc = desc.dropFirst() }
        var result = String(desc)
        if let newline = result.firstIndex(of: "\n") {
            result = String(result[..<newline]) + "\n" + cleandoc(String(result[result.index(after: newline)...]))
        }
        return result.trimmingCharacters("\n")
    }

    /// `GOOGLE_TYPED_ARG_REGEX` (`name (type)`): the name before the first `(` that a `)` follows
    /// on the same line with something in between.
    private static func typedArgumentName(_ before: String) -> String? {
        let line = before.drop { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }.prefix { $0 != "\n" }
        var index = line.index(line.startIndex, offsetBy: 1, limitedBy: line.endIndex) ?? line.endIndex
        while let open = line[index...].firstIndex(of: "(") {
            let after = line[line.index(after: open)...]
            if let close = after.lastIndex(of: ")"),
                after[..<close].contains(where: { character in !character.unicodeScalars.allSatisfy { $0.properties.isWhitespace } })
            {
                let name = line[..<open].pythonRightStripped()
                return name.isEmpty ? nil : name
            }
            index = line.index(after: open)
        }
        return nil
    }

    // MARK: ReST field lists

    private static let restParameterKeys: Set<String> = ["param", "parameter", "arg", "argument", "attribute", "key", "keyword"]

    private static func parseReST(_ text: String) throws(ParseError) -> Parsed {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.hasPrefix(":") }) else { return descriptions(of: text) }
        var result = descriptions(of: lines[..<first].joined(separator: "\n") + (first > 0 ? "\n" : ""))
        var fields: [String] = []
        for line in lines[first...] {
            if line.hasPrefix(":") { fields.append(String(line)) } else { fields[fields.count - 1] += "\n" + line }
        }
        var rtypes = 0
        var hasReturns = false
        for field in fields {
            let body = field.drop { $0 == ":" }
            guard let colon = body.firstIndex(of: ":") else { throw ParseError() }
            let arguments = body[..<colon].split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard let key = arguments.first else { throw ParseError() }
            var desc = String(body[body.index(after: colon)...]).pythonStripped()
            if let newline = desc.firstIndex(of: "\n") {
                desc = String(desc[..<newline]) + "\n" + cleandoc(String(desc[desc.index(after: newline)...]))
            }
            if arguments.count == 2 && key == "type" { continue }
            if (arguments.count == 1 || arguments.count == 2) && key == "rtype" {
                rtypes += 1
                continue
            }
            if restParameterKeys.contains(key) {
                guard arguments.count == 2 || arguments.count == 3, let name = arguments.last else { throw ParseError() }
                result.params.append((name, desc))
            } else if ["return", "returns", "yield", "yields", "raises", "raise", "except", "exception"].contains(key) {
                guard arguments.count <= 2 else { throw ParseError() }
                hasReturns = hasReturns || ["return", "returns", "yield", "yields"].contains(key)
            }
            result.metaCount += 1
        }
        if !hasReturns { result.metaCount += rtypes }
        return result
    }

    // MARK: Cleaning

    /// `inspect.cleandoc`: tabs expanded, the first line's leading blanks and the common indentation
    /// of the other lines removed, leading and trailing empty lines dropped.
    package static func cleandoc(_ text: String) -> String {
        var lines = text.expandingTabs().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var margin = Int.max
        for line in lines.dropFirst() {
            let content = line.pythonLeftStripped().unicodeScalars.count
            if content > 0 { margin = min(margin, line.unicodeScalars.count - content) }
        }
        if !lines.isEmpty { lines[0] = lines[0].pythonLeftStripped() }
        if margin < Int.max {
            for index in lines.indices.dropFirst() {
                lines[index] = String(String.UnicodeScalarView(lines[index].unicodeScalars.dropFirst(margin)))
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}

extension StringProtocol {
    /// Python's `str.isspace` for one scalar.
    fileprivate static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// Python's `str.lstrip()`.
    fileprivate func pythonLeftStripped() -> String {
        String(String.UnicodeScalarView(unicodeScalars.drop(while: Self.isPythonSpace)))
    }

    /// Python's `str.rstrip()`.
    fileprivate func pythonRightStripped() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, Self.isPythonSpace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Python's `str.strip()`.
    fileprivate func pythonStripped() -> String { pythonLeftStripped().pythonRightStripped() }

    /// Python's `str.strip(character)` for one character.
    fileprivate func trimmingCharacters(_ character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }

    /// Python's `str.replace(old, new)`: every non-overlapping occurrence, left to right.
    fileprivate func replacingAll(_ old: String, with new: String) -> String {
        String(self).replacing(old, with: new)
    }

    /// Python's `str.expandtabs()`: tabs to the next multiple of 8, columns restarting at line ends.
    fileprivate func expandingTabs() -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in unicodeScalars {
            switch scalar {
            case "\t":
                let spaces = 8 - column % 8
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case "\n", "\r":
                out.append(scalar)
                column = 0
            default:
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }
}
