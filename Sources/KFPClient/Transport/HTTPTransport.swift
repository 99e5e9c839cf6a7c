import AsyncHTTPClient
import Foundation
import KFPAPI
import KFPSpec
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends ``APIRequest``s with AsyncHTTPClient the way `kfp.Client` does, and turns answers into JSON
/// or ``PipelineClientError``.
///
/// Headers on every request: `Accept: application/json`, `Accept-Encoding: identity`,
/// `User-Agent: swift-kfp-client`, `Content-Type: application/json` unless multipart (also on
/// body-less calls, as kfp sends it), `Authorization: Bearer <token>` and `Cookie` when configured.
/// Body-less POSTs send `Content-Length: 0`; GET and DELETE send no length.
struct HTTPTransport: Sendable {
    /// The largest response body read, in bytes.
    static let maximumResponseBytes = 256 << 20

    let client: HTTPClient
    /// Whether ``shutdown()`` closes ``client`` (false for a client the caller passed in).
    let ownsClient: Bool
    let configuration: PipelineClient.Configuration

    /// A transport with its own `HTTPClient` on the shared event loop group; connection retries are
    /// done here, not in the pool, so they follow ``PipelineClient/Configuration/connectionRetries``.
    init(configuration: PipelineClient.Configuration) {
        var settings = HTTPClient.Configuration()
        settings.connectionPool.retryConnectionEstablishment = false
        settings.timeout.connect = Self.amount(configuration.requestTimeout)
        self.init(
            client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings), ownsClient: true,
            configuration: configuration)
    }

    init(client: HTTPClient, ownsClient: Bool, configuration: PipelineClient.Configuration) {
        self.client = client
        self.ownsClient = ownsClient
        self.configuration = configuration
    }

    func shutdown() async throws {
        guard ownsClient else { return }
        do {
            try await client.shutdown()
        } catch let error as HTTPClientError where error == .alreadyShutdown {
            return
        }
    }

    /// Sends `request` and returns the answer's JSON (`{}` for an empty body).
    ///
    /// - Parameter deadline: an outer limit (e.g. of ``PipelineClient/waitForRun(id:timeout:pollInterval:onUpdate:)``)
    ///   that shortens the request timeout.
    /// - Throws: ``PipelineClientError``: with the HTTP status for a non-2xx answer; without one for a
    ///   connection error after the retries, a timeout, or a 2xx body that is not JSON.
    func send(_ request: APIRequest, deadline: ContinuousClock.Instant? = nil) async throws -> JSONValue {
        let http = try httpRequest(request)
        var attempt = 0
        while true {
            var timeout = configuration.requestTimeout
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                timeout = min(timeout, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18)
                if timeout <= 0 { throw Self.timedOut(request, after: 0) }
            }
            do {
                let response = try await client.execute(http, timeout: Self.amount(timeout))
                let buffer = try await response.body.collect(upTo: Self.maximumResponseBytes)
                return try ResponseDecoder.decode(
                    status: Int(response.status.code), reason: response.status.reasonPhrase,
                    contentType: response.headers.first(name: "content-type"), body: Data(buffer.readableBytesView),
                    request: request)
            } catch let error as PipelineClientError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                if Self.isTimeout(error) { throw Self.timedOut(request, after: timeout) }
                guard Self.isConnectionError(error, method: request.method) else {
                    throw PipelineClientError(message: "\(request.summary) failed: \(error)")
                }
                guard attempt < configuration.connectionRetries else {
                    throw PipelineClientError(
                        message:
                            "cannot connect to the KFP API at \(configuration.endpoint.absoluteString): \(Self.describe(error))"
                            + (attempt > 0 ? " (tried \(attempt + 1) times)" : ""))
                }
                attempt += 1
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    private func httpRequest(_ request: APIRequest) throws -> HTTPClientRequest {
        var base = configuration.endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let query = request.query.isEmpty ? "" : "?" + QueryString.encode(request.query)
        var http = HTTPClientRequest(url: base + request.path + query)
        http.method = HTTPMethod(rawValue: request.method.rawValue)
        http.headers.add(name: "User-Agent", value: "swift-kfp-client")
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "Accept-Encoding", value: "identity")
        if let token = configuration.token { http.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let cookies = configuration.cookies { http.headers.add(name: "Cookie", value: cookies) }
        switch request.body {
        case .none:
            http.headers.add(name: "Content-Type", value: "application/json")
        case .json(let value):
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(ByteBuffer(string: value.compactJSON()))
        case .multipart(let data, let boundary):
            http.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            http.body = .bytes(ByteBuffer(bytes: data))
        }
        return http
    }

    /// Whether `error` happened before the server could answer, so a retry cannot repeat an effect.
    /// A connection closed without an answer counts only for GET and DELETE.
    static func isConnectionError(_ error: any Error, method: APIRequest.Method) -> Bool {
        switch error {
        case is NIOConnectionError: return true
        case let error as IOError:
            return [ECONNREFUSED, ECONNRESET, ENETUNREACH, EHOSTUNREACH, ECONNABORTED].contains(error.errnoCode)
        case ChannelError.connectTimeout: return true
        case let error as HTTPClientError:
            if error == .connectTimeout { return true }
            return error == .remoteConnectionClosed && (method == .GET || method == .DELETE)
        default: return false
        }
    }

    /// Whether `error` is a request timeout.
    static func isTimeout(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return error == .deadlineExceeded || error == .readTimeout
    }

    /// `GET /apis/v2beta1/runs/x got no answer within 30 s` (status nil).
    static func timedOut(_ request: APIRequest, after seconds: TimeInterval) -> PipelineClientError {
        PipelineClientError(message: "\(request.summary) got no answer within \(seconds.secondsText) s")
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return "\(first.error)"
        }
        return "\(error)"
    }

    static func amount(_ seconds: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64(Swift.max(0.001, seconds.clampedSeconds) * 1e9))
    }
}

extension TimeInterval {
    /// `30`, `0.5`: whole numbers without a fraction, others as written.
    var secondsText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }

    /// This many seconds made safe for `Duration`: 0…10⁹, NaN and negatives as 0, +∞ as 10⁹.
    var clampedSeconds: Double {
        guard isFinite else { return self > 0 ? 1e9 : 0 }
        return Swift.min(Swift.max(0, self), 1e9)
    }
}
