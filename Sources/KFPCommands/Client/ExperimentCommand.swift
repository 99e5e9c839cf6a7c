import ArgumentParser
import Foundation
import KFPAPI
import KFPClient

/// `kfp experiment create|list|get|delete|archive|unarchive`, as in the Python CLI.
struct ExperimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment", abstract: "Manage experiments on a KFP server.",
        subcommands: [Create.self, List.self, Get.self, Delete.self, Archive.self, Unarchive.self])

    static let headers = ["Experiment ID", "Name", "Created at", "State"]

    static func row(_ experiment: Experiment) -> [String] {
        [experiment.experimentID, experiment.displayName, ResultPrinter.time(experiment.createdAt), experiment.storageState.rawValue]
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an experiment (or get the one with this name).")
        @Argument(help: "The experiment name.") var name: String
        @Option(help: "A description.") var description: String?
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let experiment = try await connection.withClient { try await $0.createExperiment(name: name, description: description) }
            ResultPrinter(format: connection.output).print(experiment, headers: ExperimentCommand.headers, row: ExperimentCommand.row)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List experiments.")
        @OptionGroup var listing: ListingOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let items = try await connection.withClient { client in
                try await listing.collect(client.allExperiments(listing.options))
            }
            ResultPrinter(format: connection.output).print(items, headers: ExperimentCommand.headers, row: ExperimentCommand.row)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an experiment by id (or by name with --name).")
        @Argument(help: "The experiment id.") var experimentID: String?
        @Option(help: "The experiment name, instead of its id.") var name: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard (experimentID == nil) != (name == nil) else { throw ValidationError("give an experiment id or --name, not both") }
        }

        func run() async throws {
            let experiment = try await connection.withClient { client in
                if let name { return try await client.experiment(named: name) }
                return try await client.experiment(id: experimentID ?? "")
            }
            ResultPrinter(format: connection.output).print(experiment, headers: ExperimentCommand.headers, row: ExperimentCommand.row)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an experiment (its runs stay).")
        @Argument(help: "The experiment id.") var experimentID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { try await $0.deleteExperiment(id: experimentID) }
            print("Deleted experiment \(experimentID).")
        }
    }

    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive an experiment and its runs.")
        @Argument(help: "The experiment id.") var experimentID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { try await $0.archiveExperiment(id: experimentID) }
            print("Archived experiment \(experimentID).")
        }
    }

    struct Unarchive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unarchive an experiment.")
        @Argument(help: "The experiment id.") var experimentID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { try await $0.unarchiveExperiment(id: experimentID) }
            print("Unarchived experiment \(experimentID).")
        }
    }
}
