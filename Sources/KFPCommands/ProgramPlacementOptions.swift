import ArgumentParser
import Foundation
import KFP
import KFPSpec

/// `--image IMAGE [--program-path PATH]`: where the tasks of this program's Swift components run
/// it. Without `--image` they run the program at its path on this machine (in
/// ``ComponentConfiguration/defaultImage``, which only a subprocess launcher can use).
struct ProgramPlacementOptions: ParsableArguments {
    @Option(help: "The image holding this program, for its Swift components' tasks (from 'image build'; a strict name REPO@sha256:... is best).")
    var image: String?

    @Option(name: .customLong("program-path"), help: "The program's path in --image (default: /usr/local/bin/<program name>).")
    var programPath: String?

    func validate() throws {
        if let image, image.isEmpty || image.contains(where: \.isWhitespace) {
            throw ValidationError("--image must be an image reference, found '\(image)'")
        }
        if let programPath, !programPath.hasPrefix("/") {
            throw ValidationError("--program-path must be absolute, found '\(programPath)'")
        }
    }

    /// The program's path in an image by default: `/usr/local/bin/<its file name>`.
    static func defaultProgramPath(for localPath: String) -> String {
        "/usr/local/bin/" + URL(fileURLWithPath: localPath).lastPathComponent
    }

    /// `spec` with every executor that runs this program's `execute` command moved into `--image`.
    func place(_ spec: PipelineSpec) -> PipelineSpec {
        guard let image else { return spec }
        let localPath = SwiftComponentEntry.currentProgramPath
        let inImage = programPath ?? Self.defaultProgramPath(for: localPath)
        var placed = spec
        for (label, executor) in spec.deploymentSpec?.executors ?? [:] {
            guard var container = executor.container, container.command == [localPath, SwiftComponentEntry.command] else { continue }
            container.image = image
            container.command = [inImage, SwiftComponentEntry.command]
            placed.deploymentSpec?.executors?[label]?.container = container
        }
        return placed
    }
}
