import Foundation

/// Reads back the text a ``Ref`` leaves in a Swift `String` it is interpolated into
/// (`{{channel:task=...;name=...;type=...;}}`, like KFP's channel patterns). The DSL reads each
/// string once, where it enters a task argument or option, and records structure from there on.
enum ChannelPatterns {
    static let opening = "{{channel:"
    static let closing = ";}}"

    /// A piece of a string: literal text or a pattern.
    enum Piece: Equatable {
        case literal(String)
        case pattern(String)
    }

    /// The literal pieces and patterns of `text`, in order.
    static func pieces(of text: String) -> [Piece] {
        var result: [Piece] = []
        var rest = text[...]
        while let start = rest.range(of: opening) {
            guard let end = rest[start.upperBound...].range(of: closing) else { break }
            if start.lowerBound > rest.startIndex { result.append(.literal(String(rest[..<start.lowerBound]))) }
            result.append(.pattern(String(rest[start.lowerBound..<end.upperBound])))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        return result
    }

    /// The pattern texts in `text`, in order of appearance, each once.
    static func patterns(in text: String) -> [String] {
        var found: [String] = []
        for case .pattern(let pattern) in pieces(of: text) where !found.contains(pattern) { found.append(pattern) }
        return found
    }

    /// The loop group and the field a loop item field's pattern names
    /// (`{{channel:task=T;loop=G;field=KEY;type=...;}}`), else `nil`.
    static func loopField(_ pattern: String) -> (loop: String, key: String)? {
        guard pattern.hasPrefix(opening + "task="), let loopStart = pattern.range(of: ";loop="),
            let fieldStart = pattern.range(of: ";field=", range: loopStart.upperBound..<pattern.endIndex),
            let typeStart = pattern.range(of: ";type=", options: .backwards),
            fieldStart.upperBound <= typeStart.lowerBound
        else { return nil }
        return (String(pattern[loopStart.upperBound..<fieldStart.lowerBound]),
                String(pattern[fieldStart.upperBound..<typeStart.lowerBound]))
    }
}
