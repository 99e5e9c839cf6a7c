import Foundation

/// The container engine a ``TaskLauncherKind/container(_:)`` launcher uses: the first of its
/// candidates found, each a program name looked up on `PATH` or a path. ``locate(searchPath:)``
/// finds it and the runner checks that it can run containers before a run starts, so a run asked
/// to use containers fails up front with a clear reason.
public struct ContainerEngine: Sendable, Hashable, CustomStringConvertible {
    /// Program names (looked up on `PATH`) or paths, tried in order.
    public var candidates: [String]

    /// An engine found as the first of `candidates` (names on `PATH`, or paths) that exists.
    public init(candidates: [String]) {
        self.candidates = candidates
    }

    /// `docker` on `PATH`.
    public static let docker = ContainerEngine(candidates: ["docker"])
    /// `podman` on `PATH`.
    public static let podman = ContainerEngine(candidates: ["podman"])
    /// `docker` on `PATH`, else `podman`.
    public static let automatic = ContainerEngine(candidates: ["docker", "podman"])

    /// The candidates joined with "or" (`docker or podman`).
    public var description: String { candidates.joined(separator: " or ") }
}

extension ContainerEngine {
    /// The first candidate that is an executable file: a candidate with a `/` is taken
    /// as a path; a name is looked up in each folder of `searchPath` (a `PATH` value), in order.
    ///
    /// - Throws: ``LocalRunError`` naming every candidate and every folder searched.
    public func locate(searchPath: String?) throws(LocalRunError) -> URL {
        let folders = (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        let files = FileManager.default
        for candidate in candidates where !candidate.isEmpty {
            if candidate.contains("/") {
                if files.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
                continue
            }
            for folder in folders {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(candidate).path
                var isFolder: ObjCBool = false
                if files.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                    files.isExecutableFile(atPath: path)
                {
                    return URL(fileURLWithPath: path)
                }
            }
        }
        throw LocalRunError(notFoundMessage(folders: folders))
    }

    func notFoundMessage(folders: [String]) -> String {
        let names = candidates.map { "'\($0)'" }
        let what = names.count == 1 ? "\(names.joined()) was not found" : "none of \(names.joined(separator: ", ")) was found"
        let searched = folders.isEmpty ? "PATH is empty" : "searched PATH: \(folders.joined(separator: ":"))"
        let needs = candidates.joined(separator: " or ")
        return "the container launcher needs \(needs), but \(what) (\(searched)); install one, or use the subprocess launcher"
    }

    /// Checks that the engine can run containers, at most `timeout` seconds: `docker version`
    /// needs the daemon; `podman version` reads podman's configuration (containers.conf,
    /// storage.conf) and fails on a broken one. The default `timeout` is long: podman waits for its
    /// storage lock, which an image build or many starting containers can hold for tens of seconds.
    ///
    /// - Throws: ``LocalRunError`` with the engine's own last lines and what to do when it cannot.
    static func probe(_ engine: URL, environment: [String: String], timeout: Double = 120) async throws(LocalRunError) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-engine-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LocalRunError("cannot create \(folder.path) to check \(engine.path): \(error.localizedDescription)")
        }
        let log = folder.appendingPathComponent("probe.log")
        let name = engine.lastPathComponent
        let podman = name.hasPrefix("podman")
        let argv = [engine.path, "version"]
        let check = "'\(name) \(argv[1])'"
        let help = podman
            ? "check podman's configuration (containers.conf, storage.conf; CONTAINERS_CONF and CONTAINERS_STORAGE_CONF) with 'podman info', or use --launcher subprocess"
            : "start the engine's daemon (dockerd) or point DOCKER_HOST at it, or use --launcher subprocess"
        let outcome = await withTaskGroup(of: SubprocessLauncher.Outcome?.self) { group in
            group.addTask {
                await SubprocessLauncher().launch(argv: argv, environment: environment, workingDirectory: folder, log: log)
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                // A busy process may wake this timer and the finished probe at the same moment:
                // a short grace lets a probe that already answered be taken first.
                try? await Task.sleep(nanoseconds: 2_000_000_000)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let tail = LogTail.lines(of: log)
        switch outcome {
        case .exited(0)?:
            return
        case .exited(let code)?:
            throw LocalRunError("\(engine.path) cannot run containers: \(check) exited with status \(code); \(help):\n\(tail)")
        case .signaled(let signal)?:
            throw LocalRunError("\(engine.path) cannot run containers: \(check) was stopped by signal \(signal); \(help)")
        case .couldNotLaunch(let reason)?:
            throw LocalRunError("\(engine.path) cannot run containers: \(reason); \(help)")
        case nil where Task.isCancelled:
            throw LocalRunError("the run was canceled while \(check) was checking the engine")
        case nil:
            throw LocalRunError("\(engine.path) cannot run containers: \(check) did not answer within \(Int(timeout)) s; \(help)")
        }
    }
}
