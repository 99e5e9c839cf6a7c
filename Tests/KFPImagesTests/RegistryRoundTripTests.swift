import Foundation
import KFP
import KFPCompiler
import KFPImages
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// The KFP tutorial's containerize flow with our commands, against the test registry: a Dockerfile
/// with RUN and COPY steps is built and pushed by `kfp component build --push`, the printed strict
/// name carries the digest the registry holds (read back with skopeo), a v1 and a v2 component file
/// are pinned to it with nothing else changed, the local image is removed, and a pipeline of both
/// components runs in podman, pulling the image by digest, with exact outputs.
@Suite("kfp component build: Dockerfile, registry, pinned components", .serialized, .enabled(if: ImageTestSupport.registryAndPodman))
struct RegistryRoundTripTests {
    /// The greeter's build context: its program and greeting are copied in, a RUN step stamps it.
    static func greeterContext() throws -> URL {
        let folder = try ImageTestSupport.scratch("greeter")
        let files = [
            "Dockerfile": """
                ARG BASE=python:3.11
                FROM ${BASE}
                WORKDIR /opt/greeter
                COPY greet.sh greeting.txt ./
                RUN chmod 755 greet.sh && echo "built by RUN" > stamp.txt

                """,
            "greet.sh": """
                #!/bin/sh
                # greet.sh NAME OUTPUT_FILE
                mkdir -p "$(dirname "$2")"
                printf '%s, %s! (%s)' "$(cat /opt/greeter/greeting.txt)" "$1" "$(cat /opt/greeter/stamp.txt)" > "$2"

                """,
            "greeting.txt": "Hello\n",
            "greet.yaml": ComponentImageFileTests.v1,
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let shout = try Component.container(
            name: "shout", inputs: [.parameter("text", .string)], outputs: [.parameter("loud", .string)], image: "python:3.11",
            command: ["sh", "-c", "mkdir -p \"$(dirname \"$1\")\"; printf '%s / %s' \"$0\" \"$(cat stamp.txt)\" | tr a-z A-Z > \"$1\""],
            args: ["\(.inputValue("text"))", "\(.outputParameterFile("loud"))"])
        let v2 = "# PIPELINE DEFINITION\n# Name: shout\n" + (try SpecWriter().write(shout.spec))
        try v2.write(to: folder.appendingPathComponent("shout.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("build, push, strict name equal to the registry's digest, files pinned, pipeline pulls by digest")
    func roundTrip() async throws {
        let registry = try #require(ContainerEngines.registry)
        let folder = try Self.greeterContext()
        defer { try? FileManager.default.removeItem(at: folder) }
        let v1 = folder.appendingPathComponent("greet.yaml")
        let v2 = folder.appendingPathComponent("shout.yaml")
        let v1Before = try String(contentsOf: v1, encoding: .utf8)
        let v2Before = try String(contentsOf: v2, encoding: .utf8)
        let image = "\(registry)/kfp-test/greeter:\(ImageTestSupport.runTag)"

        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try await ImageTestSupport.kfp([
            "component", "build", folder.path, "--image", image, "--engine", "podman", "--push", "--component-file", v1.path,
            "--component-file", v2.path, "--build-arg", "BASE=\(ImageTestSupport.baseImage)", "--quiet",
        ])
        print("kfp component build (Dockerfile, build and push): \(clock.now - started)")
        try #require(outcome.status == 0, "\(outcome.errors)")
        let strict = try StrictImageName(try #require(outcome.lastLine))
        let digest = try await ImageTestSupport.registryDigest(image)
        print("kfp component build printed \(strict); the registry holds \(digest)")
        #expect(strict.repository == "\(registry)/kfp-test/greeter")
        #expect(strict.digest == digest)
        #expect(outcome.output == strict.description + "\n")
        #expect(
            outcome.errors
                == "\(v1.path): image python:3.11 pinned to \(strict)\n\(v2.path): image python:3.11 pinned to \(strict)\n")

        // Only the image changed: in the text, and in the parsed components.
        let v1After = try String(contentsOf: v1, encoding: .utf8)
        let v2After = try String(contentsOf: v2, encoding: .utf8)
        #expect(v1After == v1Before.replacingOccurrences(of: "image: python:3.11 ", with: "image: \(strict) "))
        #expect(v2After == v2Before.replacingOccurrences(of: "image: python:3.11", with: "image: \(strict)"))
        #expect(try SpecLoader().load(v1After).document == (try ComponentImageFileTests.v1Document(v1Before, image: strict.description)))
        let shout = try Component(yaml: v2Before)
        #expect(try SpecLoader().load(v2After).document == .pipeline(try shout.withImage(strict).spec))

        // The local copy goes; the run must pull the image by its digest.
        try await ImageTestSupport.podman(["rmi", image])
        #expect(try await ImageTestSupport.podmanHasImage(image) == false)
        #expect(try await ImageTestSupport.podmanHasImage(strict.description) == false)

        let greet = try Component(contentsOf: v1)
        let pinnedShout = try Component(contentsOf: v2)
        let pipeline = try Pipeline("greeter-pinned") { p in
            let name = p.parameter("name", .string, default: "Ada")
            let hello = p.task(greet, ["name": name])
            let loud = p.task(pinnedShout, ["text": hello.outputs["greeting"]])
            p.output("greeting", hello.outputs["greeting"])
            p.output("loud", loud.outputs["loud"])
        }
        let (run, root) = try await ImageTestSupport.runInPodman(pipeline)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.state == .succeeded, "\(run.tasks.mapValues { $0.message ?? "" })")
        #expect(run.launcher == "podman")
        #expect(run.outputs.parameters["greeting"] == .string("Hello, Ada! (built by RUN)"))
        #expect(run.outputs.parameters["loud"] == .string("HELLO, ADA! (BUILT BY RUN) / BUILT BY RUN"))
        let log = try String(
            contentsOf: URL(fileURLWithPath: try #require(run.tasks["greet"]?.taskRoot)).appendingPathComponent("log.txt"),
            encoding: .utf8)
        #expect(log.hasPrefix("pulling image \(strict) with podman\n"), "\(log)")
        #expect(try await ImageTestSupport.podmanHasImage(strict.description))
        try await ImageTestSupport.podman(["rmi", strict.description])
    }
}
