import Foundation
import KFP
import KFPCompiler
import KFPLocal
import KFPTestSupport
import Testing

/// Helpers for the image tests: the `kfp` executable built beside the tests, the test registry and
/// podman (`scripts/test.sh` starts the registry; `setup.sh` prepares podman), skopeo, scratch folders.
enum ImageTestSupport {
    /// Whether the registry tests can run: a test registry and podman with the test images.
    static let registryAndPodman = ContainerEngines.registry != nil && ContainerEngines.podman != nil

    /// The `kfp` executable next to this test binary, or `nil` when it was not built.
    static let kfp: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kfp")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        print("notice: the kfp executable is not built next to the tests; kfp component build command tests are skipped")
        return nil
    }()

    /// The base image builds start from (the test Python image, which has kfp 2.17.3).
    static var baseImage: String { ProcessInfo.processInfo.environment["KFP_TEST_PYTHON_IMAGE"] ?? "python:3.11" }

    /// A new empty folder under the temporary folder.
    static func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `program` with `arguments` (see ``ProgramRun/run(_:_:environment:)``).
    static func run(_ program: URL, _ arguments: [String], environment: [String: String?] = [:]) async throws -> ProgramRun {
        try await ProgramRun.run(program, arguments, environment: environment)
    }

    /// Runs `pipeline` in podman (no cache) under a new pipeline root; the caller removes the root.
    static func runInPodman(_ pipeline: Pipeline) async throws -> (LocalRun, URL) {
        let podman = try #require(ContainerEngines.podman)
        let root = try scratch("pinned-run")
        let runner = LocalRunner(options: LocalRunnerOptions(
            pipelineRoot: root, cachingEnabled: false, launcher: .container(ContainerEngine(candidates: [podman.path]))))
        return (try await runner.run(try PipelineCompiler().compile(pipeline)), root)
    }

    /// Runs `kfp arguments...`.
    static func kfp(_ arguments: [String], environment: [String: String?] = [:]) async throws -> ProgramRun {
        let program = try #require(kfp)
        return try await run(program, arguments, environment: environment)
    }

    /// The digest the registry holds for `reference` (`REPO:TAG`), read with skopeo, which speaks
    /// plain HTTP to the test registry only when told (`--tls-verify=false`).
    static func registryDigest(_ reference: String) async throws -> String {
        let skopeo = try #require(ContainerEngines.onPath("skopeo"), "skopeo is not installed")
        let outcome = try await run(skopeo, ["inspect", "--tls-verify=false", "--format", "{{.Digest}}", "docker://\(reference)"])
        try #require(outcome.status == 0, "skopeo inspect \(reference): \(outcome.errors)")
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs podman with `arguments`; fails the test when it fails.
    @discardableResult
    static func podman(_ arguments: [String]) async throws -> String {
        let podman = try #require(ContainerEngines.podman)
        let outcome = try await run(podman, arguments)
        try #require(outcome.status == 0, "podman \(arguments.joined(separator: " ")): \(outcome.errors)")
        return outcome.output
    }

    /// Whether podman holds an image named `reference`.
    static func podmanHasImage(_ reference: String) async throws -> Bool {
        let podman = try #require(ContainerEngines.podman)
        return try await run(podman, ["image", "exists", reference]).status == 0
    }

    /// A tag unique to this test process, so reruns against the same registry push new manifests.
    static let runTag = "t\(UUID().uuidString.lowercased().prefix(8))"
}
