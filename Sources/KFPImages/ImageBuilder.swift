import Foundation

/// Builds images from a Dockerfile with an engine, pushes them, and returns the strict name
/// `REPO@sha256:HEX` with the digest the registry answered for the push.
///
/// ```swift
/// let builder = ImageBuilder(engine: try ImageEngine.locate(.podman), insecureRegistries: ["127.0.0.1:5000"])
/// let strict = try await builder.buildAndPush(context: URL(fileURLWithPath: "add"), image: try ImageReference("127.0.0.1:5000/add:v1"))
/// print(strict)   // 127.0.0.1:5000/add@sha256:7d88…
/// let pinned = try component.withImage(strict.description)
/// ```
///
/// Registries serving plain HTTP or with a certificate the host does not trust must be named in
/// `insecureRegistries` (podman and buildah then push with `--tls-verify=false`); podman and
/// buildah also honour `insecure = true` in their own `registries.conf`, and docker its daemon's
/// `insecure-registries` (127.0.0.0/8 is insecure there by default).
public struct ImageBuilder: Sendable {
    /// The engine that builds and pushes.
    public var engine: ImageEngine
    /// Registry hosts (`HOST[:PORT]`) pushed to without TLS verification.
    public var insecureRegistries: Set<String>
    /// Where the engine's progress goes.
    public var output: ImageBuildOutput
    /// Variables set for the engine on top of this process's environment (`CONTAINERS_CONF`, `DOCKER_HOST`, ...).
    public var environment: [String: String]

    /// A builder using `engine`.
    public init(
        engine: ImageEngine, insecureRegistries: Set<String> = [], output: ImageBuildOutput = .discarded,
        environment: [String: String] = [:]
    ) {
        self.engine = engine
        self.insecureRegistries = insecureRegistries
        self.output = output
        self.environment = environment
    }

    var process: EngineProcess { EngineProcess(program: engine.program, environment: environment, output: output) }
    private var quiet: EngineProcess { EngineProcess(program: engine.program, environment: environment, output: .discarded) }

    /// The Dockerfile a build of `context` uses: `dockerfile` when given, else `Dockerfile`, else
    /// `Containerfile` in `context`.
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) when `context` is not a folder, the given
    ///   file does not exist, or the context has neither default file.
    public static func dockerfile(for context: URL, given dockerfile: URL? = nil) throws(ImageBuildError) -> URL {
        try BuildContext.dockerfile(in: context, given: dockerfile)
    }

    /// Checks that the engine can work (`docker version`, `podman info`, `buildah info`).
    ///
    /// - Throws: ``ImageBuildError`` (`engineUnavailable`) with the engine's own reason, e.g.
    ///   `docker cannot build images: 'docker version' failed (exit status 1): Cannot connect to the Docker daemon ...`.
    public func checkEngine() async throws(ImageBuildError) {
        let finished = try await quiet.run(engine.probeArguments)
        guard finished.succeeded else {
            let check = "'\(engine.kind.rawValue) \(engine.probeArguments.joined(separator: " "))'"
            let hint = engine.kind == .docker ? "start the docker daemon or point DOCKER_HOST at one" : "check its configuration with \(check)"
            throw ImageBuildError(
                .engineUnavailable,
                "\(engine) at \(engine.program.path) cannot build images: \(check) failed (\(finished.ending)): \(finished.reason ?? "no output"); \(hint)")
        }
    }

    /// Builds `context` with its Dockerfile and tags the image `image`.
    ///
    /// - Parameters:
    ///   - context: the build context folder.
    ///   - dockerfile: the Dockerfile; `nil` takes `Dockerfile`, else `Containerfile`, in `context`.
    ///   - image: the tag to give the image.
    ///   - buildArguments: `--build-arg` values.
    ///   - network: `--network` for `RUN` steps (the engine's default when `nil`).
    ///   - platform: `--platform` (the engine's default when `nil`).
    /// - Returns: the local image id.
    /// - Throws: ``ImageBuildError``: `invalidInput` for a missing context or Dockerfile,
    ///   `buildFailed` with the engine's last error line.
    @discardableResult
    public func build(
        context: URL, dockerfile: URL? = nil, image: ImageReference, buildArguments: [String: String] = [:],
        network: String? = nil, platform: String? = nil
    ) async throws(ImageBuildError) -> String {
        let file = try BuildContext.dockerfile(in: context, given: dockerfile)
        let arguments = engine.buildArguments(
            context: context, dockerfile: file, reference: image, buildArguments: buildArguments, network: network,
            platform: platform)
        let finished = try await process.run(arguments, in: context)
        guard finished.succeeded else {
            throw ImageBuildError(
                .buildFailed,
                "\(engine) could not build '\(image)' from \(context.path) (\(finished.ending)): \(finished.reason ?? "no output")")
        }
        let inspected = try await quiet.run(engine.imageIDArguments(image))
        let id = inspected.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard inspected.succeeded, !id.isEmpty else {
            throw ImageBuildError(
                .buildFailed, "\(engine) built '\(image)' but cannot find it afterwards: \(inspected.reason ?? "no output")")
        }
        return id
    }

    /// Pushes `image` and returns its strict name, with the digest the registry answered for this
    /// push (podman's and buildah's `--digestfile`, the `digest:` line of `docker push`), never the
    /// digest a local inspect shows afterwards.
    ///
    /// - Throws: ``ImageBuildError``: `registryUnreachable` (connection refused, unknown host, HTTPS
    ///   against a plain-HTTP registry not marked insecure), `pushRefused` (any other refusal, with
    ///   the registry's words), `digestUnavailable` when the push gave no digest.
    public func push(_ image: ImageReference) async throws(ImageBuildError) -> StrictImageName {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-push-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImageBuildError(.digestUnavailable, "cannot create \(folder.path) for the digest of '\(image)': \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let digestFile = folder.appendingPathComponent("digest")
        let insecure = insecureRegistries.contains(image.registry)
        let finished = try await process.run(engine.pushArguments(reference: image, digestFile: digestFile, insecure: insecure))
        guard finished.succeeded else {
            throw PushFailure(image: image, engine: engine, finished: finished, insecure: insecure).error
        }
        let digest: String?
        if engine.kind == .docker {
            digest = ImageEngine.pushedDigest(inDockerOutput: finished.standardOutput)
        } else {
            digest = (try? String(contentsOf: digestFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let digest, StrictImageName.isDigest(digest) else {
            throw ImageBuildError(
                .digestUnavailable,
                "\(engine) pushed '\(image)' but gave no sha256 digest for it (found '\(digest ?? "nothing")'); the strict name cannot be known")
        }
        return try StrictImageName(repository: image.repository, digest: digest)
    }

    /// Checks the engine, builds `context`, pushes the image and returns its strict name.
    ///
    /// - Throws: ``ImageBuildError`` from ``checkEngine()``, ``build(context:dockerfile:image:buildArguments:network:platform:)``
    ///   or ``push(_:)``.
    public func buildAndPush(
        context: URL, dockerfile: URL? = nil, image: ImageReference, buildArguments: [String: String] = [:],
        network: String? = nil, platform: String? = nil
    ) async throws(ImageBuildError) -> StrictImageName {
        try await checkEngine()
        try await build(
            context: context, dockerfile: dockerfile, image: image, buildArguments: buildArguments, network: network, platform: platform)
        return try await push(image)
    }
}
