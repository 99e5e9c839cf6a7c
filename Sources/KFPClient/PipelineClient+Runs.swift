public import Foundation
public import KFPAPI
public import KFPSpec

extension PipelineClient {
    /// Creates a run of a local package (`kfp.Client.create_run_from_pipeline_package`): the file is
    /// read here (`.yaml`/`.yml`/`.json`/`.zip`/`.tar.gz`/`.tgz`), the experiment is found or created
    /// (``RunOptions/experimentName``, default ``Configuration/defaultExperimentName``), then
    /// `POST /apis/v2beta1/runs` with `{"experiment_id", "display_name", "pipeline_spec",
    /// "runtime_config": {"parameters": arguments}}` (`pipeline_spec` is the wrapper
    /// `{"pipeline_spec", "platform_spec"}` when the file has a platform document).
    ///
    /// - Parameters:
    ///   - arguments: values of the pipeline's root parameters, JSON-typed (`"kfp"`, `3`, `true`, …).
    ///   - options: run name (default `"<file name> <yyyy-MM-dd HH-mm-ss>"`), experiment, caching, ….
    /// - Throws: ``PipelineClientError``: the file is missing or not a pipeline, or the server refused.
    public func createRun(
        packageFile: URL, arguments: [String: JSONValue] = [:], options: RunOptions = RunOptions()
    ) async throws -> Run {
        let spec = try await PipelinePackageFile.load(packageFile)
        let source = try PipelineSource.spec(spec, enableCaching: options.enableCaching)
        return try await createRun(
            source, defaultName: packageFile.lastPathComponent, arguments: arguments, options: options)
    }

    /// Creates a run of a compiled spec (`kfp.Client.create_run_from_pipeline_func` after compiling);
    /// as ``createRun(packageFile:arguments:options:)``, the run name defaulting to
    /// `"<pipelineInfo.name> <yyyy-MM-dd HH-mm-ss>"`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func createRun(
        spec: PipelineSpec, arguments: [String: JSONValue] = [:], options: RunOptions = RunOptions()
    ) async throws -> Run {
        let source = try PipelineSource.spec(spec, enableCaching: options.enableCaching)
        return try await createRun(source, defaultName: spec.pipelineInfo.name, arguments: arguments, options: options)
    }

    /// Creates a run of a stored pipeline (`kfp.Client.run_pipeline(pipeline_id=, version_id=)`):
    /// the body carries `"pipeline_version_reference": {"pipeline_id", "pipeline_version_id"}`; a nil
    /// `versionID` runs the latest version. Without a run name the pipeline is fetched for its
    /// display name (`"<display name> <yyyy-MM-dd HH-mm-ss>"`). ``RunOptions/enableCaching`` is
    /// ignored, as kfp does.
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 404 for an unknown pipeline or version).
    public func createRun(
        pipelineID: String, versionID: String? = nil, arguments: [String: JSONValue] = [:],
        options: RunOptions = RunOptions()
    ) async throws -> Run {
        let name = options.runName == nil ? try await pipeline(id: pipelineID).displayName : pipelineID
        return try await createRun(
            .reference(pipelineID: pipelineID, versionID: versionID), defaultName: name, arguments: arguments,
            options: options)
    }

    /// `GET /apis/v2beta1/runs/{id}` (`kfp.Client.get_run`), with `state`, `state_history` and
    /// `run_details.task_details`.
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 404 for an unknown id).
    public func run(id: String) async throws -> Run {
        try await run(id: id, deadline: nil)
    }

    /// One page of runs (`kfp.Client.list_runs`):
    /// `GET /apis/v2beta1/runs?experiment_id=<id>&page_token=&page_size=20&sort_by=`, or with
    /// `namespace=` first instead of `experiment_id` when none is given.
    ///
    /// - Throws: ``PipelineClientError``.
    public func listRuns(_ options: ListOptions = ListOptions(), experimentID: String? = nil) async throws -> ListPage<
        Run
    > {
        let leading = experimentID.map { [QueryString.Item("experiment_id", $0)] } ?? [namespaceItem]
        return try await page(
            APIRequest(.GET, APIRequest.path("runs"), query: listQuery(options, leading: leading)), key: "runs",
            as: Run.self)
    }

    /// Every run (of one experiment, when given) from `options.pageToken` on, page after page.
    public func allRuns(_ options: ListOptions = ListOptions(), experimentID: String? = nil) -> AsyncThrowingStream<
        Run, any Error
    > {
        stream(options) { try await self.listRuns($0, experimentID: experimentID) }
    }

    /// Polls `GET /apis/v2beta1/runs/{id}` until the run is terminal (`SUCCEEDED`, `FAILED`, `SKIPPED`
    /// or `CANCELED`) and returns that answer at once (no sleep after it), like
    /// `kfp.Client.wait_for_run_completion` but also ending on `CANCELED`, which kfp does not.
    ///
    /// The first request goes out immediately, the next ones `pollInterval` seconds apart; `onUpdate`
    /// sees every answer, the terminal one included. No request outlives the `timeout` (seconds).
    ///
    /// - Throws: ``PipelineClientError`` `run <id> did not finish within <timeout> s; last state RUNNING`
    ///   on timeout; any error of a request; `CancellationError` when the task is cancelled.
    public func waitForRun(
        id: String, timeout: TimeInterval, pollInterval: TimeInterval = 5,
        onUpdate: @Sendable (Run) async -> Void = { _ in }
    ) async throws -> Run {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeout.clampedSeconds))
        var lastState: RuntimeState?
        func timedOut() -> PipelineClientError {
            let state = lastState.map(\.rawValue) ?? "unknown (no answer yet)"
            return PipelineClientError(
                message: "run \(id) did not finish within \(timeout.secondsText) s; last state \(state)")
        }
        while true {
            let current: Run
            do {
                current = try await run(id: id, deadline: deadline)
            } catch let error as PipelineClientError
                where error.status == nil && clock.now.duration(to: deadline) < .milliseconds(50)
            {
                throw timedOut()
            }
            lastState = current.state
            await onUpdate(current)
            if current.state.isTerminal { return current }
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { throw timedOut() }
            try await Task.sleep(for: min(.seconds(pollInterval.clampedSeconds), left))
        }
    }

    /// `POST /apis/v2beta1/runs/{id}:terminate` (`kfp.Client.terminate_run`): the run goes to
    /// `CANCELING`, then `CANCELED`.
    ///
    /// - Throws: ``PipelineClientError`` (KFP answers HTTP 400 for a run that already finished).
    public func terminateRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("runs", id, verb: "terminate")))
    }

    /// `POST /apis/v2beta1/runs/{id}:retry`: reruns the failed or canceled parts of a run.
    ///
    /// - Throws: ``PipelineClientError``.
    public func retryRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("runs", id, verb: "retry")))
    }

    /// `POST /apis/v2beta1/runs/{id}:archive` (`kfp.Client.archive_run`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func archiveRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("runs", id, verb: "archive")))
    }

    /// `POST /apis/v2beta1/runs/{id}:unarchive` (`kfp.Client.unarchive_run`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func unarchiveRun(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("runs", id, verb: "unarchive")))
    }

    /// `DELETE /apis/v2beta1/runs/{id}` (`kfp.Client.delete_run`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func deleteRun(id: String) async throws {
        try await perform(APIRequest(.DELETE, APIRequest.path("runs", id)))
    }

    func run(id: String, deadline: ContinuousClock.Instant?) async throws -> Run {
        try await call(APIRequest(.GET, APIRequest.path("runs", id)), as: Run.self, path: "run", deadline: deadline)
    }

    private func createRun(
        _ source: PipelineSource, defaultName: String, arguments: [String: JSONValue], options: RunOptions
    ) async throws -> Run {
        let experimentID = try await experimentID(options.experimentID, name: options.experimentName)
        var body: [String: JSONValue] = [
            "experiment_id": .string(experimentID),
            "display_name": .string(options.runName ?? Self.defaultRunName(defaultName)),
            "runtime_config": PipelineSource.runtimeConfig(arguments, pipelineRoot: options.pipelineRoot),
        ]
        body[source.key] = source.json
        if let description = options.description { body["description"] = .string(description) }
        if let account = options.serviceAccount { body["service_account"] = .string(account) }
        return try await call(
            APIRequest(.POST, APIRequest.path("runs"), body: .json(.object(body))), as: Run.self, path: "run")
    }

    /// `"<base> <yyyy-MM-dd HH-mm-ss>"` in local time, kfp's default run name.
    static func defaultRunName(_ base: String, at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH-mm-ss"
        return "\(base) \(formatter.string(from: date))"
    }
}

/// Where a run's pipeline comes from: an inline spec or a stored pipeline version.
enum PipelineSource: Sendable {
    case inline(JSONValue)
    case reference(pipelineID: String, versionID: String?)

    /// An inline spec as kfp sends it (see ``PipelinePackageFile/pipelineSpecJSON(_:enableCaching:)``).
    static func spec(_ spec: PipelineSpec, enableCaching: Bool?) throws -> PipelineSource {
        .inline(try PipelinePackageFile.pipelineSpecJSON(spec, enableCaching: enableCaching))
    }

    /// `pipeline_spec` or `pipeline_version_reference`.
    var key: String {
        switch self {
        case .inline: return "pipeline_spec"
        case .reference: return "pipeline_version_reference"
        }
    }

    var json: JSONValue {
        switch self {
        case .inline(let spec): return spec
        case .reference(let pipelineID, let versionID):
            var reference: [String: JSONValue] = ["pipeline_id": .string(pipelineID)]
            if let versionID { reference["pipeline_version_id"] = .string(versionID) }
            return .object(reference)
        }
    }

    /// `{"parameters": {...}}` (sent even when empty, as kfp does) plus `pipeline_root` when given.
    static func runtimeConfig(_ arguments: [String: JSONValue], pipelineRoot: String?) -> JSONValue {
        var config: [String: JSONValue] = ["parameters": .object(arguments)]
        if let pipelineRoot { config["pipeline_root"] = .string(pipelineRoot) }
        return .object(config)
    }
}
