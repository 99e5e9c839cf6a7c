public import ArgumentParser
public import Foundation
public import KFPAPI
import KFPClient
public import KFPSpec

/// Options to send a compiled pipeline to a KFP server (a cluster or `kfp server`) as a run:
/// the connection (`--endpoint` or `KF_PIPELINES_ENDPOINT`, `--existing-token`, `--namespace`,
/// `--output`), `--param NAME=VALUE` converted by the spec's parameter types, `--experiment-name`,
/// `--run-name`, `--watch` with `--timeout` and `--poll-interval` (seconds), `--disable-caching`.
/// Used by ``PipelineTool``'s `submit` and by programs with their own commands.
public struct SubmitOptions: ParsableArguments, Sendable {
    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("param"), help: "A pipeline argument NAME=VALUE, converted by the parameter's declared type (repeatable).")
    var parameters: [String] = []

    @Option(name: .customLong("params-file"), help: "A JSON object of pipeline arguments.")
    var parametersFile: String?

    @Option(name: [.customShort("e"), .customLong("experiment-name")], help: "The experiment (created when missing; default: Default).")
    var experimentName: String?

    @Option(name: [.customShort("r"), .customLong("run-name")], help: "The run name (default: '<pipeline> <time>').")
    var runName: String?

    @Flag(name: [.customShort("w"), .long], help: "Wait for the run to finish, printing task states as they change.")
    public var watch = false

    @Option(help: "With --watch: seconds to wait.")
    var timeout: Double = 3600

    @Option(help: "With --watch: seconds between polls.")
    var pollInterval: Double = 2

    @Flag(name: .customLong("disable-caching"), help: "Run every task even when cached.")
    var disableCaching = false

    public init() {}

    public func validate() throws {
        guard timeout > 0, pollInterval > 0 else { throw ValidationError("--timeout and --poll-interval must be positive") }
    }

    /// Creates a run of `spec` with `defaults` overridden by `--param`/`--params-file`, waits for
    /// it with `--watch` (or when `wait` is true), and prints the run with its tasks.
    ///
    /// - Returns: the run as last read from the server.
    /// - Throws: `ValidationError` for a bad argument; `CommandFailure` with the HTTP status and the
    ///   server's message when the server refuses.
    @discardableResult
    public func submit(_ spec: PipelineSpec, defaults: [String: JSONValue] = [:], wait: Bool = false) async throws -> Run {
        var arguments = defaults
        do {
            arguments.merge(try RunArguments(spec: spec).parse(parameters: parameters, file: parametersFile)) { $1 }
        } catch let problem as RunArguments.Problem {
            throw ValidationError(problem.description)
        }
        let format = connection.output
        let waits = watch || wait
        let options = RunOptions(runName: runName, experimentName: experimentName, enableCaching: disableCaching ? false : nil)
        let (timeout, pollInterval) = (self.timeout, self.pollInterval)
        let run = try await connection.withClient { client in
            var run = try await client.createRun(spec: spec, arguments: arguments, options: options)
            if format == .table {
                print("Run \(run.runID) (\(run.displayName)) created on \(client.configuration.endpoint.absoluteString).")
            }
            if waits {
                let watcher = TaskStateWatcher(format: format)
                run = try await client.waitForRun(id: run.runID, timeout: timeout, pollInterval: pollInterval) { await watcher.show($0) }
            }
            return run
        }
        RunCommand.printDetails(run, format: format)
        return run
    }
}
