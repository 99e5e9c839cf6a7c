import Foundation

extension JSONValue {
    /// Parses JSON text with Foundation's `JSONSerialization`, several times faster than decoding
    /// `JSONValue` with `JSONDecoder` (which tries each case in turn, building an error for each
    /// miss), to the same values: a number whose value is integral and fits `Int` is `.int` (`2.0`
    /// and `1e3` too, as `JSONDecoder` reads them), an integer beyond `Int` or a fraction is `.double`.
    ///
    /// - Throws: Foundation's error for text that is not JSON.
    package init(parsingJSON data: Data) throws {
        self = Self.converting(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// The `JSONValue` of what `JSONSerialization` returns.
    private static func converting(_ object: Any) -> JSONValue {
        switch object {
        case let text as String:
            return .string(text)
        case let members as [String: Any]:
            return .object(members.mapValues(converting))
        case let elements as [Any]:
            return .array(elements.map(converting))
        case let number as NSNumber:
            switch UInt8(bitPattern: number.objCType.pointee) {
            case UInt8(ascii: "c"), UInt8(ascii: "B"):
                return .bool(number.boolValue)
            case UInt8(ascii: "d"), UInt8(ascii: "f"):
                return Int(exactly: number.doubleValue).map(JSONValue.int) ?? .double(number.doubleValue)
            case UInt8(ascii: "Q"), UInt8(ascii: "L"), UInt8(ascii: "I"):
                return Int(exactly: number.uint64Value).map(JSONValue.int) ?? .double(number.doubleValue)
            default:
                return .int(number.intValue)
            }
        default:
            return .null
        }
    }
}

extension JSONValue {
    /// Compact JSON text of an object with sorted keys, as ``compactJSON()`` writes it, where the
    /// members in `raw` are JSON text already written (kept in a cache, say) and copied as they are.
    ///
    /// The caller vouches that each raw text is valid compact JSON; a key in both takes the raw text.
    package static func compactJSON(members: [String: JSONValue], raw: [String: String]) -> String {
        var out = "{"
        for (index, key) in Set(members.keys).union(raw.keys).sorted().enumerated() {
            if index > 0 { out += "," }
            writeJSONString(key, into: &out, asciiOnly: false)
            out += ":"
            if let text = raw[key] {
                out += text
            } else {
                members[key]?.writeJSON(into: &out, separators: (",", ":"), sortKeys: true)
            }
        }
        return out + "}"
    }
}
