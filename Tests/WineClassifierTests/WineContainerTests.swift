import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// The wine example's Swift steps in real containers: `wine-classifier image` builds an image
/// holding the program (and the libraries it links) on the tests' Debian base, pushes it to the
/// test registry when there is one (the run then pulls it by its strict name), and `run --launcher
/// podman --image ...` runs every Swift task in it, with the same results as on this machine.
@Suite(
    "Wine classifier in containers",
    .enabled(if: WineProgram.isBuilt && ContainerEngines.podman != nil, "needs wine-classifier and podman with the test images"))
struct WineContainerTests {
    @Test("podman: the Swift steps run in the program's image with the same accuracies (40 and 50 of 53)")
    func podman() async throws {
        let environment = ProcessInfo.processInfo.environment
        let base = try #require(environment["KFP_TEST_PYTHON_IMAGE"])
        let podman = try #require(ContainerEngines.podman)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-wine-podman-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "wine-classifier-\(UUID().uuidString.prefix(8).lowercased())"
        let registry = ContainerEngines.registry
        let tag = registry.map { "\($0)/\(name):test" } ?? "localhost/kfp-test/\(name):test"
        let arguments = ["image", "--tag", tag, "--base", base, "--engine", "podman", "--quiet"]
            + (registry.map { ["--push", "--insecure-registry", $0] } ?? [])
        let (build, run, json) = try await ContainerTestGate.shared.run {
            let build = try await WineProgram.run(arguments)
            let image = build.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let (run, json) = try await WineProgram.runJSON(
                ["--pipeline-root", root.path, "--no-cache", "--launcher", "podman", "--image", image])
            _ = await ContainerEngines.output(podman, ["rmi", "--force", tag])
            return (build, run, json)
        }
        #expect(build.status == 0, "\(build.errors)")
        if let registry {
            #expect(build.output.hasPrefix("\(registry)/\(name)@sha256:"))
        } else {
            #expect(build.output == "\(tag)\n")
        }
        #expect(build.errors.contains("with wine-classifier at /usr/local/bin/wine-classifier and "))
        #expect(run.status == 0, "\(run.errors)\(run.output)")
        #expect(json["launcher"] == "podman")
        #expect(json["state"] == "SUCCEEDED")
        #expect(json["tasks", "split-data", "outputs", "parameters", "testRows"] == 53)
        #expect(json["tasks", "evaluate-classifier", "outputs", "parameters", "accuracy"] == .double(40.0 / 53.0))
        #expect(json["tasks", "evaluate-classifier-2", "outputs", "parameters", "accuracy"] == .double(50.0 / 53.0))
    }
}
