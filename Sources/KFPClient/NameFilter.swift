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
