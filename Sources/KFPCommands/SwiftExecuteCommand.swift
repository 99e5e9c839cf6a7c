import ArgumentParser
import Foundation
import KFP
import KFPSpec

/// `execute --executor-input JSON --component NAME`: runs a Swift component's step on KFP's
/// executor input (`{{$}}`) and writes `executor_output.json`, as `kfp.dsl.executor_main` does for
/// a Python function. Exits 1 with the error's message when the step throws or the input is not
/// what the component declares.
struct SwiftExecuteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute", abstract: "Run one of this program's Swift components on KFP's executor input (what its tasks run).")

    @Option(name: .customLong("executor-input"), help: "The executor input JSON ({{$}}).")
    var executorInput: String

    @Option(help: "The component to run, by its name in the IR (train-model).")
    var component: String

    func run(with components: [String: SwiftComponentEntry]) async throws {
        guard let entry = components[component] else {
            let known = components.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            printError("error: this program has no Swift component named '\(component)'; it has \(known.isEmpty ? "none" : known)")
            throw ExitCode.failure
        }
        let input: ExecutorInput
        do {
            input = try JSONDecoder().decode(ExecutorInput.self, from: Data(executorInput.utf8))
        } catch {
            printError("error: --executor-input is not KFP's executor input JSON: \(error)")
            throw ExitCode.failure
        }
        do {
            _ = try await entry.execute(input)
        } catch {
            printError("error: component '\(component)' failed: \(error)")
            throw ExitCode.failure
        }
    }
}
