import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// Pipeline packages read on this machine: YAML, JSON, zip and tar.gz, as kfp reads them.
@Suite("Local pipeline packages")
struct PackageFileTests {
    /// Runs a command in `folder` (zip and tar build the archives).
    static func shell(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments) failed")
    }

    /// A folder holding `pipeline.yaml` and the archives made from it.
    static func packages(_ spec: PipelineSpec) throws -> URL {
        let yaml = try ClientHarness.temporaryFile("pipeline.yaml", try ClientTestPipelines.yaml(spec))
        let folder = yaml.deletingLastPathComponent()
        try Data(try SpecWriter().write(spec, format: .json).utf8).write(
            to: folder.appendingPathComponent("pipeline.json"))
        try shell(["zip", "-q", "pkg.zip", "pipeline.yaml"], in: folder)
        try shell(["tar", "-czf", "pkg.tar.gz", "pipeline.yaml"], in: folder)
        try shell(["cp", "pkg.tar.gz", "pkg.tgz"], in: folder)
        return folder
    }

    @Test(
        "yaml, json, zip, tar.gz and tgz packages send the same pipeline_spec; the run name starts with the file name")
    func formats() async throws {
        let spec = try ClientTestPipelines.twoStep()
        let folder = try Self.packages(spec)
        let names = ["pipeline.yaml", "pipeline.json", "pkg.zip", "pkg.tar.gz", "pkg.tgz"]
        try await FakeServer.with(answer: RunTrafficTests.answer) { client, server in
            for name in names {
                _ = try await client.createRun(
                    packageFile: folder.appendingPathComponent(name), options: RunOptions(experimentID: "e1"))
            }
            let bodies = try await server.log.requests.map { try RunTrafficTests.body($0) }
            #expect(bodies.count == names.count)
            for (name, body) in zip(names, bodies) {
                #expect(body["pipeline_spec"] == (try SpecWriter().tree(of: spec)), "\(name)")
                #expect(body["display_name"]?.stringValue.map { RunCallTests.isDefaultName($0, base: name) } == true)
            }
        }
    }

    @Test("a two-document YAML (with a platform spec) is sent in the wrapper form")
    func platformDocument() async throws {
        var spec = try ClientTestPipelines.twoStep()
        spec.platformSpec = [
            "platforms": [
                "kubernetes": [
                    "deploymentSpec": ["executors": ["exec-produce": ["nodeSelector": ["labels": ["a": "b"]]]]]
                ]
            ]
        ]
        let file = try ClientHarness.temporaryFile("with_platform.yaml", try ClientTestPipelines.yaml(spec))
        try await FakeServer.with(answer: RunTrafficTests.answer) { client, server in
            _ = try await client.createRun(packageFile: file, options: RunOptions(runName: "p", experimentID: "e1"))
            let body = try RunTrafficTests.body(try #require(await server.log.requests.first))
            #expect(
                body["pipeline_spec"] == [
                    "pipeline_spec": try SpecWriter().tree(of: spec), "platform_spec": spec.platformSpec ?? .null,
                ])
        }
    }

    @Test("an upload of a newer IR (unknown fields) still takes pipelineInfo.name, as kfp reads only that")
    func newerUpload() async throws {
        let yaml = "futureField: 1\npipelineInfo:\n  name: from-the-future\nroot: {}\nschemaVersion: 9.0.0\n"
        let file = try ClientHarness.temporaryFile("future.yaml", Data(yaml.utf8))
        try await FakeServer.with(answer: { _, _ in .json(#"{"pipeline_id": "p9", "name": "from-the-future"}"#) }) {
            client, server in
            let pipeline = try await client.uploadPipeline(file: file)
            #expect(pipeline.pipelineID == "p9")
            #expect(await server.log.lines == ["POST /apis/v2beta1/pipelines/upload?name=from-the-future"])
            let refused = await clientError { try await client.createRun(packageFile: file) }
            #expect(refused?.message.contains("futureField") == true)
        }
    }

    @Test("bad packages are refused before anything is sent")
    func badPackages() async throws {
        let folder = try Self.packages(try ClientTestPipelines.twoStep())
        try Data("name: hello\nimplementation:\n  container:\n    image: alpine\n".utf8)
            .write(to: folder.appendingPathComponent("component.yaml"))
        try Data("root: [unclosed\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        try Self.shell(["cp", "pipeline.yaml", "second.yaml"], in: folder)
        try Self.shell(["tar", "-czf", "two.tar.gz", "pipeline.yaml", "second.yaml"], in: folder)
        try Data("not gzip".utf8).write(to: folder.appendingPathComponent("fake.tgz"))
        try await FakeServer.with(answer: RunTrafficTests.answer) { client, server in
            func error(_ name: String) async -> PipelineClientError? {
                await clientError {
                    try await client.createRun(
                        packageFile: folder.appendingPathComponent(name), options: RunOptions(experimentID: "e"))
                }
            }
            let component = await error("component.yaml")
            #expect(
                component?.message
                    == "\(folder.path)/component.yaml is a v1 component, not a compiled pipeline; compile it into a pipeline first"
            )
            let broken = await error("broken.yaml")
            #expect(broken?.message.contains("broken.yaml") == true)
            let two = await error("two.tar.gz")
            #expect(two?.message == "Invalid package. Multiple yaml files in the package \(folder.path)/two.tar.gz.")
            let fake = await error("fake.tgz")
            #expect(fake?.message.hasPrefix("cannot extract \(folder.path)/fake.tgz as a tar.gz archive: ") == true)
            let missing = await error("absent.yaml")
            #expect(
                missing?.message
                    == "cannot read the pipeline package \(folder.path)/absent.yaml: no such file or not readable")
            #expect(await server.log.requests.isEmpty)
        }
    }
}
