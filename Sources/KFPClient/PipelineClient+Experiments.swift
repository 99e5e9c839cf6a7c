public import KFPAPI
import KFPSpec

extension PipelineClient {
    /// Returns the experiment named `name`, creating it when there is none (`kfp.Client.create_experiment`:
    /// a filtered list, then `POST /apis/v2beta1/experiments` with
    /// `{"display_name", "description", "namespace"}` only when missing).
    ///
    /// - Parameter description: sent only when creating; left out when nil.
    /// - Throws: ``PipelineClientError``: several experiments have the name; the server refused.
    public func createExperiment(name: String, description: String? = nil) async throws -> Experiment {
        let matches = try await experiments(named: name)
        if matches.count > 1 { throw Self.multiple("experiments", name) }
        if let existing = matches.first { return existing }
        var body: [String: JSONValue] = [
            "display_name": .string(name), "namespace": .string(configuration.namespace ?? ""),
        ]
        if let description { body["description"] = .string(description) }
        return try await call(
            APIRequest(.POST, APIRequest.path("experiments"), body: .json(.object(body))), as: Experiment.self,
            path: "experiment")
    }

    /// `GET /apis/v2beta1/experiments/{id}` (`kfp.Client.get_experiment(experiment_id=)`).
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 404 for an unknown id).
    public func experiment(id: String) async throws -> Experiment {
        try await call(APIRequest(.GET, APIRequest.path("experiments", id)), as: Experiment.self, path: "experiment")
    }

    /// The experiment whose `display_name` equals `name` (`kfp.Client.get_experiment(experiment_name=)`:
    /// `GET /apis/v2beta1/experiments?filter=<display_name EQUALS name>&namespace=`).
    ///
    /// - Throws: ``PipelineClientError`` without status: `No experiment is found with name <name>.` or
    ///   `Multiple experiments is found with name <name>.` (kfp's words); or the server's error.
    public func experiment(named name: String) async throws -> Experiment {
        let matches = try await experiments(named: name)
        guard matches.count <= 1 else { throw Self.multiple("experiments", name) }
        guard let experiment = matches.first else {
            throw PipelineClientError(message: "No experiment is found with name \(name).")
        }
        return experiment
    }

    /// One page of experiments (`kfp.Client.list_experiments`):
    /// `GET /apis/v2beta1/experiments?page_token=&page_size=20&sort_by=&namespace=`.
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 400 for a bad sort or filter).
    public func listExperiments(_ options: ListOptions = ListOptions()) async throws -> ListPage<Experiment> {
        let query = listQuery(options, trailing: [namespaceItem])
        return try await page(
            APIRequest(.GET, APIRequest.path("experiments"), query: query), key: "experiments", as: Experiment.self)
    }

    /// Every experiment from `options.pageToken` on, page after page (pages of `options.pageSize`).
    /// Errors end the stream with ``PipelineClientError``.
    public func allExperiments(_ options: ListOptions = ListOptions()) -> AsyncThrowingStream<Experiment, any Error> {
        stream(options) { try await self.listExperiments($0) }
    }

    /// `POST /apis/v2beta1/experiments/{id}:archive`: archives the experiment and its runs.
    ///
    /// - Throws: ``PipelineClientError``.
    public func archiveExperiment(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("experiments", id, verb: "archive")))
    }

    /// `POST /apis/v2beta1/experiments/{id}:unarchive` (its runs stay archived).
    ///
    /// - Throws: ``PipelineClientError``.
    public func unarchiveExperiment(id: String) async throws {
        try await perform(APIRequest(.POST, APIRequest.path("experiments", id, verb: "unarchive")))
    }

    /// `DELETE /apis/v2beta1/experiments/{id}`; the runs are kept. The default experiment cannot be
    /// deleted (HTTP 409 on KFP).
    ///
    /// - Throws: ``PipelineClientError``.
    public func deleteExperiment(id: String) async throws {
        try await perform(APIRequest(.DELETE, APIRequest.path("experiments", id)))
    }

    /// The experiments named exactly `name`, via the filter kfp sends; entries with another name (a
    /// server that ignored the filter) are dropped.
    func experiments(named name: String) async throws -> [Experiment] {
        let query = [
            QueryString.Item("filter", QueryString.filterValue(NameFilter.json(displayName: name))), namespaceItem,
        ]
        let found = try await page(
            APIRequest(.GET, APIRequest.path("experiments"), query: query), key: "experiments", as: Experiment.self)
        return found.items.filter { $0.displayName == name }
    }

    /// The experiment id of a run: `experimentID` when given, else the get-or-create of `name` (default
    /// ``Configuration/defaultExperimentName``), as `kfp.Client.create_run_from_pipeline_package` does.
    func experimentID(_ experimentID: String?, name: String?) async throws -> String {
        if let experimentID { return experimentID }
        return try await createExperiment(name: name ?? configuration.defaultExperimentName).experimentID
    }

    static func multiple(_ kind: String, _ name: String) -> PipelineClientError {
        PipelineClientError(message: "Multiple \(kind) is found with name \(name).")
    }
}
