public import Foundation
public import KFPAPI
public import KFPSpec

extension PipelineClient {
    /// Uploads a pipeline package and creates the pipeline with its first version
    /// (`kfp.Client.upload_pipeline`): `POST /apis/v2beta1/pipelines/upload?name=<name>[&description=]
    /// [&namespace=]` with the file as the multipart part `uploadfile`.
    ///
    /// - Parameters:
    ///   - file: a `.yaml`/`.yml`/`.json` spec or a `.zip`/`.tar.gz`/`.tgz` package, sent unchanged.
    ///   - name: the pipeline name; default the spec's `pipelineInfo.name`, read from the file here, as
    ///     kfp does.
    /// - Throws: ``PipelineClientError``: the file cannot be read or (when the name is needed) is not a
    ///   pipeline; the name is blank; the server refused (HTTP 409 for a name in use).
    public func uploadPipeline(file: URL, name: String? = nil, description: String? = nil) async throws
        -> UploadedPipeline
    {
        let pipelineName: String
        if let name {
            pipelineName = name
        } else {
            pipelineName = try await PipelinePackageFile.pipelineName(file)
        }
        let contents = try PipelinePackageFile.read(file)
        return try await upload(
            fileName: file.lastPathComponent, contents: contents, name: pipelineName, description: description)
    }

    /// Uploads a spec (written as YAML, file name `pipeline.yaml`); otherwise as
    /// ``uploadPipeline(file:name:description:)``, the name defaulting to `spec.pipelineInfo.name`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func uploadPipeline(spec: PipelineSpec, name: String? = nil, description: String? = nil) async throws
        -> UploadedPipeline
    {
        try await upload(
            fileName: "pipeline.yaml", contents: try Self.yaml(spec), name: name ?? spec.pipelineInfo.name,
            description: description)
    }

    /// Uploads a package as a new version of a pipeline (`kfp.Client.upload_pipeline_version`):
    /// `POST /apis/v2beta1/pipelines/upload_version?name=<versionName>&pipelineid=<id>[&description=]`.
    ///
    /// - Throws: ``PipelineClientError``: unreadable file, blank version name, or the server's refusal
    ///   (HTTP 404 for an unknown pipeline, 409 for a version name in use).
    public func uploadPipelineVersion(
        file: URL, versionName: String, pipelineID: String, description: String? = nil
    ) async throws -> PipelineVersion {
        try await uploadVersion(
            fileName: file.lastPathComponent, contents: try PipelinePackageFile.read(file), versionName: versionName,
            pipelineID: pipelineID, description: description)
    }

    /// Uploads a spec (as `pipeline.yaml`) as a new version; see
    /// ``uploadPipelineVersion(file:versionName:pipelineID:description:)``.
    ///
    /// - Throws: ``PipelineClientError``.
    public func uploadPipelineVersion(
        spec: PipelineSpec, versionName: String, pipelineID: String, description: String? = nil
    ) async throws -> PipelineVersion {
        try await uploadVersion(
            fileName: "pipeline.yaml", contents: try Self.yaml(spec), versionName: versionName, pipelineID: pipelineID,
            description: description)
    }

    /// `GET /apis/v2beta1/pipelines/{id}` (`kfp.Client.get_pipeline`).
    ///
    /// - Throws: ``PipelineClientError`` (HTTP 404 for an unknown id).
    public func pipeline(id: String) async throws -> UploadedPipeline {
        try await call(APIRequest(.GET, APIRequest.path("pipelines", id)), as: UploadedPipeline.self, path: "pipeline")
    }

    /// The pipeline whose `display_name` equals `name` (`kfp.Client.get_pipeline_id`:
    /// `GET /apis/v2beta1/pipelines?filter=<display_name EQUALS name>`).
    ///
    /// - Throws: ``PipelineClientError`` without status: `No pipeline is found with name <name>.` or
    ///   `Multiple pipelines is found with name <name>.`; or the server's error.
    public func pipeline(named name: String) async throws -> UploadedPipeline {
        let query =
            optionalNamespace + [
                QueryString.Item("filter", QueryString.filterValue(NameFilter.json(displayName: name)))
            ]
        let found = try await page(
            APIRequest(.GET, APIRequest.path("pipelines"), query: query), key: "pipelines", as: UploadedPipeline.self)
        let matches = found.items.filter { $0.displayName == name }
        guard matches.count <= 1 else { throw Self.multiple("pipelines", name) }
        guard let pipeline = matches.first else {
            throw PipelineClientError(message: "No pipeline is found with name \(name).")
        }
        return pipeline
    }

    /// One page of pipelines (`kfp.Client.list_pipelines`):
    /// `GET /apis/v2beta1/pipelines?[namespace=&]page_token=&page_size=20&sort_by=`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func listPipelines(_ options: ListOptions = ListOptions()) async throws -> ListPage<UploadedPipeline> {
        try await page(
            APIRequest(.GET, APIRequest.path("pipelines"), query: listQuery(options, leading: optionalNamespace)),
            key: "pipelines", as: UploadedPipeline.self)
    }

    /// Every pipeline from `options.pageToken` on, page after page.
    public func allPipelines(_ options: ListOptions = ListOptions()) -> AsyncThrowingStream<UploadedPipeline, any Error>
    {
        stream(options) { try await self.listPipelines($0) }
    }

    /// `DELETE /apis/v2beta1/pipelines/{id}` (`kfp.Client.delete_pipeline`); with `cascade`, also
    /// `?cascade=true`, which deletes the versions too. Without it KFP refuses (HTTP 400) while
    /// versions exist.
    ///
    /// - Throws: ``PipelineClientError``.
    public func deletePipeline(id: String, cascade: Bool = false) async throws {
        let query = cascade ? [QueryString.Item("cascade", "true")] : []
        try await perform(APIRequest(.DELETE, APIRequest.path("pipelines", id), query: query))
    }

    /// One page of a pipeline's versions (`kfp.Client.list_pipeline_versions`):
    /// `GET /apis/v2beta1/pipelines/{id}/versions?page_token=&page_size=20&sort_by=`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func listPipelineVersions(pipelineID: String, _ options: ListOptions = ListOptions()) async throws
        -> ListPage<PipelineVersion>
    {
        try await page(
            APIRequest(.GET, APIRequest.path("pipelines", pipelineID, "versions"), query: listQuery(options)),
            key: "pipeline_versions", as: PipelineVersion.self)
    }

    /// `GET /apis/v2beta1/pipelines/{id}/versions/{version}` (`kfp.Client.get_pipeline_version`),
    /// with `pipeline_spec`.
    ///
    /// - Throws: ``PipelineClientError``.
    public func pipelineVersion(pipelineID: String, versionID: String) async throws -> PipelineVersion {
        try await call(
            APIRequest(.GET, APIRequest.path("pipelines", pipelineID, "versions", versionID)), as: PipelineVersion.self,
            path: "pipeline_version")
    }

    /// `DELETE /apis/v2beta1/pipelines/{id}/versions/{version}` (`kfp.Client.delete_pipeline_version`).
    ///
    /// - Throws: ``PipelineClientError``.
    public func deletePipelineVersion(pipelineID: String, versionID: String) async throws {
        try await perform(APIRequest(.DELETE, APIRequest.path("pipelines", pipelineID, "versions", versionID)))
    }

    private func upload(fileName: String, contents: Data, name: String, description: String?) async throws
        -> UploadedPipeline
    {
        try Self.checkName(name, "pipeline")
        var query = [QueryString.Item("name", name)]
        if let description { query.append(QueryString.Item("description", description)) }
        query += optionalNamespace
        let body = MultipartBody(fileName: fileName, contents: contents)
        return try await call(
            APIRequest(.POST, APIRequest.path("pipelines", "upload"), query: query, body: body.requestBody),
            as: UploadedPipeline.self, path: "pipeline")
    }

    private func uploadVersion(
        fileName: String, contents: Data, versionName: String, pipelineID: String, description: String?
    ) async throws -> PipelineVersion {
        try Self.checkName(versionName, "pipeline version")
        var query = [QueryString.Item("name", versionName), QueryString.Item("pipelineid", pipelineID)]
        if let description { query.append(QueryString.Item("description", description)) }
        let body = MultipartBody(fileName: fileName, contents: contents)
        return try await call(
            APIRequest(.POST, APIRequest.path("pipelines", "upload_version"), query: query, body: body.requestBody),
            as: PipelineVersion.self, path: "pipeline_version")
    }

    /// kfp's `validate_pipeline_display_name`: a name that is not blank.
    static func checkName(_ name: String, _ kind: String) throws {
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            let label = kind.prefix(1).uppercased() + kind.dropFirst()
            throw PipelineClientError(
                message: "Invalid \(kind) name. \(label) name cannot be empty or contain only whitespace.")
        }
    }

    static func yaml(_ spec: PipelineSpec) throws -> Data {
        do {
            return Data(try SpecWriter().write(spec).utf8)
        } catch {
            throw PipelineClientError(message: "cannot write pipeline '\(spec.pipelineInfo.name)' as YAML: \(error)")
        }
    }
}
