public import ArgumentParser
import Foundation
public import KFPLocal
public import KFPSpec
import KFPSlurm

/// The options of a local run, shared by `kfp local run` and the embeddable pipeline command's
/// `run`: `[--param NAME=VALUE]... [--params-file F] [--pipeline-root DIR] [--max-parallel N]
/// [--no-cache] [--launcher L] [--slurm-...] [--json]`. A program's own commands embed them with
/// `@OptionGroup var options: LocalRunOptions` and call ``execute(_:defaults:)``.
public struct LocalRunOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("param"), help: "A pipeline argument NAME=VALUE (repeatable).")
    public var parameters: [String] = []

    @Option(name: .customLong("params-file"), help: "A JSON object of pipeline arguments.")
    public var parametersFile: String?

    @Option(name: .customLong("pipeline-root"), help: "Where runs write their outputs (default: ~/.cache/swift-kfp/pipeline-root).")
    public var pipelineRoot: String?

    @Option(name: .customLong("max-parallel"), help: "How many task programs may run at once (default: the number of cores; with --launcher slurm, 32 jobs).")
    public var maxParallel: Int?

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the task cache.")
    public var noCache = false

    @Option(help: LauncherOption.help)
    public var launcher: LauncherOption = .local(.subprocess)

    @OptionGroup(title: "Slurm (with --launcher slurm)")
    public var slurm: SlurmOptions

    @Flag(help: "Print the run as one JSON object on stdout.")
    public var json = false

    public init() {}

    public func validate() throws {
        if let maxParallel, maxParallel < 1 { throw ValidationError("--max-parallel must be at least 1, found \(maxParallel)") }
    }

    /// Runs `spec` with these options: converts the arguments by the declared types, prints task
    /// events on stderr and the summary (or the JSON report on stdout).
    ///
    /// - Throws: `ExitCode(2)` for bad arguments or a runner error, `ExitCode.failure` when the run
    ///   did not succeed.
    func run(_ spec: PipelineSpec) async throws {
        let record = try await execute(spec)
        if record.state != .succeeded { throw ExitCode.failure }
    }

    /// Runs `spec` with these options and returns the finished run (in any state): prints one line
    /// per task event on stderr, then the summary on stderr, or the run as JSON on stdout with
    /// `--json`.
    ///
    /// - Parameter defaults: arguments used for parameters that `--param` and `--params-file` do
    ///   not set, as given (not converted).
    /// - Throws: `ExitCode(2)` when the arguments are wrong or the runner cannot start.
    public func execute(_ spec: PipelineSpec, defaults: [String: JSONValue] = [:]) async throws -> LocalRun {
        var arguments: [String: JSONValue]
        do {
            arguments = try RunArguments(spec: spec).parse(parameters: parameters, file: parametersFile)
            arguments.merge(defaults) { given, _ in given }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let runStart = ContinuousClock.now
        var options = LocalRunnerOptions(cachingEnabled: !noCache, onEvent: { event in
            let elapsed = runStart.duration(to: .now)
            printError(EventLine.text(for: event, elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        })
        if let pipelineRoot { options.pipelineRoot = URL(fileURLWithPath: pipelineRoot) }
        if let maxParallel { options.maxParallel = maxParallel }
        let slurmLauncher: SlurmLauncher?
        do {
            (options.launcher, slurmLauncher) = try slurm.resolve(launcher)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if slurmLauncher != nil, maxParallel == nil { options.maxParallel = SlurmOptions.defaultMaxParallel }
        let record: LocalRun
        do {
            let runner = LocalRunner(options: options)
            let running = Task { try await runner.run(spec, arguments: arguments) }
            // Ctrl-C or SIGTERM cancels the run: running programs are stopped (Slurm jobs canceled),
            // nothing new starts, and the run ends CANCELED with everything finished so far recorded
            // (and cached).
            let watchers = SignalWatchers.cancel(running, on: [SIGINT, SIGTERM])
            defer { watchers.forEach { $0.cancel() } }
            let result = await running.result
            await slurmLauncher?.shutdown()
            record = try result.get()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if json {
            print(RunReport.json(record))
        } else {
            printError(RunReport.summary(record))
        }
        return record
    }
}
