import Foundation
import KFPLocal
import KFPSpec
import Testing

/// The container launcher's pure parts: the `docker run` / `podman run` argv, container names,
/// and finding the engine on `PATH` (with the error when there is none).
@Suite("Container launcher: argv and engine lookup")
struct ContainerInvocationTests {
    static let sample = ContainerInvocation(
        engine: "/usr/bin/docker", image: "python:3.11", command: ["sh", "-c"],
        arguments: [#"printf %s "$0" > "$1""#, "hi there", "/runs/p/r/write/outputs/out"],
        environment: ["ENV2": "b", "ENV1": "a=1"], workingDirectory: "/runs/p/r/write",
        mounts: [ContainerMount(path: "/runs/p/r/read/artifacts/data", readOnly: true), ContainerMount(path: "/runs/p/r/write")],
        user: "1000:1000", limits: ContainerLimits(cpus: "0.5", memoryBytes: 536_870_912, gpus: 2),
        labels: ["io.swift-kfp.task": "write", "io.swift-kfp.run-id": "0c0c0c0c"], name: "kfp-0c0c0c0c-write-0")

    @Test("docker: --rm, name, labels, user, workdir, limits, mounts by path, env by name, command as entrypoint, then image and the rest")
    func dockerArgv() {
        #expect(Self.sample.argv() == [
            "/usr/bin/docker", "run", "--rm", "--name", "kfp-0c0c0c0c-write-0",
            "--label", "io.swift-kfp.run-id=0c0c0c0c", "--label", "io.swift-kfp.task=write", "--user", "1000:1000",
            "--workdir", "/runs/p/r/write", "--network", "host", "--cpus", "0.5", "--memory", "536870912", "--gpus", "2",
            "--volume", "/runs/p/r/read/artifacts/data:/runs/p/r/read/artifacts/data:ro",
            "--volume", "/runs/p/r/write:/runs/p/r/write",
            "--env", "ENV1=a=1", "--env", "ENV2=b",
            "--entrypoint", "sh", "python:3.11", "-c", #"printf %s "$0" > "$1""#, "hi there", "/runs/p/r/write/outputs/out",
        ])
        #expect(Self.sample.problem == nil)
    }

    @Test("podman with a non-root user keeps the user's uid (--userns=keep-id); as root it does not")
    func podmanUser() {
        var invocation = Self.sample
        invocation.engine = "/usr/local/bin/podman"
        invocation.labels = [:]
        #expect(Array(invocation.argv().prefix(8)) == [
            "/usr/local/bin/podman", "run", "--rm", "--name", "kfp-0c0c0c0c-write-0", "--user", "1000:1000", "--userns=keep-id",
        ])
        // podman gives GPUs as the CDI device.
        #expect(invocation.argv().joined(separator: " ").contains("--memory 536870912 --device nvidia.com/gpu=all --volume"))
        invocation.user = "0:0"
        #expect(!invocation.argv().contains("--userns=keep-id"))
        invocation.engine = "/usr/bin/docker"
        invocation.user = "1000:1000"
        #expect(!invocation.argv().contains("--userns=keep-id"))
    }

    @Test("no command: the image's entrypoint runs with the arguments; no name, user, workdir or limits when not given")
    func argsOnly() {
        let invocation = ContainerInvocation(
            engine: "docker", image: "gcr.io/image", command: [], arguments: ["io-upstream", "3.1415926"],
            mounts: [ContainerMount(path: "/w")])
        #expect(invocation.argv() == [
            "docker", "run", "--rm", "--network", "host", "--volume", "/w:/w", "gcr.io/image", "io-upstream", "3.1415926",
        ])
    }

    @Test("a mount path with ':' or an empty image is refused with the reason")
    func problems() {
        var invocation = Self.sample
        invocation.mounts.append(ContainerMount(path: "/data/a:b"))
        #expect(invocation.problem == "cannot mount /data/a:b into the container: the path contains ':'")
        invocation = Self.sample
        invocation.image = ""
        #expect(invocation.problem == "the executor has no image")
    }

    @Test("container names: kfp-<run id prefix>-<launch>-<task path>-<attempt>, other characters replaced")
    func names() {
        #expect(ContainerInvocation.containerName(runID: "0c0c0c0c-1111", launch: "a1b2c3", taskPath: "for-loop-2/0/double", attempt: 1)
            == "kfp-0c0c0c0c-a1b2c3-for-loop-2-0-double-1")
        #expect(ContainerInvocation.containerName(runID: "abc", launch: "a1b2c3", taskPath: "ünï task", attempt: 0)
            == "kfp-abc-a1b2c3--n--task-0")
    }

    @Test("no engine on PATH: the error names the programs looked for and every folder searched")
    func engineAbsent() throws {
        let folder = try Self.folder(with: [])
        defer { try? FileManager.default.removeItem(at: folder) }
        let searchPath = folder.path + ":/nonexistent/bin"
        let absent = #expect(throws: LocalRunError.self) {
            try ContainerEngine.automatic.locate(searchPath: searchPath)
        }
        #expect(absent?.message == "the container launcher needs docker or podman, but none of 'docker', 'podman' was found"
            + " (searched PATH: \(searchPath)); install one, or use the subprocess launcher")
        let empty = #expect(throws: LocalRunError.self) {
            try ContainerEngine.docker.locate(searchPath: "")
        }
        #expect(empty?.message == "the container launcher needs docker, but 'docker' was not found"
            + " (PATH is empty); install one, or use the subprocess launcher")
    }

    @Test("docker is preferred to podman; podman is found when docker is absent; non-executables are skipped")
    func enginePreference() throws {
        let both = try Self.folder(with: ["docker", "podman"])
        let podmanOnly = try Self.folder(with: ["podman"])
        let notExecutable = try Self.folder(with: [])
        defer { for folder in [both, podmanOnly, notExecutable] { try? FileManager.default.removeItem(at: folder) } }
        try Data("#!/bin/sh\n".utf8).write(to: notExecutable.appendingPathComponent("docker"))
        #expect(try ContainerEngine.automatic.locate(searchPath: both.path).path == both.path + "/docker")
        #expect(try ContainerEngine.automatic.locate(searchPath: "\(notExecutable.path):\(podmanOnly.path)").path
            == podmanOnly.path + "/podman")
        #expect(try ContainerEngine.podman.locate(searchPath: both.path).path == both.path + "/podman")
        let explicit = both.path + "/podman"
        #expect(try ContainerEngine(candidates: [explicit]).locate(searchPath: nil).path == explicit)
    }

    /// A fresh folder holding an executable `sh` script for each name.
    static func folder(with programs: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-engines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in programs {
            let file = folder.appendingPathComponent(name)
            try Data("#!/bin/sh\nexit 0\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return folder
    }
}
