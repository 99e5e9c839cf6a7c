import ArgumentParser
import Foundation
import KFPImages

/// `kfp component`: containerize components.
struct ComponentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "component",
        abstract: "Build, push and pin component images.",
        subcommands: [ComponentBuildCommand.self]
    )
}

/// `kfp component build CONTEXT_DIR --image REPO[:TAG] [--dockerfile FILE] [--engine E] [--push] [--component-file FILE]...`
/// and `kfp component build DIR --python [--push]`.
struct ComponentBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an image from a Dockerfile (or a folder of Python components), push it, and pin components to it.",
        discussion: """
            Prints the image as the last line of standard output: with --push, its strict name REPO@sha256:HEX \
            with the digest the registry answered for the push; without, the tag REPO:TAG. The engine's progress \
            goes to standard error (not with --quiet). With --component-file, each file (a v1 component.yaml or a \
            v2 component) is read before the build and rewritten after the push with only its image changed. With \
            --python, CONTEXT_DIR holds Python modules with @dsl.component(target_image=...) functions: the \
            Dockerfile, runtime-requirements.txt, .dockerignore and kfp_config.ini are generated as KFP's own \
            'kfp component build' does, the image is built with the target image's tag, and each component's spec \
            is written to component_metadata/. A failure prints one line 'error: ...' on standard error and exits \
            with 2 for bad input, 1 when the engine, the build or the registry failed; no file is left half written.
            """
    )

    @Argument(help: ArgumentHelp("The build context: a folder with a Dockerfile, or Python components with --python.", valueName: "CONTEXT_DIR"))
    var context: String

    @Option(help: ArgumentHelp("The image to build and push (not with --python: the components' target_image).", valueName: "REPO[:TAG]"))
    var image: String?

    @Option(help: ArgumentHelp("The Dockerfile (default: Dockerfile, else Containerfile, in CONTEXT_DIR).", valueName: "FILE"))
    var dockerfile: String?

    @Option(help: "The engine that builds and pushes: podman, docker or buildah (default: the first found of docker, podman, buildah).")
    var engine: ImageEngine.Kind?

    @Flag(help: "Push the image and print its strict name REPO@sha256:HEX.")
    var push = false

    @Option(name: .customLong("component-file"), help: ArgumentHelp("A component file (v1 component.yaml or v2) to pin to the pushed image (repeatable; needs --push).", valueName: "FILE"))
    var componentFiles: [String] = []

    @Flag(help: "CONTEXT_DIR holds Python modules with @dsl.component(target_image=...) functions.")
    var python = false

    @Flag(name: .customLong("overwrite-dockerfile"), help: "With --python: write the Dockerfile even when one exists.")
    var overwriteDockerfile = false

    @Option(name: .customLong("insecure-registry"), help: ArgumentHelp("A registry pushed to without TLS verification (plain HTTP or an untrusted certificate; repeatable). podman and buildah also honour their registries.conf; docker its daemon's insecure-registries.", valueName: "HOST[:PORT]"))
    var insecureRegistries: [String] = []

    @Option(name: .customLong("build-arg"), help: ArgumentHelp("A build argument (repeatable).", valueName: "NAME=VALUE"))
    var buildArguments: [String] = []

    @Option(help: "The network of RUN steps (--network of the engine's build; the engine's default when not given).")
    var network: String?

    @Option(help: "The target platform (--platform of the engine's build), e.g. linux/amd64.")
    var platform: String?

    @Flag(help: "Do not show the engine's progress.")
    var quiet = false

    func validate() throws {
        if python {
            if image != nil { throw ValidationError("--image does not go with --python: the image is the components' target_image") }
            if dockerfile != nil { throw ValidationError("--dockerfile does not go with --python: the Dockerfile is generated") }
            if !componentFiles.isEmpty { throw ValidationError("--component-file does not go with --python: the specs go to component_metadata/") }
        } else {
            if image == nil { throw ValidationError("--image REPO[:TAG] is required (or --python for Python components)") }
            if overwriteDockerfile { throw ValidationError("--overwrite-dockerfile needs --python") }
            if !componentFiles.isEmpty, !push {
                throw ValidationError("--component-file needs --push: the strict name REPO@sha256:HEX is the digest the registry holds")
            }
        }
        for argument in buildArguments where !argument.contains("=") {
            throw ValidationError("--build-arg '\(argument)' must be NAME=VALUE")
        }
    }

    func run() async throws {
        do {
            let image = python ? try await buildPython() : try await buildDockerfile()
            print(image)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(error.kind == .invalidInput || error.kind == .componentFile || error.kind == .pythonComponents ? 2 : 1)
        }
    }

    var builderArguments: [String: String] {
        var values: [String: String] = [:]
        for argument in buildArguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return values
    }

    func builder() throws(ImageBuildError) -> ImageBuilder {
        ImageBuilder(
            engine: try ImageEngine.locate(engine), insecureRegistries: Set(insecureRegistries),
            output: quiet ? .discarded : .standardError)
    }

    /// The Dockerfile flow; returns the strict name (or the tag without --push).
    func buildDockerfile() async throws(ImageBuildError) -> String {
        let folder = URL(fileURLWithPath: context)
        let reference = try ImageReference(image ?? "")
        let file = try ImageBuilder.dockerfile(for: folder, given: dockerfile.map { URL(fileURLWithPath: $0) })
        // Every component file is read and checked before anything is built.
        let files = try componentFiles.map { (path: String) throws(ImageBuildError) in try ComponentImageFile(contentsOf: URL(fileURLWithPath: path)) }
        let builder = try builder()
        try await builder.checkEngine()
        try await builder.build(
            context: folder, dockerfile: file, image: reference, buildArguments: builderArguments, network: network, platform: platform)
        guard push else { return reference.description }
        let strict = try await builder.push(reference)
        // Every file is rewritten (and checked) before the first is replaced.
        for file in files { _ = try file.rewritten(image: strict.description) }
        for file in files {
            try file.write(image: strict.description)
            printError("\(file.url.path): image \(file.image) pinned to \(strict)")
        }
        return strict.description
    }

    /// The Python flow; returns the strict name (or the tag without --push).
    func buildPython() async throws(ImageBuildError) -> String {
        let build = try PythonComponentsBuild(folder: URL(fileURLWithPath: context))
        let result = try await build.run(
            with: try builder(), push: push, overwriteDockerfile: overwriteDockerfile, buildArguments: builderArguments,
            network: network, platform: platform)
        for file in result.componentFiles { printError("\(file.path): component spec with image \(result.image)") }
        return result.image
    }
}

extension ImageEngine.Kind: ExpressibleByArgument {}
