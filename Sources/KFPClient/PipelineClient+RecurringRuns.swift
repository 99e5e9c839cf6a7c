public import Foundation
public import KFPAPI
public import KFPSpec

extension PipelineClient {
    /// Creates a recurring run (`kfp.Client.create_recurring_run`): `POST /apis/v2beta1/recurringruns`
    /// with `{"display_name", "pipeline_spec" | "pipeline_version_reference", "runtime_config":
    /// {"parameters"}, "max_concurrency": 1, "trigger": {"cron_schedule": {"cron"}} |
    /// {"periodic_schedule": {"interval_second": n}}, "mode": "ENABLE" | "DISABLE", "experiment_id"}`
    /// plus `description`, `no_catchup` and `service_account` when given.
    ///
    /// - Parameters:
    ///   - trigger: a cron schedule (6 fields, seconds first, e.g. `0 0 * * * *`) or an interval in
    ///     seconds, with optional start and end times.
    ///   - packageFile, spec, pipelineID: the pipeline; give exactly one. `versionID` goes with
    ///     `pipelineID` (nil: the latest version).
    ///   - options: experiment (found or created by name as for runs), concurrency, catch-up, ….
    /// - Throws: ``PipelineClientError``: not exactly one pipeline source, an unreadable package, or the
    ///   server's refusal (HTTP 400 for a bad cron or a concurrency outside 1…10).
    public func createRecurringRun(
        name: String, trigger: Trigger, packageFile: URL? = nil, spec: PipelineSpec? = nil,
        pipelineID: String? = nil, versionID: String? = nil, arguments: [String: JSONValue] = [:],
        options: RecurringRunOptions = RecurringRunOptions()
    ) async throws -> RecurringRun {
        let source: PipelineSource
        switch (packageFile, spec, pipelineID) {
        case (let file?, nil, nil):
            source = try PipelineSource.spec(
                try await PipelinePackageFile.load(file), enableCaching: options.enableCaching)
        case (nil, let spec?, nil):
            source = try PipelineSource.spec(spec, enableCaching: options.enableCaching)
        case (nil, nil, let pipelineID?):
            source = .reference(pipelineID: pipelineID, versionID: versionID)
        default:
            throw PipelineClientError(
                message: "a recurring run needs exactly one pipeline source: a package file, a spec or a pipeline id")
        }
        if versionID != nil, pipelineID == nil {
            throw PipelineClientError(message: "a version id needs the id of its pipeline")
        }
        let experimentID = try await experimentID(options.experimentID, name: options.experimentName)
        var body: [String: JSONValue] = [
            "display_name": .string(name),
            "runtime_config": PipelineSource.runtimeConfig(arguments, pipelineRoot: options.pipelineRoot),
            "max_concurrency": .int(options.maxConcurrency),
            "trigger": Self.triggerJSON(trigger),
            "mode": .string(options.enabled ? "ENABLE" : "DISABLE"),
            "experiment_id": .string(experimentID),
        ]
        body[source.key] = source.json
        if let description = options.description { body["description"] = .string(description) }
        if let noCatchup = options.noCatchup { body["no_catchup"] = .bool(noCatchup) }
        if let account = options.serviceAccount { body["service_account"] = .string(account) }
        return try await call(
            APIRequest(.POST, APIRequest.path("recurringruns"), body: .json(.object(body))), as: RecurringRun.self,
            path: "recurring_run")
    }

    /// `GET /apis/v2beta1/recurringruns/{id}` (`kfp.Client.get_recurring_run`).
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 404 for an unknown id).
    public func recurringRun(id: String) async throws -> RecurringRun {
        try await call(
            APIRequest(.GET, APIRequest.path("recurringruns", id)), as: RecurringRun.self, path: "recurring_run")
    }

    /// One page of recurring runs (`kfp.Client.list_recurring_runs`):
    /// `GET /apis/v2beta1/recurringruns?page_token=&page_size=20&sort_by=[&experiment_id=]`, with
    /// `namespace=` instead of `experiment_id` when a namespace is configured and no experiment given.
    /// Reads the items under `recurringRuns` (the proto's own spelling), or `recurring_runs`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func listRecurringRuns(
        _ options: ListOptions = ListOptions(), experimentID: String? = nil
    ) async throws -> ListPage<RecurringRun> {
        let query =
            experimentID.map { listQuery(options, trailing: [QueryString.Item("experiment_id", $0)]) }
            ?? listQuery(options, middle: optionalNamespace)
        return try await page(
            APIRequest(.GET, APIRequest.path("recurringruns"), query: query), key: "recurringRuns",
            alternateKey: "recurring_runs", as: RecurringRun.self)
    }

    /// `POST /apis/v2beta1/recurringruns/{id}:enable` (`kfp.Client.enable_recurring_run`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func enableRecurringRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("recurringruns", id, verb: "enable")))
    }

    /// `POST /apis/v2beta1/recurringruns/{id}:disable` (`kfp.Client.disable_recurring_run`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func disableRecurringRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("recurringruns", id, verb: "disable")))
    }

    /// `DELETE /apis/v2beta1/recurringruns/{id}` (`kfp.Client.delete_recurring_run`); its runs stay.
    ///
    /// - Throws: ``PipelineClientError``.
    public func deleteRecurringRun(id: String) async throws {
        try await perform(APIRequest(.DELETE, APIRequest.path("recurringruns", id)))
    }

    /// A trigger as kfp sends it: `interval_second` as a JSON number, times as RFC 3339 text.
    static func triggerJSON(_ trigger: Trigger) -> JSONValue {
        func times(_ start: Date?, _ end: Date?) -> [String: JSONValue] {
            var members: [String: JSONValue] = [:]
            if let start { members["start_time"] = .string(APITimestamp.format(start)) }
            if let end { members["end_time"] = .string(APITimestamp.format(end)) }
            return members
        }
        switch trigger {
        case .cron(let schedule):
            var members = times(schedule.startTime, schedule.endTime)
            members["cron"] = .string(schedule.cron)
            return ["cron_schedule": .object(members)]
        case .periodic(let schedule):
            var members = times(schedule.startTime, schedule.endTime)
            members["interval_second"] = .int(Int(schedule.intervalSecond))
            return ["periodic_schedule": .object(members)]
        }
    }
}
