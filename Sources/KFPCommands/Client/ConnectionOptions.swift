import ArgumentParser
import Foundation
import KFPAPI
import KFPClient
import KFPSpec

/// The options every server command takes, named as in the Python `kfp` CLI: `--endpoint`,
/// `--existing-token`, `--namespace`, `--output table|json`. Accepted after the verb; `kfp`
/// also moves them from before the group name (`kfp --endpoint URL run list`).
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The KFP API endpoint, e.g. http://127.0.0.1:8888 (default: $KF_PIPELINES_ENDPOINT).")
    var endpoint: String?

    @Option(name: .customLong("existing-token"), help: "A bearer token for the server (default: $KF_PIPELINES_TOKEN).")
    var existingToken: String?

    @Option(help: "The namespace of namespaced calls (multi-user KFP).")
    var namespace: String?

    @Option(help: "How results are printed: table or json.")
    var output: OutputFormat = .table

    /// The option names that take a value, for moving them behind the verb.
    static let valueOptions: Set<String> = ["--endpoint", "--existing-token", "--namespace", "--output"]

    /// A client for the endpoint; throws a validation error naming what is missing.
    func client() throws -> PipelineClient {
        do {
            let configuration = try PipelineClient.Configuration.resolve(
                endpoint: endpoint, token: existingToken, namespace: namespace)
            return PipelineClient(configuration: configuration)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Runs `body` with a client and shuts the client down afterwards; server errors become
    /// `Error: <HTTP status>: <message>` and a non-zero exit.
    func withClient<T: Sendable>(_ body: (PipelineClient) async throws -> T) async throws -> T {
        let client = try client()
        do {
            let result = try await body(client)
            try? await client.shutdown()
            return result
        } catch let error as PipelineClientError {
            try? await client.shutdown()
            throw CommandFailure(error.status.map { "HTTP \($0): \(error.message)" } ?? error.message)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// `--output table|json`.
enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case table, json
}

/// A failure to report as `Error: ...` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension KFPCommand {
    /// Moves connection options given before a server command group behind it, so
    /// `kfp --endpoint URL run list` works like `kfp run list --endpoint URL`.
    public static func reorderedArguments(_ arguments: [String]) -> [String] {
        let groups: Set<String> = ["experiment", "pipeline", "run", "recurring-run"]
        guard let groupIndex = arguments.firstIndex(where: { groups.contains($0) }), groupIndex > 0 else { return arguments }
        var leading: [String] = []
        var moved: [String] = []
        var index = 0
        while index < groupIndex {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if ConnectionOptions.valueOptions.contains(name) {
                moved.append(argument)
                if !argument.contains("="), index + 1 < groupIndex {
                    moved.append(arguments[index + 1])
                    index += 1
                }
            } else {
                leading.append(argument)
            }
            index += 1
        }
        return leading + Array(arguments[groupIndex...]) + moved
    }
}
