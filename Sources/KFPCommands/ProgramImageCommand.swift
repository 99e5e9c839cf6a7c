import ArgumentParser
import Foundation
import KFP
import KFPImages

/// `image --tag REPO[:TAG] [--base IMAGE] [--engine E] [--push] [--insecure-registry H]...`:
/// builds an image holding this program (its Swift components' steps) and prints the image to
/// give `compile`/`run` as `--image`: the strict name `REPO@sha256:HEX` the registry answered with
/// `--push`, else the local tag.
struct ProgramImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Build an image holding this program, for its Swift components' tasks (then: run/compile --image).")

    @Option(help: ArgumentHelp("The image to build.", valueName: "REPO[:TAG]"))
    var tag: String

    @Option(help: "The base image (a C library as new as this machine's).")
    var base = ComponentConfiguration.defaultImage

    @Option(help: "The engine that builds (and pushes): podman, docker or buildah (default: the first found of docker, podman, buildah).")
    var engine: String?

    @Flag(help: "Push the image and print its strict name REPO@sha256:HEX.")
    var push = false

    @Option(name: .customLong("insecure-registry"), help: ArgumentHelp("A registry pushed to without TLS verification (repeatable).", valueName: "HOST[:PORT]"))
    var insecureRegistries: [String] = []

    @Flag(help: "Do not show the engine's progress.")
    var quiet = false

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-program-image-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let kind = try engine.map { name throws(ImageBuildError) -> ImageEngine.Kind in
                guard let kind = ImageEngine.Kind(rawValue: name) else {
                    throw ImageBuildError(.invalidInput, "--engine must be podman, docker or buildah, found '\(name)'")
                }
                return kind
            }
            let reference = try ImageReference(tag)
            let builder = ImageBuilder(
                engine: try ImageEngine.locate(kind), insecureRegistries: Set(insecureRegistries),
                output: quiet ? .discarded : .standardError)
            let program = URL(fileURLWithPath: SwiftComponentEntry.currentProgramPath)
            let context = try await ProgramImageContext.make(program: program, base: base, in: folder)
            try await builder.checkEngine()
            try await builder.build(context: context.folder, image: reference)
            let image = push ? try await builder.push(reference).description : reference.description
            printError("built \(reference) with \(program.lastPathComponent) at \(context.programPath) and \(context.libraries.count) libraries on \(base)")
            print(image)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
