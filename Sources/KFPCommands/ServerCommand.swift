import ArgumentParser
import Foundation
import KFPLocal
import KFPServer
import KFPSlurm
import Logging

/// `kfp server`: a standalone KFP API server (v2beta1 REST, SQLite, local execution).
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Serve KFP's v2beta1 REST API on this machine: records in SQLite, runs executed locally.",
        discussion: """
            kfp.Client(host="http://127.0.0.1:8888") and `kfp` commands talk to it as to a KFP \
            installation. Runs that were unfinished when the server stopped are marked FAILED at the \
            next start; retry resumes them through the cache.
            """)

    @Option(help: "The address to bind (loopback by default).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0 picks a free one).")
    var port = 8888

    @Option(help: "The folder for the database (kfp.sqlite), pipeline roots, artifacts and logs.")
    var data = "kfp-server-data"

    @Option(help: "How many runs execute at the same time; the others wait as PENDING.")
    var maxParallelRuns = 4

    @Option(help: "Require 'Authorization: Bearer <token>' on every request.")
    var token: String?

    @Option(help: "The largest accepted pipeline upload, in bytes.")
    var maxUploadBytes = 32 << 20

    @Option(help: "The largest accepted run parameter value (as compact JSON), in bytes.")
    var maxParameterBytes = 1 << 20

    @Option(help: LauncherOption.help)
    var launcher: LauncherOption = .local(.subprocess)

    @OptionGroup(title: "Slurm (with --launcher slurm)")
    var slurm: SlurmOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0-65535, found \(port)") }
        guard maxParallelRuns >= 1 else { throw ValidationError("--max-parallel-runs must be at least 1, found \(maxParallelRuns)") }
        guard maxUploadBytes >= 1, maxParameterBytes >= 1 else { throw ValidationError("size limits must be at least 1 byte") }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
    }

    func run() async throws {
        let (kind, slurmLauncher) = try slurm.resolve(launcher)
        let options = ServerOptions(
            host: host, port: port, dataFolder: URL(fileURLWithPath: data), maxParallelRuns: maxParallelRuns,
            token: token, maxUploadBytes: maxUploadBytes, maxParameterBytes: maxParameterBytes,
            maxParallelTasks: slurmLauncher == nil ? ProcessInfo.processInfo.activeProcessorCount : SlurmOptions.defaultMaxParallel,
            launcher: kind)
        var logger = Logger(label: "kfp-server")
        logger.logLevel = .notice
        let host = self.host
        do {
            if let slurmLauncher { try await slurmLauncher.check() }
            try await PipelineServer(options: options, logger: logger).run { port in
                let line = "kfp server: listening on http://\(host):\(port) (data in \(options.dataFolder.standardizedFileURL.path))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            await slurmLauncher?.shutdown()
        } catch let error as ServerStartError {
            // One line, no usage text: the arguments were fine, the data folder or address was not.
            await slurmLauncher?.shutdown()
            printError("error: \(error.message)")
            throw ExitCode.failure
        } catch let error as LocalRunError {
            await slurmLauncher?.shutdown()
            throw ValidationError(error.message)
        }
    }
}
