import ArgumentParser
import Foundation
import KFPSpec

/// `kfp spec`: load, validate and print pipeline specs and components.
struct SpecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Check and print KFP pipeline specs (IR) and components (v1 and v2).",
        subcommands: [SpecCheckCommand.self, SpecPrintCommand.self]
    )
}

/// `kfp spec check FILE...`.
struct SpecCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate each file; print 'FILE: ok (KIND)' or its errors as 'FILE:LINE:COL: error: MESSAGE'.",
        discussion: "Exits 0 only if every file is valid. A file is a pipeline (IR), a v2 component or a v1 component.yaml."
    )

    @Argument(help: "Pipeline or component files (YAML or JSON).")
    var files: [String]

    func run() async throws {
        var failures = 0
        for file in files {
            switch SpecFileReader().check(file) {
            case .success(let loaded):
                print("\(file): ok (\(loaded.kind.rawValue))")
            case .failure(let error):
                failures += 1
                for diagnostic in error.diagnostics { print(diagnostic) }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

/// `kfp spec print FILE [--format yaml|json] [--to-ir [--catalog DIR] [--no-fetch]]`.
struct SpecPrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a spec in canonical form (v1 container components converted to the v2 component form).",
        discussion: """
            Keys are sorted and ambiguous strings quoted; loading the output gives the same spec. v1 graph \
            components print in their v1 form, or converted to a pipeline (IR) with --to-ir: each componentRef \
            resolves to its inline spec, a --catalog component, or the file or URL it names.
            """
    )

    @Argument(help: "A pipeline or component file.")
    var file: String

    @Option(help: "Output format: yaml or json.")
    var format: SpecWriter.Format = .yaml

    @Flag(name: .customLong("to-ir"), help: "Convert a v1 graph component to a pipeline (IR).")
    var toIR = false

    @Option(
        help: ArgumentHelp(
            "With --to-ir: a folder of v1 component files that references may name, by their metadata.annotations.canonical_location or their path.",
            valueName: "DIR"))
    var catalog: String?

    @Flag(name: .customLong("no-fetch"), help: "With --to-ir: do not fetch http(s) references missing from the catalog.")
    var noFetch = false

    func validate() throws {
        if !toIR, catalog != nil || noFetch {
            throw ValidationError("--catalog and --no-fetch need --to-ir")
        }
    }

    func run() async throws {
        switch SpecFileReader().check(file) {
        case .failure(let error):
            printError(error.description)
            throw ExitCode.failure
        case .success(let loaded):
            do {
                let printer = SpecPrinter()
                if toIR {
                    let folder = catalog.map { URL(fileURLWithPath: $0) }
                    print(try await printer.irText(of: loaded, catalogFolder: folder, fetchURLs: !noFetch, format: format), terminator: "")
                } else {
                    print(try printer.canonicalText(of: loaded, format: format), terminator: "")
                }
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
    }
}

extension SpecWriter.Format: ExpressibleByArgument {}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
