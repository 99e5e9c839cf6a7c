import KFPSpec

extension DefinitionState {
    /// `value` with the ``Ref``s interpolated into its strings read back as channels, so that
    /// what the compiler gets holds no channel patterns: a string with channels becomes text, a
    /// list or dict holding channels or text stays a tree, anything else a constant. Each pattern
    /// that names no value of this pipeline is passed to `unknown` and kept as literal text.
    func structured(_ value: TaskArgument.Value, unknown: (String) -> Void) -> TaskArgument.Value {
        switch value {
        case .channel: return value
        case .constant(.string(let string)): return Self.collapsed(.text(text(string, unknown: unknown)))
        case .constant(.array(let items)): return structured(.list(items.map { .constant($0) }), unknown: unknown)
        case .constant(.object(let fields)):
            var entries: [ArgumentText: TaskArgument.Value] = [:]
            for (key, field) in fields { entries[ArgumentText(literal: key)] = .constant(field) }
            return structured(.object(entries), unknown: unknown)
        case .constant: return value
        case .text(let written):
            var result = ArgumentText()
            for part in written.parts {
                switch part {
                case .literal(let literal): result.append(contentsOf: text(literal, unknown: unknown))
                case .channel: result.append(part)
                }
            }
            return Self.collapsed(.text(result))
        case .list(let items): return Self.collapsed(.list(items.map { structured($0, unknown: unknown) }))
        case .object(let entries):
            var result: [ArgumentText: TaskArgument.Value] = [:]
            for (key, entry) in entries {
                let readKey = structured(.text(key), unknown: unknown)
                result[readKey.asText ?? key] = structured(entry, unknown: unknown)
            }
            return Self.collapsed(.object(result))
        }
    }

    /// The literals and channels of a string a ``Ref`` may have been interpolated into.
    func text(_ string: String, unknown: (String) -> Void) -> ArgumentText {
        var result = ArgumentText()
        for piece in ChannelPatterns.pieces(of: string) {
            switch piece {
            case .literal(let literal): result.append(.literal(literal))
            case .pattern(let pattern):
                if let channel = channel(forPattern: pattern) {
                    result.append(.channel(channel))
                } else {
                    unknown(pattern)
                    result.append(.literal(pattern))
                }
            }
        }
        return result
    }

    /// A tree without channels as the constant it is.
    private static func collapsed(_ value: TaskArgument.Value) -> TaskArgument.Value {
        value.channels.isEmpty ? .constant(value.rendered { _ in "" }) : value
    }
}

extension TaskArgument.Value {
    /// Text or a constant string as text, else `nil`.
    fileprivate var asText: ArgumentText? {
        switch self {
        case .text(let text): return text
        case .constant(.string(let string)): return ArgumentText(literal: string)
        default: return nil
        }
    }
}
