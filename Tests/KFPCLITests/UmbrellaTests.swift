import Foundation
import KubeflowPipelines
import Testing

/// `import KubeflowPipelines`: define a pipeline in Swift and run it on a server in one call.
@Suite("KubeflowPipelines umbrella")
struct UmbrellaTests {
    @Test("createRun(from:) compiles a Swift pipeline and the run SUCCEEDS; uploadPipeline(_:) stores it under its name", .enabled(if: CLIHarness.executable != nil, "the kfp executable is not built beside the tests; the umbrella test is skipped"))
    func createRunFromPipeline() async throws {
        let executable = try #require(CLIHarness.executable)
        let server = try await CLIHarness.start(executable: executable)
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("text", .string)], image: "alpine:3.19", command: ["echo", .inputValue("text")])
        let pipeline = try Pipeline("swift-made") { p in
            p.task(echo, ["text": p.parameter("text", .string, default: "hi")])
        }
        guard let endpoint = URL(string: server.endpoint) else { throw CLIFailure(message: "bad endpoint") }
        let client = PipelineClient(configuration: PipelineClient.Configuration(endpoint: endpoint))
        let run = try await client.createRun(from: pipeline, arguments: ["text": "from Swift ✓"], options: RunOptions(runName: "umbrella"))
        let finished = try await client.waitForRun(id: run.runID, timeout: 60, pollInterval: 0.2)
        #expect(finished.state == .succeeded)
        #expect(finished.runtimeConfig?.parameters == ["text": "from Swift ✓"])
        #expect(finished.runDetails?.taskDetails.map(\.displayName) == ["echo"])
        let uploaded = try await client.uploadPipeline(pipeline)
        #expect(uploaded.displayName == "swift-made")
        let versions = try await client.listPipelineVersions(pipelineID: uploaded.pipelineID)
        #expect(versions.items.first?.pipelineSpec?.objectValue?["pipelineInfo"]?.objectValue?["name"] == "swift-made")
        try await client.shutdown()
        await server.stop()
    }
}
