import Foundation

/// One `docker run` / `podman run` of a task: a pure description and the argv built from it.
///
/// ```swift
/// let invocation = ContainerInvocation(
///     engine: "/usr/bin/docker", image: "alpine", command: ["sh", "-c"], arguments: ["echo hi"],
///     environment: ["ENV1": "val1"], mounts: [ContainerMount(path: "/runs/p/1/echo")],
///     limits: ContainerLimits(cpus: "0.5", memoryBytes: 1_000_000_000), name: "kfp-1-echo-1")
/// invocation.argv()
/// // ["/usr/bin/docker", "run", "--rm", "--name", "kfp-1-echo-1", "--network", "host", "--cpus", "0.5",
/// //  "--memory", "1000000000", "--volume", "/runs/p/1/echo:/runs/p/1/echo",
/// //  "--env", "ENV1=val1", "--entrypoint", "sh", "alpine", "-c", "echo hi"]
/// ```
///
/// The container `command` replaces the image's entrypoint (its first element becomes
/// `--entrypoint`, the rest come after the image), and `args` follow, as on Kubernetes; with no
/// command the image's own entrypoint runs with the arguments. The working directory and the user
/// are the image's unless given (a KFP pod sets neither: `kfp component build` images rely on their
/// `WORKDIR`). Mounts keep their host paths, so the paths in the executor input are valid inside
/// the container. With podman and a non-root user, `--userns=keep-id` maps the user's uid into the
/// container, so files it writes are the user's. Containers share this machine's network
/// (`--network host`), as the task's program would with the subprocess launcher: a task reaches a
/// server on this machine's loopback, and the engine needs no bridge or NAT rules.
public struct ContainerInvocation: Sendable, Hashable {
    /// The engine program (a path or a name): `docker` or `podman`.
    public var engine: String
    /// The executor's image, as the spec names it (the engine pulls it when missing).
    public var image: String
    /// The resolved container `command` (may be empty: the image's entrypoint runs).
    public var command: [String]
    /// The resolved container `args`.
    public var arguments: [String]
    /// Variables set in the container (the spec's `env`, and `HOME` for a non-root user).
    public var environment: [String: String]
    /// The working directory inside the container, or `nil` for the image's `WORKDIR`.
    public var workingDirectory: String?
    /// Host folders and files mounted at the same path.
    public var mounts: [ContainerMount]
    /// `uid:gid` to run as, or `nil` for the image's user.
    public var user: String?
    /// CPU, memory and GPU limits given to the engine.
    public var limits: ContainerLimits
    /// Labels set on the container (the run id and task path, so a run's containers can be found).
    public var labels: [String: String]
    /// The container's name (so a canceled run can remove it), or `nil` for a generated one.
    public var name: String?

    /// A run of `image` by `engine`; see the properties for each part.
    public init(
        engine: String, image: String, command: [String], arguments: [String], environment: [String: String] = [:],
        workingDirectory: String? = nil, mounts: [ContainerMount] = [], user: String? = nil,
        limits: ContainerLimits = ContainerLimits(), labels: [String: String] = [:], name: String? = nil
    ) {
        self.engine = engine
        self.image = image
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.mounts = mounts
        self.user = user
        self.limits = limits
        self.labels = labels
        self.name = name
    }

    /// `true` when the engine is podman (by its program name).
    public var isPodman: Bool {
        URL(fileURLWithPath: engine).lastPathComponent.hasPrefix("podman")
    }

    /// The full argv, engine first. Labels, mounts and variables are sorted by name, so the same
    /// invocation always gives the same argv.
    public func argv() -> [String] {
        var argv = [engine, "run", "--rm"]
        if let name { argv += ["--name", name] }
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { argv += ["--label", "\(key)=\(value)"] }
        if let user {
            argv += ["--user", user]
            if isPodman && !user.hasPrefix("0:") && user != "0" { argv.append("--userns=keep-id") }
        }
        if let workingDirectory { argv += ["--workdir", workingDirectory] }
        argv += ["--network", "host"]
        argv += limits.arguments(podman: isPodman)
        for mount in mounts.sorted(by: { $0.path < $1.path }) {
            argv += ["--volume", "\(mount.path):\(mount.path)" + (mount.readOnly ? ":ro" : "")]
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            argv += ["--env", "\(name)=\(value)"]
        }
        if let entrypoint = command.first { argv += ["--entrypoint", entrypoint] }
        argv.append(image)
        return argv + command.dropFirst() + arguments
    }

    /// Why this invocation cannot be run as is, or `nil`: a mount path with `:` (the engines'
    /// `--volume` separator), or an empty image.
    public var problem: String? {
        if image.isEmpty { return "the executor has no image" }
        if let mount = mounts.first(where: { $0.path.contains(":") }) {
            return "cannot mount \(mount.path) into the container: the path contains ':'"
        }
        return nil
    }

    /// A container name for a task attempt: `kfp-<first 8 of the run id>-<launch>-<task path>-<attempt>`,
    /// with every character a container name does not allow replaced by `-`. `launch` tells apart
    /// two runs under the same id (a resumed run while an earlier container is still being removed).
    public static func containerName(runID: String, launch: String, taskPath: String, attempt: Int) -> String {
        let raw = "kfp-\(runID.prefix(8))-\(launch)-\(taskPath)-\(attempt)"
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
        return String(raw.map { allowed.contains($0) ? $0 : "-" })
    }
}

/// A host folder or file mounted into a container at the same path.
public struct ContainerMount: Sendable, Hashable {
    /// The absolute host path, also the path inside the container.
    public var path: String
    /// Mounted read-only (`:ro`): input artifacts of other tasks.
    public var readOnly: Bool

    /// A same-path mount of `path`, read-write unless `readOnly`.
    public init(path: String, readOnly: Bool = false) {
        self.path = path
        self.readOnly = readOnly
    }
}
