/// Text with run-time values interpolated (`"Hello \(name)"`): literal pieces and channels, in
/// order. The compiler writes each channel as the placeholder of the input it injects.
package struct ArgumentText: Sendable, Hashable {
    /// A piece of the text.
    package enum Part: Sendable, Hashable {
        case literal(String)
        case channel(Channel)
    }

    /// The pieces in order; adjacent literals are merged and empty ones left out.
    package private(set) var parts: [Part] = []

    package init(_ parts: [Part] = []) {
        for part in parts { append(part) }
    }

    /// Literal text.
    package init(literal: String) {
        self.init([.literal(literal)])
    }

    /// Adds a piece at the end.
    package mutating func append(_ part: Part) {
        switch (parts.last, part) {
        case (_, .literal("")): return
        case (.literal(let previous)?, .literal(let next)): parts[parts.count - 1] = .literal(previous + next)
        default: parts.append(part)
        }
    }

    /// Adds all pieces of `other` at the end.
    package mutating func append(contentsOf other: ArgumentText) {
        for part in other.parts { append(part) }
    }

    /// The channels, in order of appearance, each once.
    package var channels: [Channel] {
        var result: [Channel] = []
        for case .channel(let channel) in parts where !result.contains(channel) { result.append(channel) }
        return result
    }

    /// The text when it holds no channel, else `nil`.
    package var constant: String? {
        var text = ""
        for part in parts {
            guard case .literal(let literal) = part else { return nil }
            text += literal
        }
        return text
    }

    /// The text with each channel written by `placeholder`.
    package func rendered(_ placeholder: (Channel) -> String) -> String {
        parts.map { part in
            switch part {
            case .literal(let literal): return literal
            case .channel(let channel): return placeholder(channel)
            }
        }.joined()
    }

    /// The text as the user wrote it, channels as their interpolated form (for messages).
    package var written: String { rendered(\.pattern) }
}
