import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a task's program on this machine with swift-subprocess: argv as resolved, the task's
/// environment, the task folder as working directory, stdout and stderr into the task's log file.
/// Cancelling the Swift task stops the program and everything it started (its own process
/// group: SIGTERM to the group, then SIGKILL after 5 s).
struct SubprocessLauncher: Sendable {
    /// The exit status, or a launch failure.
    enum Outcome: Sendable {
        case exited(Int32)
        case signaled(Int32)
        case couldNotLaunch(String)
    }

    func launch(argv: [String], environment: [String: String], workingDirectory: URL, log: URL) async -> Outcome {
        guard let program = argv.first else { return .couldNotLaunch("the command is empty") }
        let logDescriptor: FileDescriptor
        do {
            logDescriptor = try FileDescriptor.open(
                FilePath(log.path), .writeOnly, options: [.append, .create], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            return .couldNotLaunch("cannot open the log file \(log.path): \(error)")
        }
        defer { try? logDescriptor.close() }
        // stderr goes to the same log through a second descriptor (swift-subprocess 1.0.2's
        // `.combinedWithOutput` leaks one descriptor per process).
        let errorDescriptor: FileDescriptor
        do {
            errorDescriptor = try logDescriptor.duplicate()
        } catch {
            return .couldNotLaunch("cannot duplicate the log descriptor: \(error)")
        }
        defer { try? errorDescriptor.close() }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        var keys: [Environment.Key: String] = [:]
        for (key, value) in environment { keys[Environment.Key(stringLiteral: key)] = value }
        // Each program leads its own process group, so cancelling stops the programs it started too:
        // SIGTERM to the whole group, then SIGKILL after 5 s.
        var platform = PlatformOptions()
        platform.processGroupID = 0
        platform.teardownSequence = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(5))
        ]
        do {
            let result = try await Subprocess.run(
                executable,
                arguments: Arguments(Array(argv.dropFirst())),
                environment: .custom(keys),
                workingDirectory: FilePath(workingDirectory.path),
                platformOptions: platform,
                output: .fileDescriptor(logDescriptor, closeAfterSpawningProcess: false),
                error: .fileDescriptor(errorDescriptor, closeAfterSpawningProcess: false)
            )
            switch result.terminationStatus {
            case .exited(let code): return .exited(code)
            case .signaled(let signal): return .signaled(signal)
            }
        } catch {
            return .couldNotLaunch("cannot start '\(program)': \(error)")
        }
    }
}
