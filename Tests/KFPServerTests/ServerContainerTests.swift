import Foundation
import KFP
import KFPCompiler
import KFPLocal
import KFPServer
import KFPSpec
import KFPTestSupport
import Testing

/// `kfp server --launcher podman`: runs created through the API execute their tasks in real
/// containers, and terminating a run removes its running container.
@Suite("kfp server with the podman launcher", .enabled(if: ContainerEngines.podman != nil))
struct ServerContainerTests {
    static func start() async throws -> ServerHarness {
        let podman = try #require(ContainerEngines.podman)
        return try await ServerHarness.start { options in
            options.launcher = .container(ContainerEngine(candidates: [podman.path]))
        }
    }

    /// One task in the image that holds `my_program` (only there, not on this machine) running `script`.
    static func pipeline(_ name: String, script: String) throws -> JSONValue {
        let probe = try Component.container(
            name: "probe", image: "registry.access.redhat.com/ubi9/python-311:latest", command: ["sh", "-c", .init(stringLiteral: script)])
        let pipeline = try Pipeline(name) { p in p.task(probe) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }

    @Test("a run's task executes in its image; its log is served as on KFP")
    func runsInImage() async throws {
        try await ContainerTestGate.shared.run { try await Self.runInImage() }
    }

    static func runInImage() async throws {
        let server = try await start()
        defer { Task { await server.stop() } }
        let client = server.client
        let (status, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "in a container",
            "pipeline_spec": try pipeline("in-image", script: "test -x /usr/local/bin/my_program && echo in-image"),
        ])
        #expect(status == 200)
        let id = try #require(created["run_id"]?.stringValue)
        let run = try await client.waitForState(id, ["SUCCEEDED", "FAILED"])
        #expect(run["state"]?.stringValue == "SUCCEEDED", "\(run["error"] ?? .null)")
        let (logStatus, log) = try await client.raw("GET", "/apis/v1alpha1/runs/\(id)/nodes/probe/log")
        #expect(logStatus == 200)
        #expect(String(decoding: log, as: UTF8.self) == "in-image\n")
    }

    @Test("terminating a run removes its running container")
    func terminate() async throws {
        try await ContainerTestGate.shared.run { try await Self.terminateRun() }
    }

    static func terminateRun() async throws {
        let server = try await start()
        defer { Task { await server.stop() } }
        let client = server.client
        let (_, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "sleeper", "pipeline_spec": try pipeline("sleeper", script: "echo started; sleep 300"),
        ])
        let id = try #require(created["run_id"]?.stringValue)
        let podman = try #require(ContainerEngines.podman)
        let filter = ["ps", "--quiet", "--filter", "label=io.swift-kfp.run-id=\(id)"]
        var running = ""
        for _ in 0..<600 where running.isEmpty {
            running = await ContainerEngines.output(podman, filter) ?? ""
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!running.isEmpty, "the task's container started")
        let (status, _) = try await client.call("POST", "/apis/v2beta1/runs/\(id):terminate")
        #expect(status == 200)
        let run = try await client.waitForState(id, ["CANCELED", "FAILED", "SUCCEEDED"])
        #expect(run["state"]?.stringValue == "CANCELED")
        var left = running
        for _ in 0..<200 where !left.isEmpty {
            left = await ContainerEngines.output(podman, ["ps", "--all"] + filter.dropFirst()) ?? "?"
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(left == "")
    }
}
