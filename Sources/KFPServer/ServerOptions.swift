public import Foundation
public import KFPLocal

/// How `kfp server` listens, where it keeps its data and how much it runs at once.
///
/// Follows the flags of `kfp server`: `--host`, `--port`, `--data`, `--max-parallel-runs`,
/// `--token`, plus the size limits the server enforces on requests.
public struct ServerOptions: Sendable {
    /// The address to bind; loopback by default so nothing is exposed without asking.
    public var host: String
    /// The TCP port; 0 picks a free port (the bound port is reported once listening).
    public var port: Int
    /// The folder holding the SQLite database (`kfp.sqlite`), pipeline roots, artifacts and logs.
    public var dataFolder: URL
    /// How many runs execute at the same time; further runs wait in state `PENDING`.
    public var maxParallelRuns: Int
    /// When set, every request must carry `Authorization: Bearer <token>` (else HTTP 401).
    public var token: String?
    /// The largest accepted upload (a multipart pipeline package), in bytes; larger gets HTTP 413.
    public var maxUploadBytes: Int
    /// The largest accepted run parameter value (its compact JSON), in bytes; larger gets HTTP 400
    /// naming the parameter.
    public var maxParameterBytes: Int
    /// How many tasks of one run execute at the same time (the runner's `--max-parallel`).
    public var maxParallelTasks: Int
    /// How runs start their container tasks (the runner's `--launcher`): on this machine by
    /// default, in their images with podman or docker, or as jobs of a batch scheduler
    /// (`TaskLauncherKind.remote(_:)`, the Slurm launcher).
    public var launcher: TaskLauncherKind

    public init(
        host: String = "127.0.0.1", port: Int = 8888, dataFolder: URL, maxParallelRuns: Int = 4,
        token: String? = nil, maxUploadBytes: Int = 32 << 20, maxParameterBytes: Int = 1 << 20,
        maxParallelTasks: Int = ProcessInfo.processInfo.activeProcessorCount, launcher: TaskLauncherKind = .subprocess
    ) {
        self.launcher = launcher
        self.host = host
        self.port = port
        self.dataFolder = dataFolder
        self.maxParallelRuns = maxParallelRuns
        self.token = token
        self.maxUploadBytes = maxUploadBytes
        self.maxParameterBytes = maxParameterBytes
        self.maxParallelTasks = maxParallelTasks
    }
}
