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
/// (``TaskLauncherKind/container(_:)``): the engine's client runs as a child process, like any task
/// program (its output goes to the task's log), and a canceled task's container is removed.
struct ContainerLauncher: Sendable {
    /// The engine program (`docker` or `podman`), found on `PATH` before the run.
    let engine: URL
    let processes: SubprocessLauncher

    func launch(_ invocation: ContainerInvocation, environment: [String: String], workingDirectory: URL, log: URL) async
        -> SubprocessLauncher.Outcome
    {
        if let problem = invocation.problem { return .couldNotLaunch(problem) }
        let outcome = await processes.launch(
            argv: invocation.argv(), environment: environment, workingDirectory: workingDirectory, log: log)
        if Task.isCancelled, let name = invocation.name {
            // The client was stopped; the container may outlive it. Remove it (outside the canceled task).
            let argv = [engine.path, "rm", "--force", name]
            await Task.detached {
                _ = await SubprocessLauncher().launch(argv: argv, environment: environment, workingDirectory: workingDirectory, log: log)
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
