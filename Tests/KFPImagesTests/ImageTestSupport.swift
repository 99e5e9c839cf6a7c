import Foundation
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

    /// What a program did: its exit status and its standard output and error.
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var errors: String

        /// The last non-empty line of standard output.
        var lastLine: String? { output.split(whereSeparator: \.isNewline).last.map(String.init) }
    }

    /// Runs `program` with `arguments`, this process's environment with `environment` set on top
    /// (a `nil` value removes a variable), without blocking a thread of the pool while it runs.
    static func run(_ program: URL, _ arguments: [String], environment: [String: String?] = [:]) async throws -> Outcome {
        let folder = try scratch("kfp-image-test-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Outcome(
            status: status, output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Runs `kfp arguments...`.
    static func kfp(_ arguments: [String], environment: [String: String?] = [:]) async throws -> Outcome {
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
