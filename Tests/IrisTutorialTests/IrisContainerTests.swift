import Foundation
import IrisTutorial
import KFP
import KFPCompiler
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// The main job in real containers: the download task runs curl in its image
/// (`curlimages/curl:8.11.1`) and the merge task its pip prelude and pandas in `python:3.11`,
/// as `scripts/containers/setup.sh` provides them, with podman and with a private dockerd; the
/// merged CSV is the same 150 rows as with the subprocess launcher.
@Suite("Iris tutorial in containers", .serialized)
struct IrisContainerTests {
    static func runTutorial(engine: URL) async throws -> (LocalRun, URL) {
        let spec = try PipelineCompiler().compile(try IrisTutorial.pipeline())
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iris-containers-\(UUID().uuidString)")
        let runner = LocalRunner(options: LocalRunnerOptions(
            pipelineRoot: root, cachingEnabled: false, launcher: .container(ContainerEngine(candidates: [engine.path]))))
        let name = IrisTutorial.tarballName
        let run = try await LoopbackFileServer.serving([name: IrisTutorial.tarball], port: 0) { base in
            try await runner.run(spec, arguments: ["url": .string(base.appendingPathComponent(name).absoluteString)])
        }
        return (run, root)
    }

    static func check(engine: URL, name: String) async throws {
        let (run, root) = try await ContainerTestGate.shared.run { try await runTutorial(engine: engine) }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.launcher == name)
        #expect(run.state == .succeeded, "\(run.tasks.mapValues { $0.message ?? "" })")
        let report = try MergedCSVReport(run: run)
        #expect(report.rows.count == 150)
        #expect(report.columnCount == 5)
        #expect(report.rows.sorted() == (try IrisTutorialTests.inputRows(in: root.appendingPathComponent("expected"))).sorted())
        #expect(run.ignoredSettings == [])
    }

    @Test("podman: 150 merged rows equal to the inputs", .enabled(if: ContainerEngines.podman != nil))
    func podman() async throws {
        try await Self.check(engine: try #require(ContainerEngines.podman), name: "podman")
    }

    @Test("docker: 150 merged rows equal to the inputs", .enabled(if: ContainerEngines.docker != nil))
    func docker() async throws {
        try await Self.check(engine: try #require(ContainerEngines.docker), name: "docker")
    }
}
