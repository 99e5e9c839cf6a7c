public import Foundation
import Hummingbird
import Logging
import NIOCore

/// A small HTTP server on 127.0.0.1 that serves a few files for the time of one operation, so a
/// pipeline's download step can fetch data without the internet.
public enum LoopbackFileServer {
    /// A failure to start the server.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The port tried first, so that repeated runs download from the same URL (and the download
    /// step's cache key stays the same); a free port is used when it is taken.
    public static let preferredPort = 47_383

    /// Serves `files` (URL path component → file on disk) on 127.0.0.1 (or `address`, such as
    /// the address other machines reach this one at) while `body` runs, then stops. `body`
    /// receives the base URL (`http://127.0.0.1:PORT/`), on `port` (``preferredPort`` unless given;
    /// 0 for any free port) when it is free.
    ///
    /// - Throws: ``StartError`` when a file cannot be read or the server cannot listen on
    ///   the address; whatever `body` throws. Waits for the server to listen without a time limit (a
    ///   loaded machine may take long to schedule it; binding itself either succeeds or fails).
    public static func serving<Result: Sendable>(
        _ files: [String: URL], address: String = "127.0.0.1", port: Int = preferredPort,
        _ body: @Sendable (URL) async throws -> Result
    ) async throws -> Result {
        var contents: [String: Data] = [:]
        for (name, url) in files {
            guard let data = try? Data(contentsOf: url) else {
                throw StartError(description: "\(url.path): cannot read the file to serve")
            }
            contents[name] = data
        }
        do {
            return try await serve(contents, address: address, port: port, body)
        } catch is PortTaken {
            return try await serve(contents, address: address, port: 0, body)
        }
    }

    private struct PortTaken: Error {}

    private static func serve<Result: Sendable>(
        _ contents: [String: Data], address: String, port requested: Int, _ body: @Sendable (URL) async throws -> Result
    ) async throws -> Result {
        let router = Router()
        for (name, data) in contents {
            router.get(RouterPath(name)) { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "application/octet-stream"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname(address, port: requested)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
            },
            logger: Logger(label: "swift-kfp.loopback-file-server", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                do {
                    try await app.runService(gracefulShutdownSignals: [])
                } catch {
                    portSink.yield(-1)
                }
                portSink.finish()
                return nil
            }
            var port = 0
            for await value in ports {
                port = value
                break
            }
            defer { group.cancelAll() }
            if port == -1 { throw PortTaken() }
            guard port > 0, let base = URL(string: "http://\(address):\(port)/") else {
                throw StartError(description: "the loopback file server stopped before it served on \(address)")
            }
            return try await body(base)
        }
    }
}
