import ArgumentParser
import Foundation
import IrisTutorial
import KFP
import KFPAPI
import KFPCommands
import KFPCompiler
import KFPLocal
import KFPSpec

/// `iris-tutorial`: the KFP tutorial pipeline (download a tarball of CSV files, merge them) in
/// Swift, compiled, run on this machine, or submitted to a KFP server.
@main
struct IrisTutorialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iris-tutorial",
        abstract: "The KFP tutorial pipeline in Swift: download a tarball of CSV files and merge them into one CSV.",
        subcommands: [CompileCommand.self, RunCommand.self, SubmitCommand.self])
}

/// Compiles the tutorial pipeline, reporting definition errors on stderr.
func compiledTutorial() throws -> PipelineSpec {
    do {
        return try PipelineCompiler().compile(try IrisTutorial.pipeline())
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// `iris-tutorial compile [--output pipeline.yaml]`.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Write the pipeline's IR.")

    @Option(name: .shortAndLong, help: "The file to write.")
    var output = "pipeline.yaml"

    func run() throws {
        let text = try SpecWriter().write(try compiledTutorial())
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("\(output): error: cannot write the pipeline: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }
}

/// `iris-tutorial run [--url URL] [local run options]`: runs the pipeline here. Without `--url`
/// the bundled iris tarball is served on a loopback HTTP server for the time of the run.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the pipeline on this machine and print the merged CSV's location, row count and first rows.")

    @Option(help: "The tarball to download (default: the bundled iris data, served on 127.0.0.1 while the run lasts).")
    var url: String?

    @OptionGroup var options: LocalRunOptions

    func run() async throws {
        let spec = try compiledTutorial()
        let options = self.options
        let record: LocalRun
        if let url {
            record = try await options.execute(spec, defaults: ["url": .string(url)])
        } else {
            let name = IrisTutorial.tarballName
            record = try await LoopbackFileServer.serving([name: IrisTutorial.tarball]) { base in
                try await options.execute(spec, defaults: ["url": .string(base.appendingPathComponent(name).absoluteString)])
            }
        }
        guard record.state == .succeeded else { throw ExitCode.failure }
        let report = try MergedCSVReport(run: record)
        if options.json {
            FileHandle.standardError.write(Data((report.text() + "\n").utf8))
        } else {
            print(report.text())
        }
    }
}

/// `iris-tutorial submit [--url URL] [--endpoint URL] [submit options]`: creates a run on a KFP
/// server (`--endpoint` or `KF_PIPELINES_ENDPOINT`). Without `--url` the bundled iris tarball is
/// served on 127.0.0.1 until the run ends (so the server must run on this machine, as `kfp server`
/// does); the command then waits for the run.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Run the pipeline on a KFP server and print the run with its tasks.")

    @Option(help: "The tarball to download (default: the bundled iris data, served on 127.0.0.1 until the run ends).")
    var url: String?

    @OptionGroup var options: SubmitOptions

    func run() async throws {
        let spec = try compiledTutorial()
        let options = self.options
        let run: Run
        if let url {
            run = try await options.submit(spec, defaults: ["url": .string(url)])
        } else {
            let name = IrisTutorial.tarballName
            run = try await LoopbackFileServer.serving([name: IrisTutorial.tarball]) { base in
                try await options.submit(spec, defaults: ["url": .string(base.appendingPathComponent(name).absoluteString)], wait: true)
            }
        }
        if (options.watch || url == nil), run.state != .succeeded { throw ExitCode.failure }
    }
}
