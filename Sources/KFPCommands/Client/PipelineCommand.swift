import ArgumentParser
import Foundation
import KFPAPI
import KFPClient

/// `kfp pipeline create|create-version|list|list-versions|get|get-version|delete|delete-version`,
/// as in the Python CLI (`upload` is an alias of `create`).
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Manage pipelines and pipeline versions on a KFP server.",
        subcommands: [Create.self, CreateVersion.self, List.self, ListVersions.self, Get.self, GetVersion.self,
                      Delete.self, DeleteVersion.self])

    static let headers = ["Pipeline ID", "Name", "Created at"]
    static func row(_ pipeline: UploadedPipeline) -> [String] {
        [pipeline.pipelineID, pipeline.displayName, ResultPrinter.time(pipeline.createdAt)]
    }

    static let versionHeaders = ["Version ID", "Name", "Pipeline ID", "Created at"]
    static func versionRow(_ version: PipelineVersion) -> [String] {
        [version.pipelineVersionID, version.displayName, version.pipelineID, ResultPrinter.time(version.createdAt)]
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a compiled pipeline (YAML, JSON, zip or tar.gz) as a new pipeline.", aliases: ["upload"])
        @Option(name: [.customShort("p"), .customLong("pipeline-name")], help: "The pipeline name (default: the spec's pipelineInfo.name).")
        var pipelineName: String?
        @Option(name: [.customShort("d"), .long], help: "A description.") var description: String?
        @Argument(help: "The package file.") var packageFile: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let pipeline = try await connection.withClient { client in
                try await client.uploadPipeline(file: URL(fileURLWithPath: packageFile), name: pipelineName, description: description)
            }
            ResultPrinter(format: connection.output).print(pipeline, headers: PipelineCommand.headers, row: PipelineCommand.row)
        }
    }

    struct CreateVersion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upload a compiled pipeline as a new version of a pipeline.")
        @Option(name: [.customShort("p"), .customLong("pipeline-id")], help: "The pipeline id.") var pipelineID: String?
        @Option(name: .customLong("pipeline-name"), help: "The pipeline name, instead of its id.") var pipelineName: String?
        @Option(name: [.customShort("v"), .customLong("pipeline-version")], help: "The version name.") var pipelineVersion: String
        @Option(name: [.customShort("d"), .long], help: "A description.") var description: String?
        @Argument(help: "The package file.") var packageFile: String
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard (pipelineID == nil) != (pipelineName == nil) else { throw ValidationError("give --pipeline-id or --pipeline-name") }
        }

        func run() async throws {
            let version = try await connection.withClient { client in
                var id = pipelineID ?? ""
                if pipelineID == nil { id = try await client.pipeline(named: pipelineName ?? "").pipelineID }
                return try await client.uploadPipelineVersion(
                    file: URL(fileURLWithPath: packageFile), versionName: pipelineVersion, pipelineID: id, description: description)
            }
            ResultPrinter(format: connection.output).print(version, headers: PipelineCommand.versionHeaders, row: PipelineCommand.versionRow)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pipelines.")
        @OptionGroup var listing: ListingOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let items = try await connection.withClient { try await listing.collect($0.allPipelines(listing.options)) }
            ResultPrinter(format: connection.output).print(items, headers: PipelineCommand.headers, row: PipelineCommand.row)
        }
    }

    struct ListVersions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the versions of a pipeline.")
        @Argument(help: "The pipeline id.") var pipelineID: String
        @OptionGroup var listing: ListingOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let page = try await connection.withClient { try await $0.listPipelineVersions(pipelineID: pipelineID, listing.options) }
            ResultPrinter(format: connection.output).print(page.items, headers: PipelineCommand.versionHeaders, row: PipelineCommand.versionRow)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pipeline by id (or by name with --name).")
        @Argument(help: "The pipeline id.") var pipelineID: String?
        @Option(help: "The pipeline name, instead of its id.") var name: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard (pipelineID == nil) != (name == nil) else { throw ValidationError("give a pipeline id or --name, not both") }
        }

        func run() async throws {
            let pipeline = try await connection.withClient { client in
                if let name { return try await client.pipeline(named: name) }
                return try await client.pipeline(id: pipelineID ?? "")
            }
            ResultPrinter(format: connection.output).print(pipeline, headers: PipelineCommand.headers, row: PipelineCommand.row)
        }
    }

    struct GetVersion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pipeline version.")
        @Option(name: [.customShort("p"), .customLong("pipeline-id")], help: "The pipeline id.") var pipelineID: String
        @Argument(help: "The version id.") var versionID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let version = try await connection.withClient { try await $0.pipelineVersion(pipelineID: pipelineID, versionID: versionID) }
            ResultPrinter(format: connection.output).print(version, headers: PipelineCommand.versionHeaders, row: PipelineCommand.versionRow)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a pipeline (--cascade deletes its versions too).")
        @Argument(help: "The pipeline id.") var pipelineID: String
        @Flag(help: "Delete the pipeline's versions with it.") var cascade = false
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { try await $0.deletePipeline(id: pipelineID, cascade: cascade) }
            print("Deleted pipeline \(pipelineID).")
        }
    }

    struct DeleteVersion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a pipeline version.")
        @Option(name: [.customShort("p"), .customLong("pipeline-id")], help: "The pipeline id.") var pipelineID: String
        @Argument(help: "The version id.") var versionID: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { try await $0.deletePipelineVersion(pipelineID: pipelineID, versionID: versionID) }
            print("Deleted pipeline version \(versionID).")
        }
    }
}
