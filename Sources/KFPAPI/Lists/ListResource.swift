public import KFPSpec

/// A resource that a `List*` call pages through, with the fields it can be sorted and filtered by.
///
/// The fields are the API names of the KFP server's API→model field maps (`list.Listable`):
///
/// | resource | fields |
/// |---|---|
/// | experiments | `experiment_id`, `display_name`, `created_at`, `last_run_created_at`, `description`, `namespace`, `storage_state` |
/// | pipelines | `pipeline_id`, `display_name`, `created_at`, `description`, `namespace` |
/// | pipeline versions | `pipeline_version_id`, `display_name`, `created_at`, `status`, `description`, `pipeline_spec` |
/// | runs | `run_id`, `display_name`, `created_at`, `finished_at`, `scheduled_at`, `description`, `storage_state`, `status`, `namespace`, `experiment_id`, `state`, `state_history`, `runtime_details`, `recurring_run_id` |
/// | recurring runs | `recurring_run_id`, `display_name`, `created_at`, `updated_at`, `description` |
///
/// Every resource also takes the v1 aliases `id` (its primary key) and `name` (`display_name`).
public enum ListResource: String, Sendable, CaseIterable {
    case experiments
    case pipelines
    case pipelineVersions
    case runs
    case recurringRuns

    /// The canonical sortable and filterable field names.
    public var fields: [String] {
        switch self {
        case .experiments:
            return [
                "experiment_id", "display_name", "created_at", "last_run_created_at", "description", "namespace",
                "storage_state",
            ]
        case .pipelines:
            return ["pipeline_id", "display_name", "created_at", "description", "namespace"]
        case .pipelineVersions:
            return ["pipeline_version_id", "display_name", "created_at", "status", "description", "pipeline_spec"]
        case .runs:
            return [
                "run_id", "display_name", "created_at", "finished_at", "scheduled_at", "description", "storage_state",
                "status", "namespace", "experiment_id", "state", "state_history", "runtime_details", "recurring_run_id",
            ]
        case .recurringRuns:
            return ["recurring_run_id", "display_name", "created_at", "updated_at", "description"]
        }
    }

    /// The id field, which breaks ties between rows with the same sort value: `run_id`, ….
    public var primaryKey: String {
        switch self {
        case .experiments: return "experiment_id"
        case .pipelines: return "pipeline_id"
        case .pipelineVersions: return "pipeline_version_id"
        case .runs: return "run_id"
        case .recurringRuns: return "recurring_run_id"
        }
    }

    /// The key of the item list in the response body (`recurringRuns` is camelCase in the proto).
    public var responseKey: String {
        switch self {
        case .experiments: return "experiments"
        case .pipelines: return "pipelines"
        case .pipelineVersions: return "pipeline_versions"
        case .runs: return "runs"
        case .recurringRuns: return "recurringRuns"
        }
    }

    /// The KFP server's model name for this resource, used in its error messages (`Run`, `Job`, …).
    public var modelName: String {
        switch self {
        case .experiments: return "Experiment"
        case .pipelines: return "Pipeline"
        case .pipelineVersions: return "PipelineVersion"
        case .runs: return "Run"
        case .recurringRuns: return "Job"
        }
    }

    /// The canonical field for an API field name or v1 alias (`id` → `run_id`, `name` → `display_name`),
    /// or nil when the resource cannot be sorted or filtered by it. Names are case-sensitive.
    public func canonicalField(_ name: String) -> String? {
        switch name {
        case "id": return primaryKey
        case "name": return "display_name"
        default: return fields.contains(name) ? name : nil
        }
    }
}

/// The body of a `List*` response: `{"<key>": [items], "total_size": n, "next_page_token": "..."}`.
///
/// Follows KFP's marshaler: an empty item list, a zero total and an empty or nil token are left out,
/// so an empty table lists as `{}`. Keys are ``ListResource/responseKey``: `experiments`, `pipelines`,
/// `pipeline_versions`, `runs`, and `recurringRuns` (camelCase in the proto itself; the Python client
/// reads that spelling only).
public func listBody(_ key: String, _ items: [JSONValue], totalSize: Int, nextPageToken: String?) -> JSONValue {
    var members: [String: JSONValue] = [:]
    if !items.isEmpty { members[key] = .array(items) }
    if totalSize != 0 { members["total_size"] = .int(totalSize) }
    if let nextPageToken, !nextPageToken.isEmpty { members["next_page_token"] = .string(nextPageToken) }
    return .object(members)
}

/// ``listBody(_:_:totalSize:nextPageToken:)`` for messages, with the resource's response key.
public func listBody(
    _ resource: ListResource, _ items: [some APIMessage], totalSize: Int, nextPageToken: String?
) -> JSONValue {
    listBody(resource.responseKey, items.map { $0.json() }, totalSize: totalSize, nextPageToken: nextPageToken)
}
