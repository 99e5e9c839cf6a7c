import Foundation

/// The program that builds and pushes images: podman, docker or buildah, found before any work.
///
/// ```swift
/// let engine = try ImageEngine.locate(.podman)        // podman on PATH
/// let any = try ImageEngine.locate(nil)               // docker, else podman, else buildah
/// ```
public struct ImageEngine: Sendable, Hashable, CustomStringConvertible {
    /// The engines `kfp component build` can drive.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `podman build` and `podman push` (daemonless; its `containers.conf` and `registries.conf` apply).
        case podman
        /// `docker build` and `docker push` through the docker daemon (`DOCKER_HOST`).
        case docker
        /// `buildah bud` and `buildah push` (daemonless, podman's storage and configuration).
        case buildah
    }

    /// Which engine.
    public let kind: Kind
    /// Its program.
    public let program: URL

    /// An engine of `kind` at `program` (not checked; ``locate(_:searchPath:)`` finds one).
    public init(kind: Kind, program: URL) {
        self.kind = kind
        self.program = program
    }

    /// The engine's name (`podman`).
    public var description: String { kind.rawValue }

    /// The first executable file named `kind` in the folders of `searchPath` (a `PATH` value; this
    /// process's `PATH` when `nil`); with no `kind`, the first of docker, podman and buildah found,
    /// in that order.
    ///
    /// - Throws: ``ImageBuildError`` (`engineMissing`) naming the engines and the folders searched.
    public static func locate(_ kind: Kind?, searchPath: String? = nil) throws(ImageBuildError) -> ImageEngine {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        let kinds = kind.map { [$0] } ?? [.docker, .podman, .buildah]
        for candidate in kinds {
            for folder in folders {
                let file = URL(fileURLWithPath: folder).appendingPathComponent(candidate.rawValue)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isExecutableFile(atPath: file.path)
                {
                    return ImageEngine(kind: candidate, program: file)
                }
            }
        }
        let searched = folders.isEmpty ? "PATH is empty" : "searched PATH: \(folders.joined(separator: ":"))"
        if let kind {
            throw ImageBuildError(
                .engineMissing, "the image engine '\(kind.rawValue)' was not found (\(searched)); install it or choose another with --engine")
        }
        throw ImageBuildError(
            .engineMissing, "no image engine was found (looked for 'docker', 'podman' and 'buildah'; \(searched)); install one or choose one with --engine")
    }

    /// The command that checks the engine can work: `docker version` needs the daemon, `podman info`
    /// and `buildah info` read their configuration and storage.
    var probeArguments: [String] {
        kind == .docker ? ["version"] : ["info"]
    }

    /// `build` (`bud` for buildah) of `context` with `dockerfile`, tagged `reference`.
    func buildArguments(
        context: URL, dockerfile: URL, reference: ImageReference, buildArguments: [String: String], network: String?,
        platform: String?
    ) -> [String] {
        var arguments = [kind == .buildah ? "bud" : "build", "-f", dockerfile.path, "-t", reference.description]
        for (key, value) in buildArguments.sorted(by: { $0.key < $1.key }) { arguments += ["--build-arg", "\(key)=\(value)"] }
        if let network { arguments.append("--network=\(network)") }
        if let platform { arguments.append("--platform=\(platform)") }
        return arguments + [context.path]
    }

    /// `push` of `reference`; podman and buildah write the digest the registry answered into
    /// `digestFile`, and skip TLS verification when `insecure`; docker prints it (its daemon
    /// decides which registries are insecure).
    func pushArguments(reference: ImageReference, digestFile: URL, insecure: Bool) -> [String] {
        switch kind {
        case .docker:
            return ["push", reference.description]
        case .podman:
            return ["push", "--digestfile", digestFile.path] + (insecure ? ["--tls-verify=false"] : []) + [reference.description]
        case .buildah:
            return ["push", "--digestfile", digestFile.path] + (insecure ? ["--tls-verify=false"] : [])
                + [reference.description, "docker://\(reference.description)"]
        }
    }

    /// `image inspect` (`inspect --type image` for buildah) printing the image id.
    func imageIDArguments(_ reference: ImageReference) -> [String] {
        switch kind {
        case .docker, .podman: return ["image", "inspect", "--format", "{{.Id}}", reference.description]
        case .buildah: return ["inspect", "--type", "image", "--format", "{{.FromImageID}}", reference.description]
        }
    }

    /// The digest in `docker push`'s last lines (`v1: digest: sha256:… size: 1234`).
    static func pushedDigest(inDockerOutput output: String) -> String? {
        for line in output.split(whereSeparator: \.isNewline).reversed() {
            guard let range = line.range(of: "digest: ") else { continue }
            let digest = line[range.upperBound...].prefix { !$0.isWhitespace }
            if StrictImageName.isDigest(String(digest)) { return String(digest) }
        }
        return nil
    }
}
