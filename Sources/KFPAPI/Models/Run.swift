public import Foundation
public import KFPSpec

/// A pipeline run (`v2beta1Run`): the body of `POST /apis/v2beta1/runs` and of every run response.
///
/// JSON (snake_case): `experiment_id`, `run_id`, `display_name`, `storage_state`, `description`,
/// `pipeline_version_id`, `pipeline_spec`, `pipeline_version_reference`, `runtime_config`,
/// `service_account`, `created_at`, `scheduled_at`, `finished_at`, `state`, `error`, `run_details`,
/// `recurring_run_id`, `state_history`, `plugins_input`, `plugins_output`.
/// `created_at`, `scheduled_at` and `finished_at` are always written (`1970-01-01T00:00:00Z` when nil,
/// as KFP does for an unfinished run); `run_details` is left out when empty; everything else follows
/// ``MessageWriter``'s default-omission rule. `pipeline_version_id`, `pipeline_spec` and
/// `pipeline_version_reference` form the proto `oneof pipeline_source`: parsing a body that sets two of
/// them throws. Parsing otherwise follows ``APIMessage``, e.g. the Python client's
/// `{"experiment_id", "display_name", "pipeline_spec": {IR}, "runtime_config": {"parameters": {...}}}`.
public struct Run: Sendable, Equatable, APIMessage {
    /// The parent experiment; empty means the default experiment.
    public var experimentID: String
    /// Output: the server-generated UUID.
    public var runID: String
    /// Required on create.
    public var displayName: String
    /// Output: `AVAILABLE` or `ARCHIVED`.
    public var storageState: StorageState
    /// JSON `description`.
    public var description: String
    /// Deprecated pipeline source: a version id alone.
    public var pipelineVersionID: String
    /// Pipeline source: the IR document or the `{"pipeline_spec", "platform_spec"}` wrapper.
    public var pipelineSpec: JSONValue?
    /// Pipeline source: a stored pipeline version.
    public var pipelineVersionReference: PipelineVersionReference?
    /// JSON `runtime_config`.
    public var runtimeConfig: RuntimeConfig?
    /// JSON `service_account`.
    public var serviceAccount: String
    /// Output: creation time.
    public var createdAt: Date?
    /// Output: when the run was scheduled to start.
    public var scheduledAt: Date?
    /// Output: completion time; the epoch until the run ends.
    public var finishedAt: Date?
    /// Output: the current state.
    public var state: RuntimeState
    /// Output: set on failure.
    public var error: RPCStatus?
    /// Output: task-level details.
    public var runDetails: RunDetails?
    /// Set when a recurring run started this run.
    public var recurringRunID: String
    /// Output: state transitions, oldest first.
    public var stateHistory: [RuntimeStatus]
    /// Plugin inputs (e.g. MLflow settings), any JSON by plugin name.
    public var pluginsInput: [String: JSONValue]
    /// Output: plugin results by plugin name, passed through as JSON.
    public var pluginsOutput: [String: JSONValue]

    /// Creates the message; every field defaults to its proto default (unset).
    public init(
        experimentID: String = "", runID: String = "", displayName: String = "",
        storageState: StorageState = .unspecified, description: String = "", pipelineVersionID: String = "",
        pipelineSpec: JSONValue? = nil, pipelineVersionReference: PipelineVersionReference? = nil,
        runtimeConfig: RuntimeConfig? = nil, serviceAccount: String = "", createdAt: Date? = nil,
        scheduledAt: Date? = nil, finishedAt: Date? = nil, state: RuntimeState = .unspecified,
        error: RPCStatus? = nil, runDetails: RunDetails? = nil, recurringRunID: String = "",
        stateHistory: [RuntimeStatus] = [], pluginsInput: [String: JSONValue] = [:],
        pluginsOutput: [String: JSONValue] = [:]
    ) {
        self.experimentID = experimentID
        self.runID = runID
        self.displayName = displayName
        self.storageState = storageState
        self.description = description
        self.pipelineVersionID = pipelineVersionID
        self.pipelineSpec = pipelineSpec
        self.pipelineVersionReference = pipelineVersionReference
        self.runtimeConfig = runtimeConfig
        self.serviceAccount = serviceAccount
        self.createdAt = createdAt
        self.scheduledAt = scheduledAt
        self.finishedAt = finishedAt
        self.state = state
        self.error = error
        self.runDetails = runDetails
        self.recurringRunID = recurringRunID
        self.stateHistory = stateHistory
        self.pluginsInput = pluginsInput
        self.pluginsOutput = pluginsOutput
    }

    static let pipelineSource = ["pipeline_version_id", "pipeline_spec", "pipeline_version_reference"]

    static let fields = [
        "experiment_id", "run_id", "display_name", "storage_state", "description", "runtime_config",
        "service_account", "created_at", "scheduled_at", "finished_at", "state", "error", "run_details",
        "recurring_run_id", "state_history", "plugins_input", "plugins_output",
    ] + pipelineSource

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: Self.fields)
        try reader.oneOf("pipeline_source", Self.pipelineSource)
        experimentID = try reader.string("experiment_id")
        runID = try reader.string("run_id")
        displayName = try reader.string("display_name")
        storageState = try reader.enumeration("storage_state")
        description = try reader.string("description")
        pipelineVersionID = try reader.string("pipeline_version_id")
        pipelineSpec = try reader.structValue("pipeline_spec")
        pipelineVersionReference = try reader.message("pipeline_version_reference")
        runtimeConfig = try reader.message("runtime_config")
        serviceAccount = try reader.string("service_account")
        createdAt = try reader.timestamp("created_at")
        scheduledAt = try reader.timestamp("scheduled_at")
        finishedAt = try reader.timestamp("finished_at")
        state = try reader.enumeration("state")
        error = try reader.message("error")
        runDetails = try reader.message("run_details")
        recurringRunID = try reader.string("recurring_run_id")
        stateHistory = try reader.messages("state_history")
        pluginsInput = try reader.valueMap("plugins_input")
        pluginsOutput = try reader.valueMap("plugins_output")
    }

    /// The response JSON (see ``APIMessage``).
    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.string("experiment_id", experimentID)
        writer.string("run_id", runID)
        writer.string("display_name", displayName)
        writer.enumeration("storage_state", storageState)
        writer.string("description", description)
        writer.string("pipeline_version_id", pipelineVersionID)
        writer.structValue("pipeline_spec", pipelineSpec)
        writer.message("pipeline_version_reference", pipelineVersionReference)
        writer.message("runtime_config", runtimeConfig)
        writer.string("service_account", serviceAccount)
        writer.timestamp("created_at", createdAt, always: true)
        writer.timestamp("scheduled_at", scheduledAt, always: true)
        writer.timestamp("finished_at", finishedAt, always: true)
        writer.enumeration("state", state)
        writer.message("error", error)
        if let runDetails, !runDetails.isEmpty { writer.message("run_details", runDetails) }
        writer.string("recurring_run_id", recurringRunID)
        writer.messages("state_history", stateHistory)
        writer.valueMap("plugins_input", pluginsInput)
        writer.valueMap("plugins_output", pluginsOutput)
        return writer.json
    }
}
