import Foundation
import KFPSpec
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs tasks in their images with the container engine found before the run
/// (``TaskLauncherKind/container(_:)``): the image is made present first (pulled once per run when
/// missing), then the engine's client runs as a child process, like any task program (its output
/// streams into the task's log), and a canceled task's container is removed.
struct ContainerLauncher: Sendable {
    /// The engine program (`docker` or `podman`), found on `PATH` before the run.
    let engine: URL
    let processes: SubprocessLauncher
    let images: ContainerImages
    /// Whether this host has an NVIDIA GPU for the engine to pass on (`/dev/nvidiactl`).
    let hostHasGPU: Bool
    /// Six random hex digits, the same for every container of one run (in their names).
    let launch: String

    init(engine: URL, processes: SubprocessLauncher, environment: [String: String]) {
        self.engine = engine
        self.processes = processes
        images = ContainerImages(engine: engine, environment: environment)
        hostHasGPU = Self.hostHasGPU()
        launch = String(UUID().uuidString.lowercased().prefix(6))
    }

    static func hostHasGPU() -> Bool {
        FileManager.default.fileExists(atPath: "/dev/nvidiactl") || FileManager.default.fileExists(atPath: "/dev/nvidia0")
    }

    var isPodman: Bool { engine.lastPathComponent.hasPrefix("podman") }

    func launch(_ invocation: ContainerInvocation, environment: [String: String], workingDirectory: URL, log: URL) async
        -> SubprocessLauncher.Outcome
    {
        if let problem = invocation.problem { return .couldNotLaunch(problem) }
        if let problem = await images.prepare(invocation.image, log: log) { return .couldNotLaunch(problem) }
        if Task.isCancelled { return .signaled(SIGTERM) }
        let outcome = await processes.launch(
            argv: invocation.argv(), environment: environment, workingDirectory: workingDirectory, log: log)
        if Task.isCancelled, let name = invocation.name {
            // The client was stopped (SIGTERM to the container, then SIGKILL to the client after the
            // grace period); the container may outlive it. Remove it at once, outside the canceled
            // task, with the engine's words kept out of the task's log.
            let argv = [engine.path, "rm", "--force"] + (isPodman ? ["--time", "0"] : []) + [name]
            let scratch = workingDirectory.appendingPathComponent(".engine-rm-\(UUID().uuidString).log")
            await Task.detached {
                _ = await SubprocessLauncher().launch(argv: argv, environment: environment, workingDirectory: workingDirectory, log: scratch)
                try? FileManager.default.removeItem(at: scratch)
            }.value
        }
        return outcome
    }

    /// The host paths a task's container needs, mounted at the same paths: the task folder
    /// (working directory, outputs, artifacts, executor output; read-write), the run's workspace
    /// when it exists (read-write), and every local input artifact (read-only). A path inside
    /// another mount that already gives it the same or more access is left out.
    static func mounts(taskRoot: URL, workspace: URL?, executorInput: ExecutorInput) -> [ContainerMount] {
        let files = FileManager.default
        var wanted = [ContainerMount(path: taskRoot.standardizedFileURL.path)]
        if let workspace, files.fileExists(atPath: workspace.path) {
            wanted.append(ContainerMount(path: workspace.standardizedFileURL.path))
        }
        for list in (executorInput.inputs.artifacts ?? [:]).values {
            for artifact in list.artifacts {
                let path = artifact.customPath ?? LocalPaths.path(forURI: artifact.uri)
                guard path.hasPrefix("/"), files.fileExists(atPath: path) else { continue }
                wanted.append(ContainerMount(path: URL(fileURLWithPath: path).standardizedFileURL.path, readOnly: true))
            }
        }
        var kept: [ContainerMount] = []
        // Outer paths first; read-write before read-only for the same path.
        for mount in wanted.sorted(by: { ($0.path.count, $0.readOnly ? 1 : 0) < ($1.path.count, $1.readOnly ? 1 : 0) }) {
            let covered = kept.contains { outer in
                (mount.path == outer.path || mount.path.hasPrefix(outer.path.hasSuffix("/") ? outer.path : outer.path + "/"))
                    && (!outer.readOnly || mount.readOnly)
            }
            if !covered { kept.append(mount) }
        }
        return kept.sorted { $0.path < $1.path }
    }

    /// The user a task's container runs as: the image's own, except with docker for a user other
    /// than root, where this user's `uid:gid` keeps the files the task writes into the mounted task
    /// folders the user's (rootless podman maps the image's root to this user already).
    func user() -> String? {
        getuid() == 0 || isPodman ? nil : Self.currentUser
    }

    /// The variables set inside the container: the spec's `env`, plus `HOME=/tmp` for a non-root
    /// user when the spec does not set `HOME` (images rarely have a home for an arbitrary uid, and
    /// pip needs a writable one).
    static func environment(for container: ContainerSpec, user: String?) -> [String: String] {
        var environment: [String: String] = [:]
        for variable in container.env ?? [] { environment[variable.name] = variable.value ?? "" }
        if let user, !user.hasPrefix("0:"), user != "0", environment["HOME"] == nil {
            environment["HOME"] = "/tmp"
        }
        return environment
    }

    /// This process's `uid:gid`.
    static var currentUser: String {
        "\(getuid()):\(getgid())"
    }
}
