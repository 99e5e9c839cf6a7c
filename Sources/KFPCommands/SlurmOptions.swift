public import ArgumentParser
import Foundation
public import KFPLocal
public import KFPSlurm

/// `--launcher`: one of this machine's launchers (`subprocess`, `podman`, `docker`, `container`,
/// `auto`) or `slurm`, which needs the `--slurm-*` options to become a launcher.
public enum LauncherOption: ExpressibleByArgument, Sendable, Hashable {
    /// A launcher of this machine.
    case local(TaskLauncherKind)
    /// The Slurm launcher, made from ``SlurmOptions``.
    case slurm

    /// `subprocess`, `podman`, `docker`, `container`, `auto` or `slurm`.
    public init?(argument: String) {
        if argument == "slurm" {
            self = .slurm
        } else if let kind = TaskLauncherKind(argument: argument) {
            self = .local(kind)
        } else {
            return nil
        }
    }

    /// The argument's spelling.
    public var defaultValueDescription: String {
        switch self {
        case .local(let kind): return kind.defaultValueDescription
        case .slurm: return "slurm"
        }
    }

    /// Every spelling, for help.
    public static var allValueStrings: [String] { TaskLauncherKind.allValueStrings + ["slurm"] }

    static let help = ArgumentHelp(
        "How container tasks run: subprocess (on this machine, the default), podman, docker, container (docker, else "
            + "podman), auto (an engine that answers, else subprocess) or slurm (as Slurm jobs through slurmrestd; see "
            + "--slurm-url).")
}

/// The options of `--launcher slurm`, shared by `kfp local run`, a program's own `run` and
/// `kfp server`: `--slurm-url URL --slurm-user NAME --slurm-token JWT --slurm-partition P
/// --slurm-account A --slurm-python-environments DIR --slurm-gpu-type KFP=SLURM
/// --slurm-timeout SECONDS`.
public struct SlurmOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("slurm-url"),
        help: ArgumentHelp(
            "slurmrestd's URL (default: $SLURM_URL).",
            valueName: "url"))
    public var url: String?

    @Option(
        name: .customLong("slurm-user"),
        help: ArgumentHelp(
            "The user jobs run as (default: $SLURM_USER, else $USER).",
            valueName: "name"))
    public var user: String?

    @Option(
        name: .customLong("slurm-token"),
        help: ArgumentHelp(
            "A JWT for that user, from `scontrol token` (default: $SLURM_JWT).",
            valueName: "jwt"))
    public var token: String?

    @Option(
        name: .customLong("slurm-partition"),
        help: ArgumentHelp(
            "The partition jobs go to (default: the cluster's default).",
            valueName: "partition"))
    public var partition: String?

    @Option(
        name: .customLong("slurm-account"),
        help: ArgumentHelp(
            "The account jobs are charged to.",
            valueName: "account"))
    public var account: String?

    @Option(
        name: .customLong("slurm-python-environments"),
        help: ArgumentHelp(
            "Where Python components' environments are made, a folder every node "
                + "sees (default: <pipeline root>/.kfp-python).",
            valueName: "dir"))
    public var pythonEnvironments: String?

    @Option(
        name: .customLong("slurm-gpu-type"),
        help: ArgumentHelp(
            "KFP_TYPE=SLURM_TYPE: the Slurm GPU type an accelerator type means "
                + "(repeatable; other types ask for any GPU).",
            valueName: "kfp-type=slurm-type"))
    public var gpuTypes: [String] = []

    @Option(
        name: .customLong("slurm-timeout"),
        help: ArgumentHelp(
            "Seconds slurmrestd may stop answering before a task fails.",
            valueName: "seconds"))
    public var timeout: Double = 60

    /// Options as ArgumentParser makes them.
    public init() {}

    /// How many jobs a run keeps in Slurm at once when `--max-parallel` is not given: the cluster,
    /// not this machine's cores, runs them.
    public static let defaultMaxParallel = 32

    /// Whether any `--slurm-*` option was given.
    var isUsed: Bool {
        url != nil || user != nil || token != nil || partition != nil || account != nil || pythonEnvironments != nil
            || !gpuTypes.isEmpty
    }

    /// Checks `--slurm-timeout` and the form of each `--slurm-gpu-type`.
    public func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--slurm-timeout must be a positive number of seconds, found \(timeout)")
        }
        for mapping in gpuTypes where mapping.split(separator: "=", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--slurm-gpu-type takes KFP_TYPE=SLURM_TYPE, found '\(mapping)'")
        }
    }

    /// The launcher these options describe, with `SLURM_URL`, `SLURM_USER` and `SLURM_JWT` from
    /// `environment` where an option is not given.
    ///
    /// - Throws: ``SlurmError`` naming the missing or malformed setting.
    public func launcher(environment: [String: String]) throws(SlurmError) -> SlurmLauncher {
        var configuration = try SlurmConfiguration.resolve(url: url, user: user, token: token, environment: environment)
        configuration.partition = partition
        configuration.account = account
        configuration.pythonEnvironmentsRoot = pythonEnvironments.map { URL(fileURLWithPath: $0).standardizedFileURL }
        for mapping in gpuTypes {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { configuration.gpuTypes[parts[0]] = parts[1] }
        }
        configuration.unansweredLimit = .milliseconds(Int64(timeout * 1000))
        return SlurmLauncher(configuration: configuration)
    }

    /// The runner's launcher for `option`: a local kind as is, or a Slurm launcher made from these
    /// options (returned too, to be shut down after the runs).
    func resolve(_ option: LauncherOption) throws -> (TaskLauncherKind, SlurmLauncher?) {
        switch option {
        case .local(let kind):
            if isUsed { throw ValidationError("the --slurm-* options need --launcher slurm") }
            return (kind, nil)
        case .slurm:
            let slurm = try launcher(environment: ProcessInfo.processInfo.environment)
            return (.remote(slurm), slurm)
        }
    }
}
