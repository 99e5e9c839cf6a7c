import ArgumentParser
import Foundation
import KFPAPI
import KFPClient
import KFPSpec

/// `kfp run create|list|get|delete|archive|unarchive|terminate|retry`, as in the Python CLI.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create and manage runs on a KFP server.",
        subcommands: [Create.self, List.self, Get.self, Delete.self, Archive.self, Unarchive.self, Terminate.self, Retry.self])

    static let headers = ["Run ID", "Name", "State", "Created at", "Finished at"]
    static func row(_ run: Run) -> [String] {
        [run.runID, run.displayName, run.state.rawValue, ResultPrinter.time(run.createdAt), ResultPrinter.time(run.finishedAt)]
    }

    /// The run, then a table of its tasks (state, times, output artifact ids), or the run's JSON.
    static func printDetails(_ run: Run, format: OutputFormat) {
        let printer = ResultPrinter(format: format)
        printer.print(run, headers: headers, row: row)
        guard format == .table, let tasks = run.runDetails?.taskDetails, !tasks.isEmpty else { return }
        let rows = tasks.map { task in
            [task.displayName, task.state.rawValue, ResultPrinter.time(task.startTime), ResultPrinter.time(task.endTime),
             task.outputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.artifactIDs.map(String.init).joined(separator: ","))" }
                .joined(separator: " ")]
        }
        print("")
        print(ResultPrinter.table(headers: ["Task", "State", "Started at", "Finished at", "Output artifacts"], rows: rows), terminator: "")
        if let error = run.error, !error.message.isEmpty { print("\nError: \(error.message)") }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a run from a package file or an uploaded pipeline; NAME=VALUE arguments are converted by the pipeline's parameter types.")
        @Option(name: [.customShort("e"), .customLong("experiment-name")], help: "The experiment (created when missing; default: Default).")
        var experimentName: String?
        @Option(name: .customLong("experiment-id"), help: "The experiment id, instead of its name.") var experimentID: String?
        @Option(name: [.customShort("f"), .customLong("package-file")], help: "A compiled pipeline (YAML, JSON, zip, tar.gz).")
        var packageFile: String?
        @Option(name: [.customShort("p"), .customLong("pipeline-id")], help: "An uploaded pipeline, instead of a file.") var pipelineID: String?
        @Option(name: .customLong("version"), help: "The pipeline version id (default: the latest).") var versionID: String?
        @Option(name: [.customShort("r"), .customLong("run-name")], help: "The run name.") var runName: String?
        @Flag(name: [.customShort("w"), .long], help: "Wait for the run to finish, printing task states as they change.") var watch = false
        @Option(name: [.customShort("t"), .long], help: "With --watch: seconds to wait.") var timeout: Double = 3600
        @Option(help: "With --watch: seconds between polls.") var pollInterval: Double = 2
        @Flag(name: .customLong("disable-caching"), help: "Run every task even when cached (cachingOptions cleared).") var disableCaching = false
        @Argument(help: "Pipeline arguments NAME=VALUE, converted by each parameter's declared type.") var arguments: [String] = []
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard (packageFile == nil) != (pipelineID == nil) else { throw ValidationError("give --package-file or --pipeline-id") }
            guard timeout > 0, pollInterval > 0 else { throw ValidationError("--timeout and --poll-interval must be positive") }
        }

        func run() async throws {
            let format = connection.output
            let run = try await connection.withClient { client in
                let spec = try await pipelineSpec(client)
                let values: [String: JSONValue]
                do {
                    values = try RunArguments(spec: spec, label: "argument").parse(parameters: arguments, file: nil)
                } catch let problem as RunArguments.Problem {
                    throw ValidationError(problem.description)
                }
                let options = RunOptions(
                    runName: runName, experimentID: experimentID, experimentName: experimentName,
                    enableCaching: disableCaching ? false : nil)
                var run: Run
                if let packageFile {
                    run = try await client.createRun(packageFile: URL(fileURLWithPath: packageFile), arguments: values, options: options)
                } else {
                    run = try await client.createRun(pipelineID: pipelineID ?? "", versionID: versionID, arguments: values, options: options)
                }
                if watch {
                    if format == .table { print("Run \(run.runID) (\(run.displayName)) created; waiting for it to finish.") }
                    let printer = TaskStateWatcher(format: format)
                    run = try await client.waitForRun(id: run.runID, timeout: timeout, pollInterval: pollInterval) { await printer.show($0) }
                }
                return run
            }
            RunCommand.printDetails(run, format: format)
            if watch, run.state != .succeeded { throw ExitCode.failure }
        }

        private func pipelineSpec(_ client: PipelineClient) async throws -> PipelineSpec {
            if let packageFile {
                do {
                    let loaded = try SpecLoader(file: packageFile).load(Data(contentsOf: URL(fileURLWithPath: packageFile)))
                    guard let spec = loaded.pipelineSpec else { throw ValidationError("\(packageFile): expected a compiled pipeline, found a v1 component") }
                    return spec
                } catch let error as SpecError {
                    throw ValidationError(error.description)
                } catch let error as ValidationError {
                    throw error
                } catch {
                    throw ValidationError("cannot read \(packageFile): \(FileReadProblem.reason(readingPath: packageFile, error: error))")
                }
            }
            let id = pipelineID ?? ""
            let version: PipelineVersion?
            if let versionID {
                version = try await client.pipelineVersion(pipelineID: id, versionID: versionID)
            } else {
                version = try await client.listPipelineVersions(pipelineID: id, ListOptions(pageSize: 1, sortBy: "created_at desc")).items.first
            }
            guard let json = version?.pipelineSpec else { throw ValidationError("pipeline \(id) has no version with a spec") }
            do {
                guard let spec = try SpecLoader(file: "pipeline \(id)").load(json.compactJSON()).pipelineSpec else {
                    throw ValidationError("pipeline \(id): its spec is not a pipeline")
                }
                return spec
            } catch let error as SpecError {
                throw ValidationError(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List runs.")
        @Option(name: [.customShort("e"), .customLong("experiment-id")], help: "Only the runs of this experiment.") var experimentID: String?
        @OptionGroup var listing: ListingOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let items = try await connection.withClient { try await listing.collect($0.allRuns(listing.options, experimentID: experimentID)) }
            ResultPrinter(format: connection.output).print(items, headers: RunCommand.headers, row: RunCommand.row)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a run with its tasks.")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let run = try await connection.withClient { try await $0.run(id: runID) }
            RunCommand.printDetails(run, format: connection.output)
        }
    }
}
