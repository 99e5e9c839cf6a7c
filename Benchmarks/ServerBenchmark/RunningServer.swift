import Foundation
import KFPServer

/// A `PipelineServer` serving in this process on a free port over a given data folder.
struct RunningServer {
    let server: RunningPipelineServer
    var port: Int { server.port }

    /// Starts the server and waits until it listens.
    ///
    /// - Throws: ``BenchmarkError`` carrying the server's own error when it stops before listening.
    static func start(dataFolder: URL, maxParallelRuns: Int = 4) async throws -> RunningServer {
        let options = ServerOptions(host: "127.0.0.1", port: 0, dataFolder: dataFolder, maxParallelRuns: maxParallelRuns)
        do {
            return RunningServer(server: try await PipelineServer(options: options).start())
        } catch {
            throw BenchmarkError("the server did not start over \(dataFolder.path): \(error)")
        }
    }

    /// Stops the server and waits until it has stopped.
    func stop() async {
        await server.stop()
    }
}
