import Foundation
import Hummingbird
import KFPAPI
import KFPSpec
import NIOCore

/// `/apis/v2beta1/pipelines`: KFP's `PipelineService` and the multipart upload handlers.
struct PipelineRoutes {
    let services: ServerServices

    func add(to router: Router<BasicRequestContext>) {
        let store = services.store
        let options = services.options
        let group = router.group("apis/v2beta1/pipelines")
        group.get { request, _ in
            let query = try ListQuery(APIResponder.query(request), resource: .pipelines)
            let page = try store.listPipelines(query)
            return APIResponder.list("pipelines", page.items.map { $0.json() }, totalSize: page.totalSize, next: page.next, query: query)
        }
        group.post { request, _ in
            let pipeline = try UploadedPipeline(json: try await APIResponder.body(request, limit: options.maxRequestBytes), path: "pipeline")
            return APIResponder.message(try store.createPipeline(pipeline, package: nil).0)
        }
        group.post("upload") { request, _ in
            let upload = try await Self.upload(request, options: options)
            let query = APIResponder.query(request)
            let package = try await PipelinePackage.upload(upload.data, fileName: upload.fileName)
            let name = query["name"] ?? query["display_name"] ?? upload.fileName
            let pipeline = UploadedPipeline(
                name: name, displayName: query["display_name"] ?? name, description: query["description"] ?? "",
                tags: try Self.tags(query["tags"]))
            return APIResponder.message(try store.createPipeline(pipeline, package: package).0)
        }
        group.post("upload_version") { request, _ in
            let upload = try await Self.upload(request, options: options)
            let query = APIResponder.query(request)
            guard let pipelineID = query["pipelineid"] else {
                throw APIError.invalidArgument("Failed to upload a pipeline version: the pipelineid query parameter is missing")
            }
            let package = try await PipelinePackage.upload(upload.data, fileName: upload.fileName)
            let version = PipelineVersion(
                pipelineID: pipelineID, name: query["name"] ?? query["display_name"] ?? upload.fileName,
                displayName: query["display_name"] ?? "", description: query["description"] ?? "",
                codeSourceURL: query["code_source_url"] ?? "", tags: try Self.tags(query["tags"]))
            return APIResponder.message(try store.createPipelineVersion(version, package: package))
        }
        group.post("create") { request, _ in
            let body = try CreatePipelineAndVersionRequest(
                json: try await APIResponder.body(request, limit: options.maxRequestBytes), path: "request")
            let package = try await Self.fetchPackage(body.pipelineVersion.packageURL, options: options)
            return APIResponder.message(try store.createPipeline(body.pipeline, package: package).0)
        }
        group.get("names/{name}") { _, context in
            APIResponder.message(try store.pipeline(named: try APIResponder.parameter(context, "name")))
        }
        group.get("{id}") { _, context in
            APIResponder.message(try store.pipeline(try APIResponder.parameter(context, "id")))
        }
        group.delete("{id}") { request, context in
            let cascade = APIResponder.query(request)["cascade"]?.lowercased() == "true"
            try store.deletePipeline(try APIResponder.parameter(context, "id"), cascade: cascade)
            return APIResponder.empty
        }
        group.get("{id}/versions") { request, context in
            let query = try ListQuery(APIResponder.query(request), resource: .pipelineVersions)
            let page = try store.listPipelineVersions(try APIResponder.parameter(context, "id"), query)
            return APIResponder.list(
                "pipeline_versions", page.items.map { $0.json() }, totalSize: page.totalSize, next: page.next, query: query)
        }
        group.post("{id}/versions") { request, context in
            var version = try PipelineVersion(
                json: try await APIResponder.body(request, limit: options.maxRequestBytes), path: "pipeline_version")
            version.pipelineID = try APIResponder.parameter(context, "id")
            let package = try await Self.fetchPackage(version.packageURL, options: options)
            return APIResponder.message(try store.createPipelineVersion(version, package: package))
        }
        group.get("{id}/versions/{version}") { _, context in
            APIResponder.message(try store.pipelineVersion(
                try APIResponder.parameter(context, "id"), try APIResponder.parameter(context, "version")))
        }
        group.delete("{id}/versions/{version}") { _, context in
            try store.deletePipelineVersion(try APIResponder.parameter(context, "id"), try APIResponder.parameter(context, "version"))
            return APIResponder.empty
        }
    }

    /// The upload's file, refused with 413 above the size limit.
    private static func upload(_ request: Request, options: ServerOptions) async throws -> MultipartUpload {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: options.maxUploadBytes + 64 << 10)
        } catch {
            throw PayloadTooLarge(message: "the upload is larger than \(options.maxUploadBytes) bytes")
        }
        let upload = try MultipartUpload(contentType: request.headers[.contentType], body: buffer)
        if upload.data.count > options.maxUploadBytes {
            throw PayloadTooLarge(message: "the pipeline package \(upload.fileName) is larger than \(options.maxUploadBytes) bytes")
        }
        return upload
    }

    /// Tags from the upload's `tags` query parameter (a JSON object of strings).
    private static func tags(_ text: String?) throws -> [String: String] {
        guard let text else { return [:] }
        guard let value = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else {
            throw APIError.invalidArgument("the tags query parameter must be a JSON object of strings, found \(text)")
        }
        return value
    }

    /// A package named by `package_url.pipeline_url`: a local file (path or `file://`) or http(s).
    private static func fetchPackage(_ url: String?, options: ServerOptions) async throws -> PipelinePackage {
        guard let url, !url.isEmpty else {
            throw APIError.invalidArgument("a pipeline version needs package_url.pipeline_url")
        }
        let data: Data
        if url.hasPrefix("http://") || url.hasPrefix("https://"), let remote = URL(string: url) {
            do {
                data = try await URLFetcher(timeout: 60, maximumSize: options.maxUploadBytes).fetch(remote)
            } catch {
                throw APIError.invalidArgument("Failed to download the pipeline package: \(error.description)")
            }
        } else {
            let path = url.hasPrefix("file://") ? (URL(string: url)?.path ?? "") : url
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw APIError.invalidArgument("Failed to read the pipeline package \(url): no such file")
            }
            data = contents
        }
        if data.count > options.maxUploadBytes {
            throw APIError(.resourceExhausted, "the pipeline package \(url) is larger than \(options.maxUploadBytes) bytes")
        }
        return try await PipelinePackage.upload(data, fileName: URL(fileURLWithPath: url).lastPathComponent)
    }
}
