import Foundation
import KFPAPI
import KFPClient
import KFPServer
import KFPSpec
import Testing

/// A `KFPServer` running in this process on a free port with a fresh data folder, and a
/// ``KFPClient`` for it (adapted from the server tests' harness).
struct ClientHarness: Sendable {
    let client: KFPClient
    let base: URL
    let dataFolder: URL
    let task: Task<Void, any Error>

    /// Starts a server, runs `body` with it, then stops the server and shuts the client down.
    static func with<T: Sendable>(
        _ configure: @Sendable (inout ServerOptions) -> Void = { _ in },
        client configureClient: @Sendable (inout KFPClient.Configuration) -> Void = { _ in },
        _ body: (ClientHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(configure, client: configureClient)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    static func start(
        _ configure: @Sendable (inout ServerOptions) -> Void,
        client configureClient: @Sendable (inout KFPClient.Configuration) -> Void
    ) async throws -> ClientHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-client-test-\(UUID().uuidString)")
        var options = ServerOptions(port: 0, dataFolder: folder, maxParallelRuns: 4, maxParallelTasks: 4)
        configure(&options)
        let (ports, sink) = AsyncStream<Int>.makeStream()
        let server = KFPServer(options: options)
        let task = Task {
            defer { sink.finish() }
            try await server.run { port in sink.yield(port) }
        }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        guard port > 0, let base = URL(string: "http://127.0.0.1:\(port)") else {
            task.cancel()
            _ = try? await task.value
            throw KFPClientError(message: "the server did not start")
        }
        var configuration = KFPClient.Configuration(endpoint: base, requestTimeout: 20)
        configureClient(&configuration)
        return ClientHarness(client: KFPClient(configuration: configuration), base: base, dataFolder: folder, task: task)
    }

    func stop() async {
        try? await client.shutdown()
        task.cancel()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: dataFolder)
    }

    /// A file in a fresh temporary folder holding `contents`.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-client-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file)
        return file
    }
}

/// Collects an `AsyncThrowingStream` into an array.
func collect<Item>(_ stream: AsyncThrowingStream<Item, any Error>) async throws -> [Item] {
    var items: [Item] = []
    for try await item in stream { items.append(item) }
    return items
}

/// The error `body` throws, as a ``KFPClientError`` (a test failure when it throws nothing or another error).
func clientError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> some Sendable
) async -> KFPClientError? {
    do {
        _ = try await body()
        Issue.record("expected a KFPClientError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as KFPClientError {
        return error
    } catch {
        Issue.record("expected a KFPClientError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
