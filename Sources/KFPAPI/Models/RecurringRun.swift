public import Foundation
public import KFPSpec

/// A recurring run (`v2beta1RecurringRun`): a schedule that starts runs of one pipeline.
///
/// JSON (snake_case): `recurring_run_id`, `display_name`, `description`, `pipeline_version_id`,
/// `pipeline_spec`, `pipeline_version_reference`, `runtime_config`, `service_account`,
/// `max_concurrency` (int64, a JSON string on output), `trigger`, `mode`, `created_at`, `updated_at`,
/// `status`, `error`, `no_catchup`, `namespace`, `experiment_id`, `plugins_input`.
/// `created_at` and `updated_at` are always written (`1970-01-01T00:00:00Z` when nil); everything else
/// is left out when unset. `pipeline_version_id`, `pipeline_spec` and `pipeline_version_reference` form
/// a `oneof` (two of them throw). Parsing follows ``APIMessage``, e.g. the Python client's
/// `{"display_name", "pipeline_spec", "runtime_config", "max_concurrency": 2, "trigger":
/// {"cron_schedule": {"cron": "0 0 * * * *"}}, "mode": "ENABLE", "experiment_id"}`.
public struct RecurringRun: Sendable, Equatable, APIMessage {
    /// Output: the server-generated UUID.
    public var recurringRunID: String
    /// Required.
    public var displayName: String
    /// JSON `description`.
    public var description: String
    /// Deprecated pipeline source: a version id alone.
    public var pipelineVersionID: String
    /// Pipeline source: the IR document (or wrapper), as for ``Run``.
    public var pipelineSpec: JSONValue?
    /// Pipeline source: a stored pipeline version.
    public var pipelineVersionReference: PipelineVersionReference?
    /// JSON `runtime_config`.
    public var runtimeConfig: RuntimeConfig?
    /// JSON `service_account`.
    public var serviceAccount: String
    /// How many runs may be active at once (1–10).
    public var maxConcurrency: Int64
    /// JSON `trigger`.
    public var trigger: Trigger?
    /// Input: `ENABLE` or `DISABLE` at creation.
    public var mode: RecurringRunMode
    /// Output: creation time.
    public var createdAt: Date?
    /// Output: last change.
    public var updatedAt: Date?
    /// Output: `ENABLED` or `DISABLED`.
    public var status: RecurringRunStatus
    /// JSON `error`.
    public var error: RPCStatus?
    /// Start only the latest missed interval instead of catching up on each.
    public var noCatchup: Bool
    /// Output: the namespace (empty in single-user mode).
    public var namespace: String
    /// JSON `experiment_id`.
    public var experimentID: String
    /// Plugin inputs, any JSON by plugin name.
    public var pluginsInput: [String: JSONValue]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        recurringRunID: String = "", displayName: String = "", description: String = "",
        pipelineVersionID: String = "", pipelineSpec: JSONValue? = nil,
        pipelineVersionReference: PipelineVersionReference? = nil, runtimeConfig: RuntimeConfig? = nil,
        serviceAccount: String = "", maxConcurrency: Int64 = 0, trigger: Trigger? = nil,
        mode: RecurringRunMode = .unspecified, createdAt: Date? = nil, updatedAt: Date? = nil,
        status: RecurringRunStatus = .unspecified, error: RPCStatus? = nil, noCatchup: Bool = false,
        namespace: String = "", experimentID: String = "", pluginsInput: [String: JSONValue] = [:]
    ) {
        self.recurringRunID = recurringRunID
        self.displayName = displayName
        self.description = description
        self.pipelineVersionID = pipelineVersionID
        self.pipelineSpec = pipelineSpec
        self.pipelineVersionReference = pipelineVersionReference
        self.runtimeConfig = runtimeConfig
        self.serviceAccount = serviceAccount
        self.maxConcurrency = maxConcurrency
        self.trigger = trigger
        self.mode = mode
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = status
        self.error = error
        self.noCatchup = noCatchup
        self.namespace = namespace
        self.experimentID = experimentID
        self.pluginsInput = pluginsInput
    }

    static let fields = [
        "recurring_run_id", "display_name", "description", "runtime_config", "service_account", "max_concurrency",
        "trigger", "mode", "created_at", "updated_at", "status", "error", "no_catchup", "namespace",
        "experiment_id", "plugins_input",
    ] + Run.pipelineSource

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode readingMode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: readingMode, fields: Self.fields)
        try reader.oneOf("pipeline_source", Run.pipelineSource)
        recurringRunID = try reader.string("recurring_run_id")
        displayName = try reader.string("display_name")
        description = try reader.string("description")
        pipelineVersionID = try reader.string("pipeline_version_id")
        pipelineSpec = try reader.structValue("pipeline_spec")
        pipelineVersionReference = try reader.message("pipeline_version_reference")
        runtimeConfig = try reader.message("runtime_config")
        serviceAccount = try reader.string("service_account")
        maxConcurrency = try reader.int64("max_concurrency")
        trigger = try reader.raw("trigger").flatMap { try Trigger(json: $0, path: reader.path("trigger"), mode: readingMode) }
        mode = try reader.enumeration("mode")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        status = try reader.enumeration("status")
        error = try reader.message("error")
        noCatchup = try reader.bool("no_catchup")
        namespace = try reader.string("namespace")
        experimentID = try reader.string("experiment_id")
        pluginsInput = try reader.valueMap("plugins_input")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("recurring_run_id", recurringRunID)
        writer.string("display_name", displayName)
        writer.string("description", description)
        writer.string("pipeline_version_id", pipelineVersionID)
        writer.structValue("pipeline_spec", pipelineSpec)
        writer.message("pipeline_version_reference", pipelineVersionReference)
        writer.message("runtime_config", runtimeConfig)
        writer.string("service_account", serviceAccount)
        writer.int64("max_concurrency", maxConcurrency)
        if let trigger { writer.set("trigger", trigger.json()) }
        writer.enumeration("mode", mode)
        writer.timestamp("created_at", createdAt, always: true)
        writer.timestamp("updated_at", updatedAt, always: true)
        writer.enumeration("status", status)
        writer.message("error", error)
        writer.bool("no_catchup", noCatchup)
        writer.string("namespace", namespace)
        writer.string("experiment_id", experimentID)
        writer.valueMap("plugins_input", pluginsInput)
        return writer.json
    }
}

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
