import Foundation
import KFPSpec

/// Converts parameter values to their declared `parameterType`, as the KFP driver and launcher do.
enum ParameterValues {
    /// `value` as `type`: `2.0` becomes `2` for NUMBER_INTEGER; a string holding JSON becomes a
    /// list or struct for LIST / STRUCT; numbers stay numbers for NUMBER_DOUBLE.
    ///
    /// - Throws: ``TaskFailure`` naming what was expected and found.
    static func convert(_ value: JSONValue, to type: ParameterType) throws(TaskFailure) -> JSONValue {
        switch (type, value) {
        case (_, .null), (.list, .string("")), (.struct, .string("")): return .null
        case (.numberInteger, .double(let number)):
            guard number == number.rounded(), abs(number) < 9e18 else {
                throw TaskFailure("expected an integer, found \("\(number)")")
            }
            return .int(Int(number))
        case (.numberInteger, .string(let text)):
            if let number = Int(text.trimmingCharacters(in: .whitespaces)) { return .int(number) }
            throw TaskFailure("expected an integer, found '\(text)'")
        case (.numberDouble, .string(let text)):
            if let number = Double(text.trimmingCharacters(in: .whitespaces)) { return .double(number) }
            throw TaskFailure("expected a number, found '\(text)'")
        case (.boolean, .string(let text)):
            if let flag = parseBool(text) { return .bool(flag) }
            throw TaskFailure("expected a boolean, found '\(text)'")
        case (.list, .string(let text)), (.struct, .string(let text)):
            guard let parsed = try? JSONValue.parse(json: text), parsed.arrayValue != nil || parsed.objectValue != nil else {
                throw TaskFailure("expected \(type == .list ? "a list" : "a struct") (JSON), found '\(text)'")
            }
            return parsed
        case (.string, .string), (.numberInteger, .int), (.numberDouble, .int), (.numberDouble, .double),
            (.boolean, .bool), (.list, .array), (.struct, .object), (.taskFinalStatus, _), (.taskConfig, _),
            (.unspecified, _), (.struct, .array):
            return value
        case (.string, _):
            // The driver formats non-strings for string inputs.
            return .string(PlaceholderText.format(value))
        default:
            throw TaskFailure("expected \(type.rawValue), found \(value.kindName) \(value.compactJSON())")
        }
    }

    /// Go's `strconv.ParseBool`: `1 t T TRUE true True 0 f F FALSE false False`.
    static func parseBool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}

extension JSONValue {
    /// Parses JSON text (strictly JSON: YAML-only forms are rejected).
    static func parse(json text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
