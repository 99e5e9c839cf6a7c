/// The functions a KFP CEL expression can call: CEL's standard conversions and string functions
/// as cel-go implements them, plus `parseJson`, the custom function KFP's driver registers for
/// parameter selectors (`parseJson(string_value)["key"]`).
///
/// Conversions follow cel-go: `int(2.9)` truncates to 2 and fails outside the `int` range,
/// `int('7')` parses base-10 text (and fails on `'abc'` or `'7.0'`), `double('1e3')` parses any
/// float text, `string(1.5)` prints like Go's `%g`, `bool('true')` accepts Go's `ParseBool`
/// spellings.
enum CELFunctions {
    /// Functions called as `name(x)`, with how many arguments they take.
    static let globalArity: [String: ClosedRange<Int>] = [
        "int": 1...1, "uint": 1...1, "double": 1...1, "string": 1...1, "bool": 1...1, "bytes": 1...1,
        "size": 1...1, "type": 1...1, "dyn": 1...1, "parseJson": 1...1, "matches": 2...2,
    ]

    /// Functions called as `target.name(x)`, with how many arguments they take besides the target.
    static let methodArity: [String: ClosedRange<Int>] = [
        "size": 0...0, "contains": 1...1, "startsWith": 1...1, "endsWith": 1...1, "matches": 1...1,
    ]

    /// Calls `name(arguments)`; the parser has checked the name and the argument count.
    static func call(_ name: String, _ arguments: [CELValue]) throws(CELFailure) -> CELValue {
        guard let value = arguments.first else { throw CELFailure("\(name)() needs an argument") }
        switch name {
        case "int": return try toInt(value)
        case "uint": return try toUInt(value)
        case "double": return try toDouble(value)
        case "string": return try toString(value)
        case "bool": return try toBool(value)
        case "bytes":
            switch value {
            case .bytes: return value
            case .string(let text): return .bytes(Array(text.utf8))
            default: throw CELFailure.noOverload("bytes", value)
            }
        case "size": return try size(value)
        case "type": return .type(value.typeName)
        case "dyn": return value
        case "parseJson":
            guard case .string(let text) = value else { throw CELFailure.noOverload("parseJson", value) }
            return try CELJSONReader.parse(text)
        default:
            guard arguments.count == 2 else { throw CELFailure("unknown function '\(name)'") }
            return try callMethod(name, on: value, [arguments[1]])
        }
    }

    /// Calls `target.name(arguments)`; the parser has checked the name and the argument count.
    static func callMethod(_ name: String, on target: CELValue, _ arguments: [CELValue]) throws(CELFailure) -> CELValue {
        if name == "size" { return try size(target) }
        guard case .string(let text) = target, let argument = arguments.first,
            case .string(let other) = argument
        else {
            throw CELFailure.noOverload(name, [target] + arguments)
        }
        switch name {
        case "contains": return .bool(other.isEmpty || text.unicodeScalars.firstRange(of: other.unicodeScalars) != nil)
        case "startsWith": return .bool(text.unicodeScalars.starts(with: other.unicodeScalars))
        case "endsWith": return .bool(text.unicodeScalars.reversed().starts(with: other.unicodeScalars.reversed()))
        case "matches": return .bool(try matches(text, other))
        default: throw CELFailure("unknown function '\(name)'")
        }
    }

    /// `text.matches(pattern)`: like RE2's `MatchString` in cel-go, the pattern may match anywhere
    /// in the text (`^...$` matches all of it), on Unicode scalars. Swift's `Regex` reads the RE2
    /// syntax KFP users write (classes, anchors, groups, repetition, `(?i)`).
    static func matches(_ text: String, _ pattern: String) throws(CELFailure) -> Bool {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw CELFailure("matches(): invalid regular expression '\(pattern)'")
        }
        return text.firstMatch(of: regex.matchingSemantics(.unicodeScalar)) != nil
    }

    static func size(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .string(let text): return .int(Int64(text.unicodeScalars.count))
        case .bytes(let bytes): return .int(Int64(bytes.count))
        case .list(let elements): return .int(Int64(elements.count))
        case .map(let map): return .int(Int64(map.count))
        default: throw CELFailure.noOverload("size", value)
        }
    }

    static func toInt(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .int: return value
        case .uint(let number):
            guard let exact = Int64(exactly: number) else { throw CELFailure("int(): \(number)u is out of the int range") }
            return .int(exact)
        case .double(let number):
            // cel-go rejects doubles at or beyond ±2^63 (and NaN); others truncate toward zero.
            guard number.isFinite, number > -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 else {
                throw CELFailure("int(): \(value.quoted) is out of the int range")
            }
            return .int(Int64(number.rounded(.towardZero)))
        case .string(let text):
            guard let number = Int64(text) else { throw CELFailure("int(): cannot convert \(value.quoted) to int") }
            return .int(number)
        default: throw CELFailure.noOverload("int", value)
        }
    }

    static func toUInt(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .uint: return value
        case .int(let number):
            guard let exact = UInt64(exactly: number) else { throw CELFailure("uint(): \(number) is out of the uint range") }
            return .uint(exact)
        case .double(let number):
            guard number.isFinite, number >= 0, number < 18_446_744_073_709_551_616.0 else {
                throw CELFailure("uint(): \(value.quoted) is out of the uint range")
            }
            return .uint(UInt64(number.rounded(.towardZero)))
        case .string(let text):
            guard let number = UInt64(text) else { throw CELFailure("uint(): cannot convert \(value.quoted) to uint") }
            return .uint(number)
        default: throw CELFailure.noOverload("uint", value)
        }
    }

    static func toDouble(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .double: return value
        case .int(let number): return .double(Double(number))
        case .uint(let number): return .double(Double(number))
        case .string(let text):
            // Go's ParseFloat: decimal or hex floats, "inf"/"infinity"/"nan" in any case, no spaces.
            let trimmed = text.lowercased()
            let body = trimmed.hasPrefix("+") || trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed
            let allowed = body.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isASCIIHexDigit || ".xp+-_".unicodeScalars.contains($0)) }
            let special = ["inf", "infinity", "nan"].contains(body)
            guard !body.isEmpty, allowed || special, let number = Double(trimmed) else {
                throw CELFailure("double(): cannot convert \(value.quoted) to double")
            }
            return .double(number)
        default: throw CELFailure.noOverload("double", value)
        }
    }

    static func toString(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .string: return value
        case .int(let number): return .string(String(number))
        case .uint(let number): return .string(String(number))
        case .double(let number): return .string(CELNumberFormat.goG(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CELFailure("string(): the bytes are not valid UTF-8")
            }
            return .string(text)
        case .type(let name): return .string(name)
        default: throw CELFailure.noOverload("string", value)
        }
    }

    static func toBool(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .bool: return value
        case .string(let text):
            switch text {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw CELFailure("bool(): cannot convert \(value.quoted) to bool")
            }
        default: throw CELFailure.noOverload("bool", value)
        }
    }
}
