import Foundation
import KFPAPI
import KFPSpec
import Testing

/// ``Experiment``, ``UploadedPipeline``, ``PipelineVersion``, ``CreatePipelineAndVersionRequest`` and ``Healthz``.
@Suite("Resource coding")
struct ResourceCodingTests {
    @Test("the Python client's create_experiment body decodes; the response always has both timestamps")
    func experiment() throws {
        let body = try TestJSON.parse(#"{"display_name": "exp-a", "description": "first exp", "namespace": ""}"#)
        var experiment = try Experiment(json: body, path: "experiment")
        #expect(experiment == Experiment(displayName: "exp-a", description: "first exp"))
        experiment.experimentID = "e1"
        experiment.createdAt = TestJSON.may1
        experiment.storageState = .available
        #expect(experiment.json() == [
            "experiment_id": "e1", "display_name": "exp-a", "description": "first exp",
            "created_at": "2024-05-01T12:00:00Z", "storage_state": "AVAILABLE",
            "last_run_created_at": "1970-01-01T00:00:00Z",
        ])
        #expect(Experiment().json() == ["created_at": "1970-01-01T00:00:00Z", "last_run_created_at": "1970-01-01T00:00:00Z"])
    }

    @Test("an uploaded pipeline writes tags and its epoch created_at, and reads camelCase")
    func uploadedPipeline() throws {
        let pipeline = UploadedPipeline(
            pipelineID: "p1", name: "two-step", displayName: "Two step", createdAt: TestJSON.may1, tags: ["team": "ml"])
        let json: JSONValue = [
            "pipeline_id": "p1", "name": "two-step", "display_name": "Two step", "created_at": "2024-05-01T12:00:00Z",
            "tags": ["team": "ml"],
        ]
        #expect(pipeline.json() == json)
        #expect(try UploadedPipeline(json: json, path: "pipeline") == pipeline)
        let camel = try UploadedPipeline(json: ["pipelineId": "p1", "displayName": "D"], path: "pipeline")
        #expect(camel == UploadedPipeline(pipelineID: "p1", displayName: "D"))
        #expect(throws: APIError.invalidArgument(
            "invalid value for pipeline.tags[\"n\"]: expected a string, found number 1"
        )) { try UploadedPipeline(json: ["tags": ["n": 1]], path: "pipeline") }
    }

    @Test("a pipeline version carries package_url.pipeline_url and the spec")
    func pipelineVersion() throws {
        let version = PipelineVersion(
            pipelineID: "p1", pipelineVersionID: "v1", name: "v1", displayName: "v1", createdAt: TestJSON.may1,
            packageURL: "https://example.com/p.yaml", codeSourceURL: "https://github.com/x",
            pipelineSpec: try TestJSON.parse(TestJSON.pipelineSpec))
        let json = try TestJSON.parse(
            """
            {"pipeline_id": "p1", "pipeline_version_id": "v1", "name": "v1", "display_name": "v1",
             "created_at": "2024-05-01T12:00:00Z", "package_url": {"pipeline_url": "https://example.com/p.yaml"},
             "code_source_url": "https://github.com/x", "pipeline_spec": \(TestJSON.pipelineSpec)}
            """)
        #expect(version.json() == json)
        #expect(try PipelineVersion(json: json, path: "pipeline_version") == version)
        #expect(PipelineVersion(packageURL: "").json().objectValue?["package_url"] == [:])
        #expect(try PipelineVersion(json: ["packageUrl": ["pipelineUrl": "u"]], path: "v").packageURL == "u")
    }

    @Test("CreatePipelineAndVersionRequest reads both members and names nested paths in errors")
    func createPipelineAndVersion() throws {
        let body = try TestJSON.parse(
            """
            {"pipeline": {"display_name": "p"},
             "pipeline_version": {"display_name": "v", "package_url": {"pipeline_url": "http://h/p.yaml"}}}
            """)
        let request = try CreatePipelineAndVersionRequest(json: body, path: "request")
        #expect(request.pipeline == UploadedPipeline(displayName: "p"))
        #expect(request.pipelineVersion == PipelineVersion(displayName: "v", packageURL: "http://h/p.yaml"))
        #expect(throws: APIError.invalidArgument("unknown field \"url\" in request.pipeline_version.package_url")) {
            try CreatePipelineAndVersionRequest(json: ["pipeline_version": ["package_url": ["url": "x"]]], path: "request")
        }
        #expect(try CreatePipelineAndVersionRequest(json: [:], path: "request") == CreatePipelineAndVersionRequest())
    }

    @Test("healthz always writes multi_user and leaves empty strings out")
    func healthz() throws {
        #expect(Healthz().json() == ["multi_user": false])
        let full = Healthz(commitSHA: "abc123", tagName: "2.17.0", multiUser: false, pipelineStore: "database")
        #expect(full.jsonText() == #"{"commit_sha":"abc123","multi_user":false,"pipeline_store":"database","tag_name":"2.17.0"}"#)
        #expect(try Healthz(json: full.json(), path: "healthz") == full)
    }
}
