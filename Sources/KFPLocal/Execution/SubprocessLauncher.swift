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
        var keys: [Environment.Key: String] = [:]
        for (key, value) in environment { keys[Environment.Key(stringLiteral: key)] = value }
        let variables = Environment.custom(keys)
        // A bare name is looked up on PATH here, with the library's own rule (the first regular file
        // on the task's PATH we may execute). Handing `.name` to `run` instead makes swift-subprocess
        // try one spawn per PATH directory until one execs: with a long PATH, several failed spawns
        // per task.
        let resolved = program.contains("/") ? nil : Self.locate(program, path: environment["PATH"]).map { Executable.path($0) }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : resolved ?? .name(program)
        // Each program leads its own process group, so cancelling stops the programs it started too:
        // SIGTERM to the whole group, then SIGKILL after 5 s.
        var platform = PlatformOptions()
        platform.processGroupID = 0
        platform.teardownSequence = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(5))
        ]
        let group = ProcessGroup()
        func run(_ executable: Executable) async throws -> TerminationStatus {
            try await Subprocess.run(
                executable,
                arguments: Arguments(Array(argv.dropFirst())),
                environment: variables,
                workingDirectory: FilePath(workingDirectory.path),
                platformOptions: platform,
                input: .none,
                output: .fileDescriptor(logDescriptor, closeAfterSpawningProcess: false),
                error: .fileDescriptor(errorDescriptor, closeAfterSpawningProcess: false)
            ) { execution in
                group.leader = execution.processIdentifier.value
            }.terminationStatus
        }
        // The teardown ends when the program itself has exited; what it started and left behind
        // (a child that ignores SIGTERM, say) is killed with the rest of its group.
        defer { if Task.isCancelled { group.killAll() } }
        do {
            let status: TerminationStatus
            do {
                status = try await run(executable)
            } catch let error as SubprocessError where resolved != nil && error.code == .spawnFailed {
                // The file found on PATH would not exec (a noexec mount, say): search as the library
                // does, spawning each candidate in turn, so the outcome and message stay the library's.
                status = try await run(.name(program))
            }
            switch status {
            case .exited(let code): return .exited(code)
            case .signaled(let signal): return .signaled(signal)
            }
        } catch {
            return .couldNotLaunch("cannot start '\(program)': \(error)")
        }
    }

    /// The process group a program leads (its id is the program's pid), once it has started.
    final class ProcessGroup: @unchecked Sendable {
        private let lock = NSLock()
        private var id: pid_t = 0

        var leader: pid_t {
            get { lock.withLock { id } }
            set { lock.withLock { id = newValue } }
        }

        /// SIGKILL to every process left in the group.
        func killAll() {
            let group = leader
            if group > 0 { _ = kill(-group, SIGKILL) }
        }
    }

    /// Where `Executable.name(program)` would run: the first regular file named `program` this
    /// process may execute, in the absolute directories of `path` (the task's PATH, else this
    /// process's), as swift-subprocess 1.0.x resolves it. `nil` when nothing matches or no PATH is
    /// set (the library then searches and reports itself).
    static func locate(_ program: String, path: String?) -> FilePath? {
        guard let value = path ?? ProcessInfo.processInfo.environment["PATH"] else { return nil }
        for directory in value.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = FilePath(String(directory)).appending(program)
            let text = candidate.string
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: text)
            else { continue }
            return candidate
        }
        return nil
    }
}
