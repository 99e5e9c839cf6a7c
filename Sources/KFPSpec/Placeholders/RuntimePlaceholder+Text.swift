import Foundation

extension RuntimePlaceholder {
    /// A piece of text that may hold placeholders.
    package enum TextPart: Sendable, Hashable {
        /// Text outside any placeholder.
        case literal(String)
        /// A `{{$...}}` with its reference (`$.inputs.parameters['x']`), which ``RuntimePlaceholder``
        /// may or may not know.
        case placeholder(reference: String)
        /// The rest of the text from a `{{$` that is never closed.
        case unterminated(String)
    }

    /// The literals and placeholders of `text`, in order (no empty literals). Placeholders are
    /// found in one pass, left to right: `{{$` up to the first `}}`.
    package static func parts(of text: String) -> [TextPart] {
        var result: [TextPart] = []
        var rest = text[...]
        while let open = rest.range(of: opening) {
            if open.lowerBound > rest.startIndex { result.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                result.append(.unterminated(String(rest[open.lowerBound...])))
                return result
            }
            result.append(.placeholder(reference: String(rest[rest.index(open.lowerBound, offsetBy: 2)..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        return result
    }

    /// `text` with every placeholder whose reference `lookup` knows replaced, in one pass:
    /// substituted text is never scanned again, and the placeholders `lookup` does not know stay
    /// as written.
    package static func substitute(_ text: String, _ lookup: (String) throws -> String?) rethrows -> String {
        guard text.contains(opening) else { return text }
        var result = ""
        for part in parts(of: text) {
            switch part {
            case .literal(let literal), .unterminated(let literal): result += literal
            case .placeholder(let reference): result += try lookup(reference) ?? "{{\(reference)}}"
            }
        }
        return result
    }
}
