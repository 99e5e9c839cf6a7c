import Foundation

/// The IR default of a v1 input parameter, as KFP 2.x computes it.
///
/// KFP first casts the v1 default by the type as written (`deserialize_v1_component_yaml_default`):
/// `Integer`/`int` with Python's `int()`, `Float`/`Double` with `float()`, `String`/`str`/`Text`
/// with `str()`, `Bool`/`Boolean` with `strtobool` (`y`, `yes`, `t`, `true`, `on`, `1` and their
/// opposites, any case), and `Dict`/`List`/`JsonObject`/`JsonArray` by trying `json.loads` on a
/// string (falling back to the string). Other types keep the value. It then stores the value by the
/// IR parameter type (`_fill_in_component_input_default_value`); a `null` result means no default.
///
/// Beyond KFP: a string default keeps the text written in YAML (`007`, `1e3` and `true` stay as
/// written, see ``V1InputSpec/defaultText``); a value KFP would reject at the second step (a string
/// for a number, a number for a string) is cast by the IR type instead; a list or struct for a
/// string becomes its JSON text; values that still do not fit throw.
struct V1DefaultValue {
    let input: V1InputSpec
    let path: SpecPath
    /// What messages call the value; `default of input 'x'` when `nil`. The graph converter casts
    /// constant task arguments with this type too (`argument 'x' of task 'T'`).
    var subject: String? = nil

    /// The `defaultValue` for an input of IR type `type`, or `nil` when it has none.
    func irDefault(as type: ParameterType) throws(SpecError) -> JSONValue? {
        guard let written = input.default, written != .null else { return nil }
        let value = try deserialized(written)
        if value == .null { return nil }
        switch type {
        case .numberInteger, .numberDouble:
            if value.numericValue != nil { return value }
            if case .bool(let flag) = value { return .int(flag ? 1 : 0) }
            return type == .numberInteger ? try integer(value) : try double(value)
        case .string:
            return .string(text(of: value))
        case .boolean:
            return try boolean(value)
        case .struct, .list:
            return value
        case .unspecified, .taskFinalStatus, .taskConfig:
            return nil
        }
    }

    /// `deserialize_v1_component_yaml_default`: the cast chosen by the type name as written.
    private func deserialized(_ value: JSONValue) throws(SpecError) -> JSONValue {
        guard let typeName = input.type?.stringValue?.lowercased() else { return value }
        switch typeName {
        case "integer", "int": return try integer(value)
        case "double", "float": return try double(value)
        case "string", "str", "text": return .string(text(of: value))
        case "bool", "boolean": return try boolean(value)
        case "dict", "list", "jsonobject", "jsonarray": return Self.loadingJSON(value)
        default: return value
        }
    }

    /// Python's `int()`: decimal text with optional sign and `_` between digits; floats truncate.
    private func integer(_ value: JSONValue) throws(SpecError) -> JSONValue {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .double(let number) where number.isFinite: return Self.wholeNumber(number.rounded(.towardZero))
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var digits = Substring(trimmed)
            if digits.first == "+" || digits.first == "-" { digits.removeFirst() }
            if Self.hasValidUnderscores(digits), digits.allSatisfy({ $0 == "_" || $0.isASCII && $0.isNumber }) {
                let cleaned = trimmed.replacingOccurrences(of: "_", with: "")
                if let number = Int(cleaned) { return .int(number) }
                if let number = Double(cleaned) { return .double(number) }
            }
            throw problem("'\(text)' is not an integer")
        default:
            throw problem("expected an integer, found \(value.kindName)")
        }
    }

    /// Python's `float()`: decimal or exponent text, `inf`, `infinity`, `nan`, `_` between digits.
    private func double(_ value: JSONValue) throws(SpecError) -> JSONValue {
        switch value {
        case .double: return value
        case .int(let number): return .double(Double(number))
        case .bool(let flag): return .double(flag ? 1 : 0)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var body = Substring(trimmed.lowercased())
            if body.first == "+" || body.first == "-" { body.removeFirst() }
            if ["inf", "infinity", "nan"].contains(body), let number = Double(trimmed.lowercased()) {
                return .double(number)
            }
            let allowed = body.allSatisfy { ($0.isASCII && $0.isNumber) || "._e+-".contains($0) }
            if allowed, Self.hasValidUnderscores(body), body.contains(where: \.isNumber),
                let number = Double(trimmed.replacingOccurrences(of: "_", with: ""))
            {
                return .double(number)
            }
            throw problem("'\(text)' is not a number")
        default:
            throw problem("expected a number, found \(value.kindName)")
        }
    }

    /// `strtobool` for strings; booleans as they are; `0` and `1` as booleans.
    private func boolean(_ value: JSONValue) throws(SpecError) -> JSONValue {
        switch value {
        case .bool: return value
        case .int(let number) where number == 0 || number == 1: return .bool(number == 1)
        case .string(let text):
            switch text.lowercased() {
            case "y", "yes", "t", "true", "on", "1": return .bool(true)
            case "n", "no", "f", "false", "off", "0": return .bool(false)
            default: throw problem("'\(text)' is not a boolean (expected true or false)")
            }
        default:
            throw problem("expected a boolean, found \(value.kindName)")
        }
    }

    /// Python's `str()` of the value, but the YAML text for a plain scalar and JSON for a list or struct.
    private func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return input.defaultText ?? String(number)
        case .double(let number): return input.defaultText ?? JSONValue.formatJSONNumber(number)
        case .bool(let flag): return input.defaultText ?? (flag ? "True" : "False")
        case .null: return "None"
        case .array, .object: return OrderedJSON(value).text
        }
    }

    /// `try_loading_json`: a string that is JSON becomes its value; anything else stays.
    static func loadingJSON(_ value: JSONValue) -> JSONValue {
        guard case .string(let text) = value,
            let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        else { return value }
        return parsed
    }

    /// An integral double as `.int` when it fits.
    private static func wholeNumber(_ number: Double) -> JSONValue {
        if let exact = Int(exactly: number) { return .int(exact) }
        return .double(number)
    }

    /// Python's rule for `_` in numbers: only between two digits.
    private static func hasValidUnderscores(_ text: Substring) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
                characters[index + 1].isNumber
            else { return false }
        }
        return true
    }

    private func problem(_ message: String) -> SpecError {
        let type = input.type?.stringValue.map { " of type '\($0)'" } ?? ""
        let subject = subject ?? "default of input '\(input.name)'"
        return SpecError(.validation, file: nil, message: "\(subject)\(type): \(message)", path: path)
    }
}
