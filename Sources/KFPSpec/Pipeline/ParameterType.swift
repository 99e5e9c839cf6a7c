/// `ParameterType.ParameterTypeEnum`: the type of an input or output parameter.
public enum ParameterType: String, Sendable, Hashable, CaseIterable, Codable {
    case unspecified = "PARAMETER_TYPE_ENUM_UNSPECIFIED"
    case numberDouble = "NUMBER_DOUBLE"
    case numberInteger = "NUMBER_INTEGER"
    case string = "STRING"
    case boolean = "BOOLEAN"
    case list = "LIST"
    case `struct` = "STRUCT"
    case taskFinalStatus = "TASK_FINAL_STATUS"
    case taskConfig = "TASK_CONFIG"

    /// Decodes the enum name or its proto number (`3` is `STRING`), as protobuf JSON allows.
    public init(from decoder: any Decoder) throws {
        self = try decodeProtoEnum(ParameterType.self, from: decoder)
    }

    /// `true` when `value` fits this type: integers for `NUMBER_INTEGER` (also `2.0`), any
    /// number for `NUMBER_DOUBLE`, and so on. `TASK_FINAL_STATUS` and `TASK_CONFIG` take structs.
    public func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (_, .null), (.unspecified, _): return true
        case (.numberInteger, .int): return true
        case (.numberInteger, .double(let number)): return number == number.rounded() && number.isFinite
        case (.numberDouble, .int), (.numberDouble, .double): return true
        case (.string, .string), (.boolean, .bool), (.list, .array): return true
        case (.struct, .object), (.taskFinalStatus, .object), (.taskConfig, .object): return true
        // KFP's v1 loader writes `''` as the default of JsonObject / JsonArray inputs; it means "none".
        case (.list, .string("")), (.struct, .string("")): return true
        default: return false
        }
    }
}

/// `PrimitiveType.PrimitiveTypeEnum`: the deprecated `type` of a parameter.
public enum PrimitiveType: String, Sendable, Hashable, CaseIterable, Codable {
    case unspecified = "PRIMITIVE_TYPE_UNSPECIFIED"
    case int = "INT"
    case double = "DOUBLE"
    case string = "STRING"

    public init(from decoder: any Decoder) throws {
        self = try decodeProtoEnum(PrimitiveType.self, from: decoder)
    }
}

/// `PipelineTaskSpec.TriggerPolicy.TriggerStrategy`: when a task may start relative to its upstream tasks.
public enum TriggerStrategy: String, Sendable, Hashable, CaseIterable, Codable {
    case unspecified = "TRIGGER_STRATEGY_UNSPECIFIED"
    case allUpstreamTasksSucceeded = "ALL_UPSTREAM_TASKS_SUCCEEDED"
    case allUpstreamTasksCompleted = "ALL_UPSTREAM_TASKS_COMPLETED"

    public init(from decoder: any Decoder) throws {
        self = try decodeProtoEnum(TriggerStrategy.self, from: decoder)
    }
}

/// Decodes a proto enum from its name or its number; an unknown value names the allowed ones.
func decodeProtoEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type, from decoder: any Decoder) throws -> T
where T.RawValue == String {
    let container = try decoder.singleValueContainer()
    let cases = Array(T.allCases)
    if let name = try? container.decode(String.self) {
        if let value = T(rawValue: name) { return value }
        if let number = Int(name), number >= 0, number < cases.count { return cases[number] }
        let allowed = cases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "expected one of \(allowed), found '\(name)'")
    }
    let number = try container.decode(Int.self)
    guard number >= 0, number < cases.count else {
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "expected an enum number below \(cases.count), found \(number)")
    }
    return cases[number]
}
