import Foundation
public import KFPSpec

/// Finds the channel patterns (`{{channel:task=...;name=...;type=...;}}`) that ``Ref``s leave in
/// strings when interpolated, like KFP's `extract_pipeline_channels_from_any`.
package enum ChannelPatterns {
    private static let opening = "{{channel:"
    private static let closing = ";}}"

    /// The pattern texts in `text`, in order of appearance, each once.
    package static func patterns(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let start = rest.range(of: opening) {
            guard let end = rest[start.upperBound...].range(of: closing) else { break }
            let pattern = String(rest[start.lowerBound..<end.upperBound])
            if !found.contains(pattern) { found.append(pattern) }
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The known channels whose patterns appear anywhere in `value` (strings, list items, dict
    /// values and keys), in order of appearance, each once.
    package static func channels(in value: JSONValue, patterns known: [String: Channel]) -> [Channel] {
        var result: [Channel] = []
        var seen: Set<String> = []
        visitStrings(in: value) { text in
            for pattern in patterns(in: text) where !seen.contains(pattern) {
                seen.insert(pattern)
                if let channel = known[pattern] { result.append(channel) }
            }
        }
        return result
    }

    /// Every pattern text anywhere in `value`, each once.
    package static func patterns(inAny value: JSONValue) -> [String] {
        var found: [String] = []
        visitStrings(in: value) { text in
            found += patterns(in: text).filter { !found.contains($0) }
        }
        return found
    }

    /// `value` with every occurrence of `pattern` inside strings replaced by `replacement`.
    package static func replacing(_ pattern: String, with replacement: String, in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text.replacingOccurrences(of: pattern, with: replacement))
        case .array(let items): return .array(items.map { replacing(pattern, with: replacement, in: $0) })
        case .object(let fields):
            return .object(
                Dictionary(
                    fields.map { ($0.key.replacingOccurrences(of: pattern, with: replacement), replacing(pattern, with: replacement, in: $0.value)) },
                    uniquingKeysWith: { first, _ in first }))
        default: return value
        }
    }

    private static func visitStrings(in value: JSONValue, _ visit: (String) -> Void) {
        switch value {
        case .string(let text): visit(text)
        case .array(let items): items.forEach { visitStrings(in: $0, visit) }
        case .object(let fields):
            for key in fields.keys.sorted() {
                visit(key)
                if let field = fields[key] { visitStrings(in: field, visit) }
            }
        default: break
        }
    }
}
