@_exported public import KFP
@_exported public import KFPAPI
@_exported public import KFPClient
@_exported public import KFPCompiler
@_exported public import KFPSpec

/// The umbrella module: the DSL, the compiler and the client in one import, plus the glue that
/// compiles a Swift pipeline and sends it to a server, as the Python SDK's
/// `create_run_from_pipeline_func` and `upload_pipeline_from_pipeline_func` do.
extension PipelineClient {
    /// Compiles `pipeline` and creates a run of it (`create_run_from_pipeline_func`).
    ///
    /// - Parameters:
    ///   - arguments: root parameter values by name (JSON values of the declared types).
    ///   - parameters: compile-time defaults, as `PipelineCompiler.compile(_:parameters:)` takes.
    /// - Throws: `DefinitionError` for an invalid pipeline; ``PipelineClientError`` with the HTTP status
    ///   and the server's message when the server refuses.
    public func createRun(
        from pipeline: Pipeline, arguments: [String: JSONValue] = [:], options: RunOptions = RunOptions()
    ) async throws -> Run {
        try await createRun(spec: try PipelineCompiler().compile(pipeline), arguments: arguments, options: options)
    }

    /// Compiles `pipeline` and uploads it as a new pipeline (`upload_pipeline_from_pipeline_func`);
    /// the name defaults to the pipeline's.
    public func uploadPipeline(
        _ pipeline: Pipeline, name: String? = nil, description: String? = nil
    ) async throws -> UploadedPipeline {
        try await uploadPipeline(spec: try PipelineCompiler().compile(pipeline), name: name ?? pipeline.name, description: description)
    }

    /// Compiles `pipeline` and uploads it as a new version of the pipeline `pipelineID`.
    public func uploadPipelineVersion(
        _ pipeline: Pipeline, versionName: String, pipelineID: String, description: String? = nil
    ) async throws -> PipelineVersion {
        try await uploadPipelineVersion(
            spec: try PipelineCompiler().compile(pipeline), versionName: versionName, pipelineID: pipelineID, description: description)
    }
}
