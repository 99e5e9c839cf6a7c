import KFPSpec

extension JSONValue {
    /// The member `key` of an object (nil otherwise), for reading responses in tests.
    subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The integer of `.int`, or of a decimal `.string` (int64 fields arrive as strings).
    var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .string(let text): return Int(text)
        default: return nil
        }
    }
}
