import ArgumentParser
import Foundation
import KFPLocal
import KFPSpec

/// `kfp local`: run pipelines on this machine.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run KFP pipelines on this machine, in parallel, with caching and resume.",
        subcommands: [LocalRunCommand.self]
    )
}

/// `kfp local run FILE [--param NAME=VALUE]... [--params-file F] [--pipeline-root DIR] [--max-parallel N] [--no-cache] [--json]`.
struct LocalRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a compiled pipeline (IR YAML or JSON, ours or the Python SDK's) on this machine.",
        discussion: """
            Prints one line per task event on stderr. Exits 0 only when the run SUCCEEDED.
            Values given with --param are converted by the pipeline's declared parameter types
            (LIST and STRUCT take JSON). Rerunning a failed run reuses every task that succeeded.
            """
    )

    @Argument(help: "The pipeline file.")
    var file: String

    @OptionGroup var options: LocalRunOptions

    func run() async throws {
        let spec: PipelineSpec
        switch SpecFileReader().check(file) {
        case .failure(let error):
            printError(error.description)
            throw ExitCode(2)
        case .success(let loaded):
            guard let pipeline = loaded.pipelineSpec else {
                printError("\(file): error: expected a pipeline, found a v1 component; convert it with 'kfp spec print' first")
                throw ExitCode(2)
            }
            spec = pipeline
        }
        try await options.run(spec)
    }
}
