public import ArgumentParser
import Foundation
public import KFP
import KFPAPI
import KFPCompiler
import KFPSpec

/// The command line a user's own executable gets for its Swift pipelines, since the `kfp` command
/// cannot load Swift source: `compile`, `run` (on this machine, with `KFPLocal`), `submit` (to a KFP
/// server) and `list`.
///
/// ```swift
/// @main struct Tool {
///     static func main() async {
///         await PipelineTool(pipelines: [try! makePipeline()]).main()
///     }
/// }
/// ```
///
/// `tool compile [--pipeline NAME] [--output pipeline.yaml] [--format yaml|json] [--image IMAGE]`
/// writes the IR;
/// `tool run [--pipeline NAME] [--param NAME=VALUE]... [--pipeline-root DIR] [--max-parallel N]
/// [--no-cache] [--json] [--image IMAGE]` compiles and runs it, exiting 0 only when the run
/// succeeded;
/// `tool submit [--pipeline NAME] [--endpoint URL] [--param NAME=VALUE]... [--experiment-name E]
/// [--watch]` compiles it and creates a run on a KFP server (see ``SubmitOptions``);
/// `tool execute --executor-input JSON --component NAME` runs one of its ``SwiftComponent``s' step
/// (what their tasks run; KFP's `executor_main` for Swift).
public struct PipelineTool: Sendable {
    /// The pipelines the tool serves, selected by name with `--pipeline`.
    public let pipelines: [Pipeline]
    /// The Swift components the tool's `execute` command runs, by component name: those of the
    /// pipelines' tasks and the `components` given.
    package let swiftComponents: [String: SwiftComponentEntry]

    /// A tool for `pipelines`; `components` adds Swift components that no pipeline of the tool
    /// runs (for pipelines compiled elsewhere).
    public init(pipelines: [Pipeline], components: [Component] = []) {
        self.pipelines = pipelines
        var entries: [String: SwiftComponentEntry] = [:]
        for pipeline in pipelines { entries.merge(pipeline.swiftComponentEntries) { first, _ in first } }
        for entry in components.compactMap(\.swiftEntry) where entries[entry.name] == nil { entries[entry.name] = entry }
        self.swiftComponents = entries
    }

    /// Parses `arguments` (the process's own when `nil`), runs the subcommand and exits the process
    /// with its status.
    public func main(arguments: [String]? = nil) async -> Never {
        do {
            let command = try PipelineToolCommand.parseAsRoot(arguments)
            switch command {
            case let compile as PipelineCompileCommand: try compile.run(with: pipelines)
            case let run as PipelineRunCommand: try await run.run(with: pipelines)
            case let list as PipelineListCommand: list.run(with: pipelines)
            case let submit as PipelineSubmitCommand: try await submit.run(with: pipelines)
            case let execute as SwiftExecuteCommand: try await execute.run(with: swiftComponents)
            case let image as ProgramImageCommand: try await image.run()
            default:
                var other = command
                try other.run()
            }
            PipelineToolCommand.exit()
        } catch {
            PipelineToolCommand.exit(withError: error)
        }
    }
}

/// The root of ``PipelineTool``'s commands.
struct PipelineToolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent },
        abstract: "Compile and run this program's Kubeflow pipelines.",
        subcommands: [
            PipelineCompileCommand.self, PipelineRunCommand.self, PipelineSubmitCommand.self, PipelineListCommand.self,
            SwiftExecuteCommand.self, ProgramImageCommand.self,
        ])
}

/// `--pipeline NAME`: picks one of the tool's pipelines (optional when there is only one).
struct PipelineSelection: ParsableArguments {
    @Option(name: .customLong("pipeline"), help: "The pipeline to use, by name (required when there are several).")
    var name: String?

    @OptionGroup var placement: ProgramPlacementOptions

    func pipeline(from pipelines: [Pipeline]) throws -> Pipeline {
        if let name {
            guard let match = pipelines.first(where: { $0.name == name }) else {
                throw ValidationError(
                    "no pipeline named '\(name)'; this program has \(pipelines.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            return match
        }
        guard pipelines.count == 1, let only = pipelines.first else {
            throw ValidationError(
                pipelines.isEmpty
                    ? "this program defines no pipelines"
                    : "choose a pipeline with --pipeline: \(pipelines.map { "'\($0.name)'" }.joined(separator: ", "))")
        }
        return only
    }

    func compiled(from pipelines: [Pipeline]) throws -> PipelineSpec {
        let pipeline = try pipeline(from: pipelines)
        do {
            return placement.place(try PipelineCompiler().compile(pipeline))
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// `compile`: writes the pipeline's IR.
struct PipelineCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Write the pipeline's IR (pipeline.yaml).")

    @OptionGroup var selection: PipelineSelection

    @Option(name: .shortAndLong, help: "The file to write (default: pipeline.yaml; '-' for stdout).")
    var output = "pipeline.yaml"

    @Option(help: "yaml or json.")
    var format: String = "yaml"

    func run(with pipelines: [Pipeline]) throws {
        guard let chosen = SpecWriter.Format(rawValue: format) else {
            throw ValidationError("--format must be yaml or json, found '\(format)'")
        }
        let spec = try selection.compiled(from: pipelines)
        let text = try SpecWriter().write(spec, format: chosen)
        if output == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("\(output): error: cannot write the pipeline: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        printError("wrote \(output) (pipeline '\(spec.pipelineInfo.name)', \(spec.components?.count ?? 0) components)")
    }
}

/// `run`: compiles and runs the pipeline on this machine.
struct PipelineRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Compile the pipeline and run it on this machine.")

    @OptionGroup var selection: PipelineSelection
    @OptionGroup var options: LocalRunOptions

    func run(with pipelines: [Pipeline]) async throws {
        try await options.run(try selection.compiled(from: pipelines))
    }
}

/// `submit`: compiles the pipeline and creates a run of it on a KFP server.
struct PipelineSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Compile the pipeline and run it on a KFP server (--endpoint or KF_PIPELINES_ENDPOINT).")

    @OptionGroup var selection: PipelineSelection
    @OptionGroup var options: SubmitOptions

    func run(with pipelines: [Pipeline]) async throws {
        let run = try await options.submit(try selection.compiled(from: pipelines))
        if options.watch, run.state != .succeeded { throw ExitCode.failure }
    }
}

/// `list`: the pipelines this program defines.
struct PipelineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the pipelines this program defines.")

    func run(with pipelines: [Pipeline]) {
        for pipeline in pipelines {
            print([pipeline.name, pipeline.description ?? ""].filter { !$0.isEmpty }.joined(separator: "\t"))
        }
    }
}
