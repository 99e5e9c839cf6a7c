import Foundation

/// Runs a task's resolved program somewhere other than this machine, as a batch scheduler's job on
/// one of its nodes (``TaskLauncherKind/remote(_:)``; the Slurm launcher of `KFPSlurm` is one).
///
/// The runner does everything else as for a subprocess: it resolves the command and arguments,
/// prepares a lightweight Python component's managed environment in
/// ``pythonEnvironmentsRoot`` (the job then runs the command without its pip prelude), and reads
/// the outputs the job left in the task folder. The pipeline root must therefore be on a
/// filesystem every node sees at the same path.
///
/// ```swift
/// var options = LocalRunnerOptions(pipelineRoot: URL(fileURLWithPath: "/shared/kfp"))
/// options.launcher = .remote(launcher)    // any RemoteTaskLauncher
/// ```
public protocol RemoteTaskLauncher: Sendable {
    /// How the run records this launcher (``LocalRun/launcher``), e.g. `slurm (http://head:6820)`.
    var name: String { get }
    /// Where managed Python environments are made: a folder every node sees at the same path, or
    /// `nil` for `<pipeline root>/.kfp-python`.
    var pythonEnvironmentsRoot: URL? { get }
    /// Checks, before a run starts, that tasks can be sent (the scheduler answers).
    ///
    /// - Throws: ``LocalRunError`` saying what did not answer and why.
    func check() async throws(LocalRunError)
    /// Runs one attempt of a task and waits until it ends. Cancelling the calling Swift task
    /// cancels the job, and returns once the scheduler has let go of it.
    func run(_ task: RemoteTask) async -> RemoteTaskOutcome
}

/// One attempt of a task, resolved and ready to run: what a ``RemoteTaskLauncher`` sends.
public struct RemoteTask: Sendable, Hashable {
    /// The run's id.
    public var runID: String
    /// The task's path in the run (`train`, `for-loop-2/0/train`).
    public var taskPath: String
    /// 0 for the first attempt, then 1, 2, ... for retries.
    public var attempt: Int
    /// The program and its arguments, placeholders resolved (`argv[0]` looked up on the node's `PATH`).
    public var argv: [String]
    /// The program's whole environment (the job gets nothing else from this process).
    public var environment: [String: String]
    /// The task folder: the program's working directory.
    public var workingDirectory: URL
    /// The task's `log.txt`: the program's output and errors, appended.
    public var log: URL
    /// What the task asks of the node.
    public var resources: TaskResources

    /// A task attempt with every field given.
    public init(
        runID: String, taskPath: String, attempt: Int, argv: [String], environment: [String: String],
        workingDirectory: URL, log: URL, resources: TaskResources
    ) {
        self.runID = runID
        self.taskPath = taskPath
        self.attempt = attempt
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.log = log
        self.resources = resources
    }
}

/// How a remote task attempt ended, and where it ran.
public struct RemoteTaskOutcome: Sendable, Hashable {
    /// The end of the program, or why it did not run to its end.
    public enum Status: Sendable, Hashable {
        /// The program exited with this code.
        case exited(Int32)
        /// The program was stopped by this signal (a canceled job, say).
        case signaled(Int32)
        /// The job could not be sent, was refused, or ended without the program's own status
        /// (a time limit, a lost node, a scheduler that stopped answering): one line saying so.
        case failed(String)
    }

    /// How the program ended, or why it did not.
    public var status: Status
    /// The node the job ran on, when it started.
    public var node: String?
    /// The scheduler's id of the job, when it was accepted.
    public var jobID: String?

    /// An outcome; `node` and `jobID` when the job was accepted and started.
    public init(status: Status, node: String? = nil, jobID: String? = nil) {
        self.status = status
        self.node = node
        self.jobID = jobID
    }
}
