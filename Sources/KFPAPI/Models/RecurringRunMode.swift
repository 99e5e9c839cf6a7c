/// The mode a recurring run is created in (`RecurringRun.Mode`, input only): `ENABLE` or `DISABLE`.
public enum RecurringRunMode: String, Sendable, CaseIterable, ProtoEnum {
    case unspecified = "MODE_UNSPECIFIED"
    case enable = "ENABLE"
    case disable = "DISABLE"

    public static let protoEnumName = "RecurringRun.Mode"

    public var protoNumber: Int {
        switch self {
        case .unspecified: return 0
        case .enable: return 1
        case .disable: return 2
        }
    }
}

/// Whether a recurring run schedules runs (`RecurringRun.Status`, output): `ENABLED` or `DISABLED`.
///
/// Note the proto numbers: `ENABLED` = 1, `DISABLED` = 3.
public enum RecurringRunStatus: String, Sendable, CaseIterable, ProtoEnum {
    case unspecified = "STATUS_UNSPECIFIED"
    case enabled = "ENABLED"
    case disabled = "DISABLED"

    public static let protoEnumName = "RecurringRun.Status"

    public var protoNumber: Int {
        switch self {
        case .unspecified: return 0
        case .enabled: return 1
        case .disabled: return 3
        }
    }
}
