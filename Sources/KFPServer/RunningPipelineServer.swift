public import Foundation

/// A ``PipelineServer`` serving in a background task of this process (an app embedding the server, a
/// test, a benchmark), made by ``PipelineServer/start()``.
///
/// ```swift
/// let server = try await PipelineServer(options: ServerOptions(port: 0, dataFolder: folder)).start()
/// print(server.endpoint)   // http://127.0.0.1:41873
/// await server.stop()
/// ```
public struct RunningPipelineServer: Sendable {
    /// The bound port (the free one picked when the options ask for port 0).
    public let port: Int
    /// `http://<host>:<port>`; `127.0.0.1` when the server listens on every address.
    public let endpoint: URL
    private let task: Task<Void, any Error>

    init(port: Int, endpoint: URL, task: Task<Void, any Error>) {
        self.port = port
        self.endpoint = endpoint
        self.task = task
    }

    /// Stops the server (runs in progress end as after a restart) and waits until it has.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

extension PipelineServer {
    /// Starts serving in a background task and returns once the address is bound.
    ///
    /// - Throws: the server's own error (``ServerStartError`` for a data folder, database or
    ///   address it cannot use) when it stops before listening.
    public func start() async throws -> RunningPipelineServer {
        let (ports, sink) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { sink.finish() }
            try await run { port in sink.yield(port) }
        }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        let host = ["0.0.0.0", "::", ""].contains(options.host) ? "127.0.0.1" : options.host
        guard port > 0, let endpoint = URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)") else {
            task.cancel()
            try await task.value
            throw ServerStartError(message: "the server stopped before listening on \(options.host):\(options.port)")
        }
        return RunningPipelineServer(port: port, endpoint: endpoint, task: task)
    }
}
