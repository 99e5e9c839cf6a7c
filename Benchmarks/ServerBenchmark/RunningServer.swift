import Foundation
import KFPServer

/// A `KFPServer` serving in this process on a free port over a given data folder.
struct RunningServer {
    let port: Int
    let task: Task<Void, any Error>

    /// Starts the server and waits until it listens.
    ///
    /// - Throws: ``BenchmarkError`` carrying the server's own error when it stops before listening.
    static func start(dataFolder: URL, maxParallelRuns: Int = 4) async throws -> RunningServer {
        let options = ServerOptions(host: "127.0.0.1", port: 0, dataFolder: dataFolder, maxParallelRuns: maxParallelRuns)
        let server = KFPServer(options: options)
        let (ports, sink) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { sink.finish() }
            try await server.run { port in sink.yield(port) }
        }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        guard port > 0 else {
            task.cancel()
            do {
                try await task.value
            } catch {
                throw BenchmarkError("the server did not start over \(dataFolder.path): \(error)")
            }
            throw BenchmarkError("the server did not start over \(dataFolder.path)")
        }
        return RunningServer(port: port, task: task)
    }

    /// Cancels the server and waits until it has stopped.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
