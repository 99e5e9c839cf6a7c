import Foundation
import KFPImages
import KFPSpec
import KFPTestSupport
import Testing

/// The Swift API with the other engines: `ImageBuilder.buildAndPush` with buildah and with docker
/// (the private daemon `scripts/containers/dockerd.sh` starts) returns the strict name whose digest
/// the registry holds, and `ComponentImageFile` pins a component to it.
@Suite("ImageBuilder with buildah and docker", .serialized)
struct EngineRoundTripTests {
    static func roundTrip(_ kind: ImageEngine.Kind, base: String, network: String? = nil) async throws {
        let registry = try #require(ContainerEngines.registry)
        let folder = try RegistryRoundTripTests.greeterContext()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = try ImageReference("\(registry)/kfp-test/greeter-\(kind):\(ImageTestSupport.runTag)")
        let lines = LineCollector()
        let builder = ImageBuilder(
            engine: try ImageEngine.locate(kind), insecureRegistries: [registry], output: .lines { lines.append($0) })
        let strict = try await builder.buildAndPush(
            context: folder, image: image, buildArguments: ["BASE": base], network: network)
        #expect(strict.repository == image.repository)
        #expect(strict.digest == (try await ImageTestSupport.registryDigest(image.description)))
        #expect(lines.count > 0)
        let file = try ComponentImageFile(contentsOf: folder.appendingPathComponent("greet.yaml"))
        try file.write(image: strict.description)
        let pinned = try SpecLoader().load(try String(contentsOf: file.url, encoding: .utf8))
        #expect(pinned.v1Component?.implementation.container?.image == strict.description)
        let engine = try ImageEngine.locate(kind)
        _ = try await ImageTestSupport.run(engine.program, kind == .buildah ? ["rmi", image.description] : ["image", "rm", image.description])
    }

    @Test("buildah builds, pushes and gives the registry's digest",
          .enabled(if: ImageTestSupport.registryAndPodman && ContainerEngines.onPath("buildah") != nil))
    func buildah() async throws {
        try await Self.roundTrip(.buildah, base: ImageTestSupport.baseImage)
    }

    @Test("docker builds, pushes and gives the registry's digest",
          .enabled(if: ContainerEngines.registry != nil && ContainerEngines.docker != nil))
    func docker() async throws {
        try await Self.roundTrip(.docker, base: "python:3.11", network: "host")
    }
}

/// Collects the engine's lines from any thread.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var count: Int { lock.withLock { lines.count } }
}
