import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends requests to slurmrestd with AsyncHTTPClient: JWT authentication
/// (`X-SLURM-USER-NAME`, `X-SLURM-USER-TOKEN`), JSON bodies, a timeout per request. It knows
/// nothing of a REST version's paths or shapes (``SlurmAPIv0038`` does).
struct SlurmRESTClient: Sendable {
    /// The largest answer read, in bytes (a job list of a busy cluster stays far below).
    static let maximumResponseBytes = 64 << 20

    /// An answer: its HTTP status and body.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// `http://head:6820`, without a trailing slash.
    let baseURL: String
    let user: String
    let token: String
    let requestTimeout: Duration
    let http: HTTPClient

    init(url: URL, user: String, token: String, requestTimeout: Duration) {
        var base = url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
        self.user = user
        self.token = token
        self.requestTimeout = requestTimeout
        var settings = HTTPClient.Configuration()
        settings.timeout.connect = .seconds(Int64(max(1, requestTimeout.components.seconds)))
        settings.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
    }

    /// Closes the connections (once; later calls do nothing).
    func shutdown() async {
        try? await http.shutdown()
    }

    /// Sends `method path` with `body` (JSON) and returns the answer, whatever its status.
    ///
    /// - Throws: ``SlurmError`` of kind `.unanswered` when no answer came (naming the URL and the
    ///   reason), `.canceled` when the calling task was canceled.
    func send(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws(SlurmError) -> Response {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "X-SLURM-USER-NAME", value: user)
        request.headers.add(name: "X-SLURM-USER-TOKEN", value: token)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "swift-kfp-slurm")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let seconds = Double(requestTimeout.components.seconds) + Double(requestTimeout.components.attoseconds) * 1e-18
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Int64(seconds * 1e9)))
            let buffer = try await response.body.collect(upTo: Self.maximumResponseBytes)
            return Response(status: Int(response.status.code), body: Data(buffer.readableBytesView))
        } catch {
            let request = "\(method.rawValue) \(baseURL)\(path)"
            if Task.isCancelled { throw SlurmError(.canceled, "\(request) was canceled") }
            if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
                throw SlurmError(.timedOut, "\(request) got no answer within \(requestTimeout)")
            }
            throw SlurmError(.unanswered, "\(request) got no answer: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .connectTimeout { return "connection timed out" }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return "\(first.error)"
        }
        return "\(error)"
    }
}
