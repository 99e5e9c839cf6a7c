/// Form encoding of query strings and path segments, byte for byte as `kfp.Client` (urllib3's
/// `urlencode`, Python's `quote_plus` with no safe characters) writes them.
enum QueryString {
    /// One `name=value` pair; an empty value is still sent (`page_token=`), as kfp does.
    struct Item: Sendable, Equatable {
        var name: String
        var value: String

        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `a=1&b=x+y`: names and values form-encoded, in the given order.
    static func encode(_ items: [Item]) -> String {
        items.map { formEncode($0.name) + "=" + formEncode($0.value) }.joined(separator: "&")
    }

    /// Python's `quote_plus(text, safe='')`: letters, digits and `_.-~` stay, a space becomes `+`,
    /// every other UTF-8 byte becomes `%XX` (upper-case hex).
    static func formEncode(_ text: String) -> String {
        percentEncode(text, spaceAsPlus: true)
    }

    /// A path segment (an id), percent-encoded like the generated client's `quote(value, safe='')`.
    static func pathSegment(_ text: String) -> String {
        percentEncode(text, spaceAsPlus: false)
    }

    /// A JSON `filter` value made safe for the KFP server, which URL-decodes the value a second
    /// time: `%` and `+` (which that second decoding would change) are escaped once more. Text
    /// without them is sent exactly as kfp sends it.
    static func filterValue(_ json: String) -> String {
        guard json.contains("%") || json.contains("+") else { return json }
        var result = ""
        for character in json {
            switch character {
            case "%": result += "%25"
            case "+": result += "%2B"
            default: result.append(character)
            }
        }
        return result
    }

    private static func percentEncode(_ text: String, spaceAsPlus: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " ") where spaceAsPlus:
                result += "+"
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}

/// The `filter` kfp sends to find a resource by name, byte for byte:
/// `{"predicates": [{"operation": 1, "key": "display_name", "stringValue": "<name>"}]}`
/// (Python's `json.dumps`: `", "` and `": "` separators, integer operation, camelCase `stringValue`,
/// non-ASCII escaped as `\uXXXX`).
enum NameFilter {
    static func json(displayName name: String) -> String {
        "{\"predicates\": [{\"operation\": 1, \"key\": \"display_name\", \"stringValue\": \(pythonString(name))}]}"
    }

    /// A JSON string literal as Python's `json.dumps` (with `ensure_ascii`) writes it.
    static func pythonString(_ text: String) -> String {
        var result = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
