public import KFPSpec

/// The body of `POST /apis/v2beta1/pipelines/create`: a pipeline and its first version
/// (`v2beta1CreatePipelineAndVersionRequest`).
///
/// JSON: `{"pipeline": Pipeline, "pipeline_version": PipelineVersion}`; the server fetches
/// `pipeline_version.package_url.pipeline_url`. A missing member parses as an empty message. Parsing
/// follows ``APIMessage``.
public struct CreatePipelineAndVersionRequest: Sendable, Equatable, APIMessage {
    public var pipeline: UploadedPipeline
    public var pipelineVersion: PipelineVersion

    public init(pipeline: UploadedPipeline = UploadedPipeline(), pipelineVersion: PipelineVersion = PipelineVersion()) {
        self.pipeline = pipeline
        self.pipelineVersion = pipelineVersion
    }

    public init(json: JSONValue, path: String) throws {
        let reader = try MessageReader(json, path: path, fields: ["pipeline", "pipeline_version"])
        pipeline = try reader.message("pipeline") ?? UploadedPipeline()
        pipelineVersion = try reader.message("pipeline_version") ?? PipelineVersion()
    }

    public func json() -> JSONValue {
        var writer = MessageWriter()
        writer.message("pipeline", pipeline)
        writer.message("pipeline_version", pipelineVersion)
        return writer.json
    }
}
