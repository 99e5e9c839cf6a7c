import KFPSpec

/// Parses the `filter` query parameter of a `List*` call into predicates, with the KFP server's quirks.
///
/// Steps, as the Go server takes them (`parseAPIFilter`, `filter.NewWithKeyMap`, `checkPredicate`):
/// 1. URL-decode the (already query-decoded) value a second time, so the UI's double-encoded filters
///    work and a `+` becomes a space; then parse it as JSON and as a protojson `Filter` (snake_case or
///    camelCase keys, `operation` by name or number, int64 values as numbers or strings). Failures here
///    throw `failed to parse valid filter from "<value>": <reason>`.
/// 2. Each predicate needs an operation, a value and a key.
/// 3. Each key must be a field of the resource (`no support for filtering on unrecognized field "foo"`);
///    it is replaced by its canonical name.
/// 4. `IN` takes only the `*_values` lists, the comparisons only scalars, `IS_SUBSTRING` only
///    `string_value` (messages as the Go server words them).
enum FilterParser {
    static let valueFields = [
        "int_value", "long_value", "string_value", "timestamp_value", "int_values", "long_values", "string_values",
    ]

    /// A predicate after protojson parsing, before validation; `goType` is the Go type of its value.
    struct RawPredicate {
        var operation: Int
        var key: String
        var value: FilterValue?
        var goType: String
    }

    /// Predicates of the raw `filter` query value (decoded once already).
    static func parse(_ encoded: String, resource: ListResource) throws -> [FilterPredicate] {
        let wrap = { (reason: String) in
            APIError.invalidArgument("failed to parse valid filter from \(goQuote(encoded)): \(reason)")
        }
        let raw: [RawPredicate]
        do {
            let decoded = try QueryParameters.unescape(encoded, strict: true)
            raw = try rawPredicates(try APIJSON.parse(decoded))
        } catch let error as APIError {
            throw wrap(error.message)
        }
        return try validate(raw, resource: resource)
    }

    /// Predicates of a `Filter` message already parsed as JSON (e.g. stored in a page token).
    static func predicates(from json: JSONValue, resource: ListResource) throws -> [FilterPredicate] {
        try validate(try rawPredicates(json), resource: resource)
    }

    static func rawPredicates(_ json: JSONValue) throws -> [RawPredicate] {
        let filter = try MessageReader(json, path: "filter", fields: ["predicates"])
        return try filter.list("predicates").enumerated().map { index, element in
            try rawPredicate(MessageReader(element, path: "filter.predicates[\(index)]", fields: ["operation", "key"] + valueFields))
        }
    }

    private static func rawPredicate(_ reader: MessageReader) throws -> RawPredicate {
        try reader.oneOf("value", valueFields)
        let operation = try reader.raw("operation").map {
            try WireValue.enumNumber($0, at: reader.path("operation"), as: FilterOperation.self)
        } ?? 0
        var result = RawPredicate(operation: operation, key: try reader.string("key"), value: nil, goType: "")
        if reader.has("int_value") {
            (result.value, result.goType) = (.int(Int64(try reader.int32("int_value"))), "int32")
        } else if reader.has("long_value") {
            (result.value, result.goType) = (.int(try reader.int64("long_value")), "int64")
        } else if reader.has("string_value") {
            (result.value, result.goType) = (.string(try reader.string("string_value")), "string")
        } else if let raw = reader.raw("timestamp_value") {
            guard case .string(let text) = raw, let parts = APITimestamp.parseParts(text) else {
                throw WireValue.mismatch(
                    reader.path("timestamp_value"), expected: "an RFC 3339 timestamp such as \"2024-05-01T12:00:00Z\"",
                    found: raw)
            }
            (result.value, result.goType) = (.timestamp(parts.seconds), "int64")
        } else if let raw = reader.raw("int_values") {
            let values = try MessageReader(raw, path: reader.path("int_values"), fields: ["values"])
            let numbers = try values.list("values").enumerated().map { index, element in
                Int64(try WireValue.int32(element, at: "\(values.path("values"))[\(index)]"))
            }
            (result.value, result.goType) = (.ints(numbers), "[]int32")
        } else if let raw = reader.raw("long_values") {
            let values = try MessageReader(raw, path: reader.path("long_values"), fields: ["values"])
            (result.value, result.goType) = (.ints(try values.int64s("values")), "[]int64")
        } else if let raw = reader.raw("string_values") {
            let values = try MessageReader(raw, path: reader.path("string_values"), fields: ["values"])
            (result.value, result.goType) = (.strings(try values.strings("values")), "[]string")
        }
        return result
    }

    private static func validate(_ raw: [RawPredicate], resource: ListResource) throws -> [FilterPredicate] {
        var predicates: [(FilterPredicate, goType: String)] = []
        for entry in raw {
            guard let operation = FilterOperation(rawValue: entry.operation) else {
                let names = FilterOperation.allCases.map(\.protoName).joined(separator: ", ")
                throw APIError.invalidArgument(
                    "filter predicate on \(goQuote(entry.key)) has no operation; expected one of \(names)")
            }
            guard let value = entry.value else {
                throw APIError.invalidArgument(
                    "filter predicate on \(goQuote(entry.key)) has no value; set one of \(valueFields.joined(separator: ", "))")
            }
            guard !entry.key.isEmpty else {
                throw APIError.invalidArgument(
                    "Predicate key cannot be empty for operation \(operation.protoName) and value \(value.goDescription)")
            }
            predicates.append((FilterPredicate(key: entry.key, operation: operation, value: value), entry.goType))
        }
        for index in predicates.indices {
            guard let field = resource.canonicalField(predicates[index].0.key) else {
                throw APIError.invalidArgument(
                    "no support for filtering on unrecognized field \(goQuote(predicates[index].0.key))")
            }
            predicates[index].0.key = field
        }
        for (predicate, goType) in predicates {
            try check(predicate, goType: goType)
        }
        return predicates.map(\.0)
    }

    private static func check(_ predicate: FilterPredicate, goType: String) throws {
        switch predicate.operation {
        case .in:
            if !predicate.value.isList {
                throw APIError.invalidArgument("cannot use IN operator with scalar type \(goType)")
            }
        case .isSubstring:
            guard case .string = predicate.value else {
                throw APIError.invalidArgument("cannot use non string value type \(goType) with operator IS_SUBSTRING")
            }
        case .equals, .notEquals, .greaterThan, .greaterThanEquals, .lessThan, .lessThanEquals:
            if predicate.value.isList {
                throw APIError.invalidArgument(
                    "cannot use scalar operator \(predicate.operation.protoName) on array type \(goType)")
            }
        }
    }

    /// Go's `%q`: the text in double quotes with `"`, `\` and control characters escaped.
    static func goQuote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
