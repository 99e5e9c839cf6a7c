import Foundation

/// What the launcher asks of slurmrestd, whatever its REST version: one implementation per
/// version (``SlurmAPIv0038`` for Slurm 22.05's `openapi/v0.0.38`), since paths and shapes
/// change with the Slurm release.
protocol SlurmAPI: Sendable {
    /// The version's path segment (`v0.0.38`).
    var version: String { get }
    /// Where slurmrestd is (`http://head:6820`), for messages.
    var baseURL: String { get }
    /// Checks that slurmrestd answers, accepts the token, and reaches the controller.
    func ping() async throws(SlurmError)
    /// Submits a batch job and returns its id.
    func submit(_ job: SlurmJobRequest) async throws(SlurmError) -> Int
    /// A job's state, or `nil` when the controller does not know the id (any more).
    func job(_ id: Int) async throws(SlurmError) -> SlurmJobStatus?
    /// Cancels a job (a finished or unknown job is not an error).
    func cancel(_ id: Int) async throws(SlurmError)
    /// The cluster's nodes with what each can give.
    func nodes() async throws(SlurmError) -> [SlurmNode]
    /// Closes the connections.
    func shutdown() async
}

/// A batch job as the launcher submits it.
struct SlurmJobRequest: Sendable, Hashable {
    var name: String
    var comment: String?
    var script: String
    var environment: [String: String]
    var workingDirectory: String
    /// Output and error, appended (`%` doubled, as Slurm expands file name patterns).
    var logPattern: String
    var cpusPerTask: Int?
    var memoryMB: Int64?
    /// `N` or `TYPE:N`.
    var gpus: String?
    var timeLimitMinutes: Int?
    var partition: String?
    var account: String?
}

/// A job's state as the controller reports it.
struct SlurmJobStatus: Sendable, Hashable {
    /// `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`, ...
    var state: String
    /// Slurm's reason (`Priority`, `NonZeroExitCode`, `Resources`), if any.
    var reason: String?
    /// The raw wait status: exit code `<< 8`, or the signal in the low 7 bits.
    var waitStatus: Int32
    /// The node the batch script runs on, once it started.
    var node: String?

    /// Whether the job is over (it will not run again by itself).
    var isFinished: Bool {
        Self.finishedStates.contains(state)
    }

    static let finishedStates: Set<String> = [
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY",
    ]
}

/// A compute node and what it can give a job.
struct SlurmNode: Sendable, Hashable {
    var name: String
    var cpus: Int
    var memoryMB: Int64
    /// GPUs by type (`""` for untyped), from the node's `gres` (`gpu:1`, `gpu:a100:4(S:0)`).
    var gpus: [String: Int]
    var partitions: [String]

    var gpuCount: Int { gpus.values.reduce(0, +) }

    /// The GPUs of a `gres` string: `gpu:2`, `gpu:tesla:2(S:0-1)`, `gpu:a:1,gpu:b:2,shard:4`.
    static func gpus(inGres gres: String) -> [String: Int] {
        var found: [String: Int] = [:]
        for item in gres.split(separator: ",") {
            let text = item.split(separator: "(").first.map(String.init) ?? String(item)
            let parts = text.split(separator: ":").map(String.init)
            guard parts.first == "gpu", parts.count >= 2, let count = Int(parts[parts.count - 1]) else { continue }
            found[parts.count >= 3 ? parts[1] : "", default: 0] += count
        }
        return found
    }
}
