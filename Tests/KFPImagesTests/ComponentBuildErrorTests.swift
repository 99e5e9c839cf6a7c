import Foundation
import KFPImages
import KFPTestSupport
import Testing

/// Every bad input of `kfp component build`: one line on standard error naming what failed, a
/// non-zero exit, nothing on standard output, and the component file as it was.
@Suite("kfp component build: bad input", .serialized, .enabled(if: ImageTestSupport.kfp != nil))
struct ComponentBuildErrorTests {
    /// A context with a Dockerfile running `run` and a component file to pin.
    static func context(dockerfile: String?) throws -> (folder: URL, component: URL) {
        let folder = try ImageTestSupport.scratch("bad-input")
        if let dockerfile {
            try dockerfile.write(to: folder.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        }
        let component = folder.appendingPathComponent("component.yaml")
        try ComponentImageFileTests.v1.write(to: component, atomically: true, encoding: .utf8)
        return (folder, component)
    }

    static let okDockerfile = "ARG BASE=python:3.11\nFROM ${BASE}\nRUN echo ok > /ok.txt\n"

    /// Runs the command and checks the one error line, the exit status and the untouched component file.
    static func expectFailure(
        _ arguments: [String], in context: (folder: URL, component: URL), status: Int32, message: String,
        environment: [String: String?] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let outcome = try await ImageTestSupport.kfp(
            ["component", "build", context.folder.path] + arguments + ["--quiet"], environment: environment)
        #expect(outcome.status == status, sourceLocation: sourceLocation)
        #expect(outcome.output == "", sourceLocation: sourceLocation)
        #expect(outcome.errors == "error: \(message)\n", sourceLocation: sourceLocation)
        #expect(
            try String(contentsOf: context.component, encoding: .utf8) == ComponentImageFileTests.v1, "component file changed",
            sourceLocation: sourceLocation)
    }

    @Test("no Dockerfile in the context, or a --dockerfile that does not exist")
    func noDockerfile() async throws {
        let context = try Self.context(dockerfile: nil)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1", "--engine", "podman", "--push", "--component-file", context.component.path],
            in: context, status: 2,
            message: "no Dockerfile in build context \(context.folder.path) (looked for Dockerfile and Containerfile); give one with --dockerfile")
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1", "--dockerfile", "/nonexistent/Dockerfile"], in: context, status: 2,
            message: "Dockerfile /nonexistent/Dockerfile does not exist")
    }

    @Test("an image name that is not REPO[:TAG], and a component file that is a graph")
    func badNames() async throws {
        let context = try Self.context(dockerfile: Self.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        try await Self.expectFailure(
            ["--image", "Kfp-Test/x:v1"], in: context, status: 2,
            message: "image 'Kfp-Test/x:v1' is not a valid REPO[:TAG]: path part 'Kfp-Test' must be lower-case letters and digits joined by '.', '_' or '-'")
        let graph = context.folder.appendingPathComponent("graph.yaml")
        try "name: g\nimplementation:\n  graph:\n    tasks: {}\n".write(to: graph, atomically: true, encoding: .utf8)
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1", "--push", "--component-file", context.component.path, "--component-file", graph.path],
            in: context, status: 2, message: "component file \(graph.path) is a v1 graph component; it runs no image of its own")
    }

    @Test("an engine that is not installed")
    func engineMissing() async throws {
        let context = try Self.context(dockerfile: Self.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        let empty = try ImageTestSupport.scratch("empty-path")
        defer { try? FileManager.default.removeItem(at: empty) }
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1", "--engine", "buildah", "--push", "--component-file", context.component.path],
            in: context, status: 1,
            message: "the image engine 'buildah' was not found (searched PATH: \(empty.path)); install it or choose another with --engine",
            environment: ["PATH": empty.path])
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1"], in: context, status: 1,
            message: "no image engine was found (looked for 'docker', 'podman' and 'buildah'; searched PATH: \(empty.path)); install one or choose one with --engine",
            environment: ["PATH": empty.path])
    }

    @Test("a docker whose daemon is not running", .enabled(if: ContainerEngines.onPath("docker") != nil))
    func engineStopped() async throws {
        let context = try Self.context(dockerfile: Self.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        let docker = try #require(ContainerEngines.onPath("docker"))
        try await Self.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/x:v1", "--engine", "docker", "--push", "--component-file", context.component.path],
            in: context, status: 1,
            message: "docker at \(docker.path) cannot build images: 'docker version' failed (exit status 1): Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?; start the docker daemon or point DOCKER_HOST at one",
            environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
    }
}

/// The failures that need podman: a build that fails, an unreachable registry, a refused push.
@Suite("kfp component build: bad input with podman", .serialized, .enabled(if: ImageTestSupport.kfp != nil && ContainerEngines.podman != nil))
struct ComponentBuildPodmanErrorTests {
    @Test("a build that fails names the step with the engine's last line")
    func buildFails() async throws {
        let context = try ComponentBuildErrorTests.context(dockerfile: "ARG BASE=python:3.11\nFROM ${BASE}\nRUN echo building && exit 3\n")
        defer { try? FileManager.default.removeItem(at: context.folder) }
        try await ComponentBuildErrorTests.expectFailure(
            ["--image", "127.0.0.1:5000/kfp-test/fails:v1", "--engine", "podman", "--push", "--component-file", context.component.path,
             "--build-arg", "BASE=\(ImageTestSupport.baseImage)"],
            in: context, status: 1,
            message: "podman could not build '127.0.0.1:5000/kfp-test/fails:v1' from \(context.folder.path) (exit status 3): building at STEP \"RUN echo building && exit 3\": while running runtime: exit status 3")
    }

    @Test("a registry that nothing answers on")
    func unreachable() async throws {
        let context = try ComponentBuildErrorTests.context(dockerfile: ComponentBuildErrorTests.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        let image = "127.0.0.1:9/kfp-test/unreachable:v1"
        try await ComponentBuildErrorTests.expectFailure(
            ["--image", image, "--engine", "podman", "--push", "--component-file", context.component.path,
             "--build-arg", "BASE=\(ImageTestSupport.baseImage)"],
            in: context, status: 1,
            message: "registry 127.0.0.1:9 is unreachable for the push of '\(image)' by podman: dial tcp 127.0.0.1:9: connect: connection refused")
        _ = try? await ImageTestSupport.podman(["rmi", image])
    }

    /// Runs `body` with a registry of its own on a random port (read-only when asked), stopped after.
    static func withRegistry(readOnly: Bool = false, _ body: (String) async throws -> Void) async throws {
        let folder = try ImageTestSupport.scratch("own-registry")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/containers/registry.sh")
        let address = "127.0.0.1:\(Int.random(in: 20000..<30000))"
        let started = try await ImageTestSupport.run(script, ["start", folder.path, address] + (readOnly ? ["read-only"] : []))
        try #require(started.status == 0, "\(started.errors)")
        do {
            try await body(address)
        } catch {
            Issue.record(error)
        }
        _ = try await ImageTestSupport.run(script, ["stop", folder.path])
    }

    @Test("a registry that refuses the push (read-only)", .enabled(if: ContainerEngines.onPath("docker-registry") != nil))
    func refused() async throws {
        let context = try ComponentBuildErrorTests.context(dockerfile: ComponentBuildErrorTests.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        try await Self.withRegistry(readOnly: true) { address in
            let image = "\(address)/kfp-test/refused:v1"
            try await ComponentBuildErrorTests.expectFailure(
                ["--image", image, "--engine", "podman", "--push", "--component-file", context.component.path,
                 "--insecure-registry", address, "--build-arg", "BASE=\(ImageTestSupport.baseImage)"],
                in: context, status: 1,
                message: "registry \(address) refused the push of '\(image)' by podman: StatusCode: 405, Method not allowed")
            _ = try? await ImageTestSupport.podman(["rmi", image])
        }
    }

    @Test("a plain-HTTP registry is pushed to only when marked insecure", .enabled(if: ContainerEngines.onPath("docker-registry") != nil))
    func insecureOnlyWhenMarked() async throws {
        let context = try ComponentBuildErrorTests.context(dockerfile: ComponentBuildErrorTests.okDockerfile)
        defer { try? FileManager.default.removeItem(at: context.folder) }
        try await Self.withRegistry { address in
            let image = "\(address)/kfp-test/plain:v1"
            let arguments = ["--image", image, "--engine", "podman", "--push", "--build-arg", "BASE=\(ImageTestSupport.baseImage)"]
            try await ComponentBuildErrorTests.expectFailure(
                arguments, in: context, status: 1,
                message: "registry \(address) is unreachable for the push of '\(image)' by podman: http: server gave HTTP response to HTTPS client; it serves plain HTTP: mark it insecure with --insecure-registry \(address)")
            let marked = try await ImageTestSupport.kfp(["component", "build", context.folder.path] + arguments + ["--insecure-registry", address, "--quiet"])
            #expect(marked.status == 0, "\(marked.errors)")
            #expect(try StrictImageName(try #require(marked.lastLine)).digest == (try await ImageTestSupport.registryDigest(image)))
            _ = try? await ImageTestSupport.podman(["rmi", image])
        }
    }
}
