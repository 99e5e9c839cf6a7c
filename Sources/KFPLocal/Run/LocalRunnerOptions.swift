import Foundation

/// How a ``LocalRunner`` runs pipelines.
public struct LocalRunnerOptions: Sendable {
    /// Where runs write their task folders and the cache: `<root>/<pipeline>/<run id>/...`.
    public var pipelineRoot: URL
    /// How many task programs may run at once (default: the number of cores).
    public var maxParallel: Int
    /// Whether cache lookups and writes happen (tasks must also enable caching in the spec).
    public var cachingEnabled: Bool
    /// Where managed Python virtual environments live (one per requirement set).
    public var pythonEnvironmentsRoot: URL
    /// The Python interpreter used to create virtual environments (`python3` on PATH by default).
    public var basePython: String
    /// Run lightweight Python tasks through a warm interpreter per environment that forks one
    /// process per task (same arguments, environment, folder and files; no interpreter start-up).
    public var warmPython: Bool
    /// How container executors run: ``TaskLauncherKind/subprocess`` on this machine (the default),
    /// or ``TaskLauncherKind/container(_:)`` in their images with docker or podman.
    public var launcher: TaskLauncherKind
    /// Receives one event per task state change, for progress lines.
    public var onEvent: @Sendable (TaskEvent) -> Void
    /// Variables set, over this process's own environment, for every program a run starts on this
    /// machine (and so for what those programs start): `kfp server` marks its tasks' processes
    /// with its data folder this way, to find the ones a killed server left behind. Empty by default.
    public var taskEnvironment: [String: String] = [:]

    public init(
        pipelineRoot: URL = LocalRunnerOptions.defaultPipelineRoot,
        maxParallel: Int = ProcessInfo.processInfo.activeProcessorCount,
        cachingEnabled: Bool = true,
        pythonEnvironmentsRoot: URL = LocalRunnerOptions.defaultCacheFolder.appendingPathComponent("python"),
        basePython: String = "python3",
        warmPython: Bool = true,
        launcher: TaskLauncherKind = .subprocess,
        onEvent: @escaping @Sendable (TaskEvent) -> Void = { _ in }
    ) {
        self.pipelineRoot = pipelineRoot
        self.maxParallel = maxParallel
        self.cachingEnabled = cachingEnabled
        self.pythonEnvironmentsRoot = pythonEnvironmentsRoot
        self.basePython = basePython
        self.warmPython = warmPython
        self.launcher = launcher
        self.onEvent = onEvent
    }

    /// `$XDG_CACHE_HOME/swift-kfp` or `~/.cache/swift-kfp`.
    public static var defaultCacheFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("swift-kfp")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/swift-kfp")
    }

    /// `<cache folder>/pipeline-root`.
    public static var defaultPipelineRoot: URL {
        defaultCacheFolder.appendingPathComponent("pipeline-root")
    }
}

/// A task state change, reported while a run goes on.
public struct TaskEvent: Sendable {
    /// The task path (`train`, `for-loop-2/0/train`).
    public var taskPath: String
    public var state: TaskState
    /// Seconds since the task started (0 when it starts).
    public var duration: Double
    public var cached: Bool
    public var message: String?
    /// The task's outputs, in the event that ends it (empty before).
    public var outputs: TaskOutputs = TaskOutputs()
    /// The task's folder (executor input and output, `log.txt`), in the event that ends a task that ran.
    public var taskRoot: String?
    /// With a remote launcher, in the event that ends a task that ran: the node of its last attempt.
    public var node: String?
    /// With a remote launcher, in the event that ends a task that ran: the scheduler's job id.
    public var jobID: String?
}

/// How a ``LocalRunner`` starts the programs of container executors (``LocalRunnerOptions/launcher``).
///
/// ```swift
/// var options = LocalRunnerOptions()
/// options.launcher = .container(.docker)        // docker run <image> ...
/// options.launcher = .container(.automatic)     // docker, else podman (one must answer)
/// options.launcher = .auto                       // an engine that answers, else subprocess
/// options.launcher = .remote(slurm)              // as jobs of a batch scheduler (KFPSlurm)
/// ```
public enum TaskLauncherKind: Sendable, Hashable, CustomStringConvertible {
    /// As a child process of this one (the default): the command runs on this machine, the image is
    /// noted, not pulled; lightweight Python components run in managed virtual environments.
    case subprocess
    /// In the executor's image, with `docker run` or `podman run`: the command and arguments are
    /// resolved as for a subprocess, the task's folders are mounted at the same paths, the spec's
    /// environment variables are passed, and the program runs with this user's uid and gid.
    /// Lightweight Python components run their whole command (pip prelude included) in the image.
    case container(ContainerEngine)
    /// docker when its daemon answers, else podman when it answers, else ``subprocess``; the run
    /// records which it chose and why (``LocalRun/launcher``).
    case auto
    /// Elsewhere, as jobs of a batch scheduler on its nodes (``RemoteTaskLauncher``): the command is
    /// resolved as for a subprocess and a lightweight Python component's managed environment is
    /// made here, in a folder the nodes see; the pipeline root must be shared with the nodes.
    case remote(any RemoteTaskLauncher)

    /// `subprocess`, `container (docker or podman)`, `auto` or the remote launcher's name.
    public var description: String {
        switch self {
        case .subprocess: return "subprocess"
        case .container(let engine): return "container (\(engine))"
        case .auto: return "auto"
        case .remote(let launcher): return launcher.name
        }
    }

    /// Remote launchers are equal when their names are.
    public static func == (lhs: TaskLauncherKind, rhs: TaskLauncherKind) -> Bool {
        switch (lhs, rhs) {
        case (.subprocess, .subprocess), (.auto, .auto): return true
        case (.container(let a), .container(let b)): return a == b
        case (.remote(let a), .remote(let b)): return a.name == b.name
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .subprocess: hasher.combine(0)
        case .container(let engine): hasher.combine(1); hasher.combine(engine)
        case .auto: hasher.combine(2)
        case .remote(let launcher): hasher.combine(3); hasher.combine(launcher.name)
        }
    }
}
