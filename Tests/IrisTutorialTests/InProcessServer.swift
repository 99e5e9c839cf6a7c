import Foundation
import KFPServer

/// A `kfp server` in this process on a free port, for the tests that submit the main job to it.
struct InProcessServer {
    /// `http://127.0.0.1:<port>`.
    let endpoint: String
    private let serving: Task<Void, any Error>

    /// Starts a server with its data under `dataFolder` and waits until it listens.
    static func start(dataFolder: URL) async -> InProcessServer {
        let (ports, sink) = AsyncStream<Int>.makeStream()
        let server = KFPServer(options: ServerOptions(port: 0, dataFolder: dataFolder))
        let serving = Task {
            defer { sink.finish() }
            try await server.run { port in sink.yield(port) }
        }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        return InProcessServer(endpoint: "http://127.0.0.1:\(port)", serving: serving)
    }

    /// Stops the server and waits until it has.
    func stop() async {
        serving.cancel()
        _ = try? await serving.value
    }
}
