import Foundation
import KFPSpec
#if canImport(Glibc)
import Glibc
#endif

/// A warm Python process per managed environment that forks one child per lightweight Python
/// task, so a task no longer pays for interpreter start-up and `import kfp` (about 0.3 s).
///
/// Each task still runs as its own process, with its own working directory, environment, log,
/// process group and a fresh copy of its source file, running `kfp.dsl.executor_main` with the
/// same arguments as KFP's launch script. Only the exact launch script KFP 2.x writes takes this
/// path (``matches(_:)``); anything else is spawned normally.
final class PythonForkServer: @unchecked Sendable {
    // Immutable after start, except `process`, which only `stop()` touches.
    let socketPath: String
    private let process: Process

    /// The launch script of KFP 2.x lightweight components, with runs of whitespace collapsed.
    static let launchScript = #"program_path=$(mktemp -d) printf "%s" "$0" > "$program_path/ephemeral_component.py" _KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@""#

    /// `true` when `argv` is `sh -ec <KFP launch script> <source> ARGS...`.
    static func matches(_ argv: [String]) -> Bool {
        guard argv.count >= 4, argv[0] == "sh", argv[1] == "-ec" else { return false }
        return argv[2].split(whereSeparator: \.isWhitespace).joined(separator: " ") == launchScript
    }

    /// Starts the server with the environment's interpreter; waits (at most 60 s) until it listens.
    init(environment folder: URL, variables: [String: String]) throws(TaskFailure) {
        let script = folder.appendingPathComponent("kfp_fork_server.py")
        socketPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("kfp-fork-\(UUID().uuidString.prefix(12)).sock").path
        process = Process()
        do {
            try ForkServerScript.source.write(to: script, atomically: true, encoding: .utf8)
            process.executableURL = folder.appendingPathComponent("bin/python3")
            process.arguments = [script.path, socketPath]
            process.environment = variables
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch {
            throw TaskFailure("cannot start the Python fork server in \(folder.path): \(error)")
        }
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw TaskFailure("the Python fork server in \(folder.path) did not start (is kfp installed there?)")
            }
            usleep(5_000)
        }
    }

    /// Stops the server (running tasks are not affected: they are separate processes).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    /// Runs one task: `argv` is `sh -ec <launch script> <source> ARGS...`.
    func run(argv: [String], environment: [String: String], workingDirectory: URL, log: URL) async -> SubprocessLauncher.Outcome {
        let request: JSONValue = .object([
            "cwd": .string(workingDirectory.path), "log": .string(log.path), "source": .string(argv[3]),
            "args": .array(argv.dropFirst(4).map(JSONValue.string)),
            "env": .object(environment.mapValues(JSONValue.string)),
        ])
        let connection: ForkServerConnection
        do {
            connection = try ForkServerConnection(path: socketPath)
            try connection.send(Data(request.compactJSON().utf8))
        } catch {
            return .couldNotLaunch("the Python fork server did not take the task: \(error)")
        }
        defer { connection.close() }
        return await withTaskCancellationHandler {
            guard let started = await connection.readLine(), started.hasPrefix("pid "),
                let pid = Int32(started.dropFirst(4))
            else { return .couldNotLaunch("the Python fork server could not start the task") }
            connection.childGroup = pid
            guard let ended = await connection.readLine() else {
                return .couldNotLaunch("the Python fork server stopped while the task ran")
            }
            if ended.hasPrefix("exit "), let code = Int32(ended.dropFirst(5)) { return .exited(code) }
            if ended.hasPrefix("signal "), let signal = Int32(ended.dropFirst(7)) { return .signaled(signal) }
            return .couldNotLaunch("unexpected answer from the Python fork server: \(ended)")
        } onCancel: {
            connection.terminateChild()
        }
    }
}
