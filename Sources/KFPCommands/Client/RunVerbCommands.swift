import ArgumentParser
import Foundation
import KFPAPI
import KFPClient

/// The run verbs that take a run id and print one line: delete, archive, unarchive, terminate, retry.
extension RunCommand {
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a run.")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.deleteRun(id: runID) }
            print("Deleted run \(runID).")
        }
    }

    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive a run.")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.archiveRun(id: runID) }
            print("Archived run \(runID).")
        }
    }

    struct Unarchive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unarchive a run.")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.unarchiveRun(id: runID) }
            print("Unarchived run \(runID).")
        }
    }

    struct Terminate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a running run (it ends CANCELED).")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.terminateRun(id: runID) }
            print("Terminating run \(runID).")
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a FAILED or CANCELED run again; finished tasks come from the cache.")
        @Argument(help: "The run id.") var runID: String
        @OptionGroup var connection: ConnectionOptions
        func run() async throws {
            try await connection.withClient { try await $0.retryRun(id: runID) }
            print("Retrying run \(runID).")
        }
    }
}

/// Prints each task's state when it changes while `kfp run create --watch` waits.
actor TaskStateWatcher {
    let format: OutputFormat
    private var seen: [String: RuntimeState] = [:]
    private var runState: RuntimeState?

    init(format: OutputFormat) {
        self.format = format
    }

    func show(_ run: Run) {
        guard format == .table else { return }
        for task in run.runDetails?.taskDetails ?? [] where seen[task.taskID] != task.state {
            seen[task.taskID] = task.state
            print("  \(task.displayName): \(task.state.rawValue)")
        }
        if runState != run.state {
            runState = run.state
            print("run \(run.state.rawValue)")
        }
    }
}
