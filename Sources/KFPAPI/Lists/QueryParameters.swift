/// The query parameters of a request, decoded the way Go's `url.ParseQuery` does.
///
/// `+` is a space and `%XX` escapes are decoded (an invalid escape is kept as written); a name given
/// twice keeps its last value; **an empty value counts as absent** (`page_token=&sort_by=` from the
/// Python client reads as nil), matching grpc-gateway, which leaves such fields at their default.
///
/// ```swift
/// let query = QueryParameters(rawQuery: "page_size=10&sort_by=created_at+desc&page_token=")
/// query["sort_by"]     // "created_at desc"
/// query["page_token"]  // nil
/// ```
public struct QueryParameters: Sendable, Equatable {
    /// Every non-empty parameter, by name.
    public private(set) var values: [String: String]

    /// Parses `a=1&b=2` (a leading `?` is ignored; nil or empty means no parameters).
    public init(rawQuery: String?) {
        var values: [String: String] = [:]
        let query = (rawQuery ?? "").drop { $0 == "?" }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name] = value.isEmpty ? nil : value
        }
        self.values = values
    }

    /// Parameters already decoded; empty values are dropped.
    public init(_ values: [String: String]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    /// The decoded value, or nil when the parameter is absent or empty.
    public subscript(_ name: String) -> String? { values[name] }

    /// Form-decodes `text`, keeping invalid escapes as they are.
    static func decode(_ text: Substring) -> String {
        (try? unescape(text, strict: false)) ?? String(text)
    }

    /// Form-decodes `text` (`+` → space, `%XX` → byte). With `strict`, an invalid escape throws
    /// `invalid URL escape "%zz"` (Go's `url.QueryUnescape` error); otherwise it is kept.
    static func unescape(_ text: some StringProtocol, strict: Bool) throws -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "%") {
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                } else if strict {
                    let escape = String(decoding: bytes[index..<min(index + 3, bytes.count)], as: UTF8.self)
                    throw APIError.invalidArgument("invalid URL escape \(FilterParser.goQuote(escape))")
                } else {
                    output.append(byte)
                    index += 1
                }
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
