import Foundation

/// The v1 `default` string of an IR parameter default: the text that KFP 2.x's
/// `deserialize_v1_component_yaml_default` (and ``V1DefaultValue``) casts back to the same value
/// for the v1 type ``V1ExportTypeNames`` gives.
///
/// - `NUMBER_INTEGER` (`Integer`): the decimal digits (`2.0` is written `2`; `2.5` has no form,
///   as `int()` would truncate it);
/// - `NUMBER_DOUBLE` (`Float`): the shortest decimal text (`1.0`, `0.001`, `1e-07`);
/// - `STRING` (`String`): the string itself;
/// - `BOOLEAN` (`Boolean`): `True` or `False`, as Python's `str()` writes them;
/// - `LIST`/`STRUCT` (`JsonArray`/`JsonObject`): the value as `json.dumps` text (keys sorted); a
///   string default (KFP's loader keeps a default that is not JSON as a string) is written as is,
///   unless it is JSON text, which would load as a different value.
///
/// A `null` default is no default. A value of another JSON type than the parameter's throws.
enum V1ExportDefault {
    /// The v1 default text, or `nil` for no default.
    static func text(of value: JSONValue, as type: ParameterType) throws(V1ExportDetail) -> String? {
        if value == .null { return nil }
        switch (type, value) {
        case (.numberInteger, .int(let number)):
            return String(number)
        case (.numberInteger, .double(let number)):
            guard number.isFinite, number == number.rounded(), let whole = Int(exactly: number) else {
                throw V1ExportDetail("the NUMBER_INTEGER default \(JSONValue.formatJSONNumber(number)) is not a whole number")
            }
            return String(whole)
        case (.numberDouble, .int(let number)):
            return JSONValue.formatJSONNumber(Double(number))
        case (.numberDouble, .double(let number)):
            guard number.isFinite else { return number.isNaN ? "nan" : (number < 0 ? "-inf" : "inf") }
            return JSONValue.formatJSONNumber(number)
        case (.string, .string(let text)):
            return text
        case (.boolean, .bool(let flag)):
            return flag ? "True" : "False"
        case (.list, .string(let text)), (.struct, .string(let text)):
            if (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) != nil {
                throw V1ExportDetail(
                    "the \(type.rawValue) default is the string '\(text)', which KFP would load as JSON; v1 cannot tell them apart")
            }
            return text
        case (.list, _), (.struct, _):
            return OrderedJSON(value).text
        default:
            throw V1ExportDetail("the \(type.rawValue) default \(value.compactJSON()) is a \(value.kindName)")
        }
    }
}
