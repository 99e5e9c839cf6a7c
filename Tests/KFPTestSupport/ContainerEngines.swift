import Foundation

/// The real container engines the tests may use, as `scripts/test.sh` prepares them
/// (`scripts/containers/setup.sh` for podman with the test images, `dockerd.sh` for a private
/// Docker daemon, `registry.sh` for an image registry). Each is `nil`, with a printed notice, when it
/// is not set up here.
public enum ContainerEngines {
    /// `podman` with the tests' private configuration (`CONTAINERS_CONF`) and images
    /// (`KFP_TEST_PYTHON_IMAGE`), or `nil`.
    public static let podman: URL? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CONTAINERS_CONF"] != nil, environment["KFP_TEST_PYTHON_IMAGE"] != nil,
            let program = onPath("podman")
        else {
            print("notice: podman with the test images is not set up (run scripts/test.sh as root); podman tests are skipped")
            return nil
        }
        return program
    }()

    /// `docker` with `DOCKER_HOST` pointing at the daemon `scripts/containers/dockerd.sh` started, or `nil`.
    public static let docker: URL? = {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["DOCKER_HOST"], host.hasPrefix("unix://"), environment["KFP_TEST_DOCKER"] == "1",
            let program = onPath("docker")
        else {
            print("notice: no test Docker daemon (scripts/test.sh starts one as root); docker tests are skipped")
            return nil
        }
        return program
    }()

    /// The private image registry `scripts/containers/registry.sh` started (`KFP_TEST_REGISTRY`,
    /// `127.0.0.1:5000`), or `nil`.
    public static let registry: String? = {
        guard let address = ProcessInfo.processInfo.environment["KFP_TEST_REGISTRY"], !address.isEmpty else {
            print("notice: no test image registry (scripts/test.sh starts one as root); registry tests are skipped")
            return nil
        }
        return address
    }()

    /// The path of `program` on this process's `PATH`, or `nil`.
    public static func onPath(_ program: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { URL(fileURLWithPath: "\($0)/\(program)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `engine` with `arguments` and returns its standard output (trimmed), or `nil` when it failed.
    public static func output(_ engine: URL, _ arguments: [String]) async -> String? {
        let process = Process()
        process.executableURL = engine
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = await Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
