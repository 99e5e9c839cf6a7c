import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// The pipeline and pipeline-version calls against an in-process `kfp server`.
@Suite("Pipeline calls against kfp server")
struct PipelineCallTests {
    @Test("uploadPipeline(file:) takes the name from pipelineInfo; versions, get, list and delete follow")
    func uploadFile() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let file = try ClientHarness.temporaryFile(
                "two_step.yaml", try ClientTestPipelines.yaml(try ClientTestPipelines.twoStep()))
            let pipeline = try await client.uploadPipeline(file: file, description: "two tasks")
            #expect(pipeline.name == "two-step")
            #expect(pipeline.displayName == "two-step")
            #expect(pipeline.description == "two tasks")
            #expect(try await client.pipeline(id: pipeline.pipelineID) == pipeline)
            #expect(try await client.pipeline(named: "two-step") == pipeline)

            let versions = try await client.listPipelineVersions(pipelineID: pipeline.pipelineID)
            #expect(versions.items.count == 1)
            #expect(versions.totalSize == 1)
            let first = try #require(versions.items.first)
            #expect(first.pipelineID == pipeline.pipelineID)
            #expect(first.name == "two-step")

            let second = try await client.uploadPipelineVersion(
                file: file, versionName: "v2", pipelineID: pipeline.pipelineID, description: "again")
            #expect(second.name == "v2")
            #expect(second.description == "again")
            #expect(second.pipelineID == pipeline.pipelineID)
            let fetched = try await client.pipelineVersion(
                pipelineID: pipeline.pipelineID, versionID: second.pipelineVersionID)
            #expect(fetched.pipelineVersionID == second.pipelineVersionID)
            #expect(fetched.pipelineSpec?.objectValue?["pipelineInfo"] == ["name": "two-step"])
            let both = try await client.listPipelineVersions(
                pipelineID: pipeline.pipelineID, ListOptions(sortBy: "created_at desc"))
            #expect(both.items.map(\.name) == ["v2", "two-step"])

            try await client.deletePipelineVersion(pipelineID: pipeline.pipelineID, versionID: second.pipelineVersionID)
            let gone = await clientError {
                try await client.pipelineVersion(pipelineID: pipeline.pipelineID, versionID: second.pipelineVersionID)
            }
            #expect(gone?.status == 404)
            let refused = await clientError { try await client.deletePipeline(id: pipeline.pipelineID) }
            #expect(refused?.status == 400)
            #expect(
                refused?.message
                    == "Failed to delete pipeline \(pipeline.pipelineID): it has 1 version(s); delete them first or pass cascade=true"
            )
            try await client.deletePipeline(id: pipeline.pipelineID, cascade: true)
            #expect(try await client.listPipelines().items.isEmpty)
        }
    }

    @Test("uploadPipeline(spec:) with an explicit name; duplicates give the server's 409 and message")
    func uploadSpec() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let spec = try ClientTestPipelines.twoStep()
            let named = try await client.uploadPipeline(spec: spec, name: "named pipe")
            #expect(named.name == "named pipe")
            #expect(named.description == "")
            let version = try await client.uploadPipelineVersion(
                spec: spec, versionName: "v 2", pipelineID: named.pipelineID)
            #expect(version.name == "v 2")
            let duplicate = await clientError { try await client.uploadPipeline(spec: spec, name: "named pipe") }
            #expect(duplicate?.status == 409)
            #expect(
                duplicate?.message
                    == "Failed to create a pipeline: the name named pipe already exists. Please specify a new name.")
            let blank = await clientError { try await client.uploadPipeline(spec: spec, name: "  ") }
            #expect(
                blank
                    == PipelineClientError(
                        message: "Invalid pipeline name. Pipeline name cannot be empty or contain only whitespace."))
            let unknown = await clientError {
                try await client.uploadPipelineVersion(spec: spec, versionName: "v3", pipelineID: "no-such-pipeline")
            }
            #expect(unknown?.status == 404)
        }
    }

    @Test("listPipelines pages, sorts and filters; allPipelines streams every page")
    func listing() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let spec = try ClientTestPipelines.twoStep()
            for name in ["p-c", "p-a", "p-b"] { _ = try await client.uploadPipeline(spec: spec, name: name) }
            let page = try await client.listPipelines(ListOptions(pageSize: 2, sortBy: "display_name"))
            #expect(page.items.map(\.displayName) == ["p-a", "p-b"])
            #expect(page.totalSize == 3)
            #expect(page.nextPageToken != nil)
            let all = try await collect(client.allPipelines(ListOptions(pageSize: 1, sortBy: "display_name desc")))
            #expect(all.map(\.displayName) == ["p-c", "p-b", "p-a"])
            let filter = #"{"predicates": [{"key": "display_name", "operation": "EQUALS", "string_value": "p-b"}]}"#
            #expect(try await client.listPipelines(ListOptions(filter: filter)).items.map(\.displayName) == ["p-b"])
            let missing = await clientError { try await client.pipeline(named: "p-z") }
            #expect(missing == PipelineClientError(message: "No pipeline is found with name p-z."))
            let byID = await clientError { try await client.pipeline(id: "nope") }
            #expect(byID?.status == 404)
            #expect(byID?.message == "Pipeline nope not found")
        }
    }

    @Test("a file that is not a pipeline is refused here, before anything is sent")
    func badFiles() async throws {
        try await ClientHarness.with { harness in
            let text = try ClientHarness.temporaryFile("notes.txt", Data("hello".utf8))
            let wrongKind = await clientError { try await harness.client.uploadPipeline(file: text) }
            #expect(
                wrongKind?.message.hasPrefix(
                    "The package_file \(text.path) should end with one of the following formats") == true)
            let missing = URL(fileURLWithPath: "/nonexistent/p.yaml")
            let absent = await clientError { try await harness.client.uploadPipeline(file: missing, name: "x") }
            #expect(
                absent
                    == PipelineClientError(
                        message: "cannot read the pipeline package /nonexistent/p.yaml: no such file or not readable"))
            #expect(try await harness.client.listPipelines().totalSize == 0)
        }
    }
}
