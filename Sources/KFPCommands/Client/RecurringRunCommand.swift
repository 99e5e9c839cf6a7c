import ArgumentParser
import Foundation
import KFPAPI
import KFPClient
import KFPSpec

/// `kfp recurring-run create|list|get|enable|disable|delete`, as in the Python CLI.
struct RecurringRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recurring-run", abstract: "Schedule runs on a KFP server (cron or interval).",
        subcommands: [Create.self, List.self, Get.self, Enable.self, Disable.self, Delete.self])

    static let headers = ["Recurring run ID", "Name", "Status", "Trigger", "Created at"]
    static func row(_ recurringRun: RecurringRun) -> [String] {
        let trigger: String
        switch recurringRun.trigger {
        case .cron(let schedule)?: trigger = "cron \(schedule.cron)"
        case .periodic(let schedule)?: trigger = "every \(schedule.intervalSecond) s"
        case nil: trigger = ""
        }
        return [recurringRun.recurringRunID, recurringRun.displayName, recurringRun.status.rawValue, trigger,
                ResultPrinter.time(recurringRun.createdAt)]
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a recurring run.")
        @Option(name: .customLong("job-name"), help: "The recurring run's name.") var jobName: String
        @Option(name: .customLong("experiment-id"), help: "The experiment id.") var experimentID: String?
        @Option(name: .customLong("experiment-name"), help: "The experiment name (created when missing).") var experimentName: String?
        @Option(help: "A description.") var description: String?
        @Option(name: .customLong("cron-expression"), help: "6-field cron with seconds, e.g. '0 0 * * * *'.") var cronExpression: String?
        @Option(name: .customLong("interval-second"), help: "Seconds between runs.") var intervalSecond: Int64?
        @Option(name: .customLong("start-time"), help: "RFC 3339 time of the first possible run.") var startTime: String?
        @Option(name: .customLong("end-time"), help: "RFC 3339 time after which nothing runs.") var endTime: String?
        @Option(name: .customLong("max-concurrency"), help: "How many of its runs may go on at once (1-10).") var maxConcurrency = 1
        @Flag(name: .customLong("no-catchup"), help: "Skip the times missed while disabled or stopped.") var noCatchup = false
        @Flag(name: .customLong("disabled"), help: "Create it disabled.") var disabled = false
        @Option(name: [.customShort("f"), .customLong("package-file")], help: "A compiled pipeline.") var packageFile: String?
        @Option(name: .customLong("pipeline-id"), help: "An uploaded pipeline, instead of a file.") var pipelineID: String?
        @Option(name: .customLong("version-id"), help: "The pipeline version id (default: the latest).") var versionID: String?
        @Argument(help: "Pipeline arguments NAME=VALUE, converted by each parameter's declared type.") var arguments: [String] = []
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard (cronExpression == nil) != (intervalSecond == nil) else { throw ValidationError("give --cron-expression or --interval-second") }
            guard (packageFile == nil) != (pipelineID == nil) else { throw ValidationError("give --package-file or --pipeline-id") }
            for (flag, text) in [("--start-time", startTime), ("--end-time", endTime)] {
                if let text, APITimestamp.parse(text) == nil { throw ValidationError("\(flag): expected an RFC 3339 time, found '\(text)'") }
            }
        }

        func run() async throws {
            let start = startTime.flatMap(APITimestamp.parse)
            let end = endTime.flatMap(APITimestamp.parse)
            let trigger: Trigger = cronExpression.map { .cron(CronSchedule(startTime: start, endTime: end, cron: $0)) }
                ?? .periodic(PeriodicSchedule(startTime: start, endTime: end, intervalSecond: intervalSecond ?? 0))
            let recurringRun = try await connection.withClient { client in
                var spec: PipelineSpec?
                if let packageFile {
                    do {
                        spec = try SpecLoader(file: packageFile).load(Data(contentsOf: URL(fileURLWithPath: packageFile))).pipelineSpec
                    } catch let error as SpecError {
                        throw ValidationError(error.description)
                    } catch {
                        throw ValidationError("cannot read \(packageFile): \(FileReadProblem.reason(readingPath: packageFile, error: error))")
                    }
                }
                var values: [String: JSONValue] = [:]
                if let spec {
                    do {
                        values = try RunArguments(spec: spec, label: "argument").parse(parameters: arguments, file: nil)
                    } catch let problem as RunArguments.Problem {
                        throw ValidationError(problem.description)
                    }
                } else if !arguments.isEmpty {
                    throw ValidationError("NAME=VALUE arguments need --package-file (their types come from the spec)")
                }
                let options = RecurringRunOptions(
                    experimentID: experimentID, experimentName: experimentName, description: description,
                    maxConcurrency: maxConcurrency, noCatchup: noCatchup ? true : nil, enabled: !disabled)
                return try await client.createRecurringRun(
                    name: jobName, trigger: trigger, spec: spec, pipelineID: pipelineID, versionID: versionID,
                    arguments: values, options: options)
            }
            ResultPrinter(format: connection.output).print(recurringRun, headers: RecurringRunCommand.headers, row: RecurringRunCommand.row)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recurring runs.")
        @Option(name: .customLong("experiment-id"), help: "Only those of this experiment.") var experimentID: String?
        @OptionGroup var listing: ListingOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let page = try await connection.withClient { try await $0.listRecurringRuns(listing.options, experimentID: experimentID) }
            ResultPrinter(format: connection.output).print(page.items, headers: RecurringRunCommand.headers, row: RecurringRunCommand.row)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a recurring run.")
        @Argument(help: "The recurring run id.") var recurringRunID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let item = try await connection.withClient { try await $0.recurringRun(id: recurringRunID) }
            ResultPrinter(format: connection.output).print(item, headers: RecurringRunCommand.headers, row: RecurringRunCommand.row)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a recurring run.")
        @Argument(help: "The recurring run id.") var recurringRunID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.enableRecurringRun(id: recurringRunID) }
            print("Enabled recurring run \(recurringRunID).")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a recurring run.")
        @Argument(help: "The recurring run id.") var recurringRunID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.disableRecurringRun(id: recurringRunID) }
            print("Disabled recurring run \(recurringRunID).")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a recurring run.")
        @Argument(help: "The recurring run id.") var recurringRunID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.deleteRecurringRun(id: recurringRunID) }
            print("Deleted recurring run \(recurringRunID).")
        }
    }
}
