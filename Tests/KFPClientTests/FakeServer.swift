import Foundation
import HTTPTypes
import Hummingbird
import KFPClient
import Logging
import NIOCore

/// One request as a fake server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// The path without the query, e.g. `/apis/v2beta1/runs/r1`.
    var path: String
    /// The raw (still encoded) query, e.g. `page_token=&page_size=20&sort_by=`; nil when absent.
    var query: String?
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: Data
    /// When it arrived.
    var time: ContinuousClock.Instant

    /// `GET /path?query`.
    var line: String { "\(method) \(path)" + (query.map { "?\($0)" } ?? "") }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What a fake server answers.
struct FakeAnswer: Sendable {
    var status: Int = 200
    var body: String = "{}"
    var contentType = "application/json"
    /// Seconds to wait before answering (to play a hung server).
    var delay: TimeInterval = 0

    static func json(_ body: String, status: Int = 200) -> FakeAnswer { FakeAnswer(status: status, body: body) }

    /// A run in `state`, as the KFP server writes it.
    static func run(_ id: String, _ state: String) -> FakeAnswer {
        .json(#"{"run_id": "\#(id)", "display_name": "r", "state": "\#(state)", "created_at": "2024-05-01T12:00:00Z"}"#)
    }
}

/// The requests a fake server received, in order.
actor RequestLog {
    private(set) var requests: [RecordedRequest] = []

    /// Records `request` and returns its 0-based position.
    func add(_ request: RecordedRequest) -> Int {
        requests.append(request)
        return requests.count - 1
    }

    var lines: [String] { requests.map(\.line) }
}

/// A tiny Hummingbird app on a free loopback port that records every request and answers with
/// `answer(request, index)`: the stand-in for a KFP server whose answers a test controls.
struct FakeServer: Sendable {
    let endpoint: URL
    let log: RequestLog

    /// Serves while `body` runs, with a client configured by `configure`; shuts everything down after.
    static func with<T: Sendable>(
        client configure: @Sendable (inout PipelineClient.Configuration) -> Void = { _ in },
        answer: @escaping @Sendable (RecordedRequest, Int) -> FakeAnswer,
        _ body: (PipelineClient, FakeServer) async throws -> T
    ) async throws -> T {
        let log = RequestLog()
        let responder = CallbackResponder { (request: Request, _: BasicRequestContext) -> Response in
            let buffer = try await request.body.collect(upTo: 64 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let recorded = RecordedRequest(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query, headers: headers,
                body: Data(buffer.readableBytesView), time: ContinuousClock.now)
            let index = await log.add(recorded)
            let reply = answer(recorded, index)
            if reply.delay > 0 { try? await Task.sleep(for: .seconds(reply.delay)) }
            var fields = HTTPFields()
            fields[.contentType] = reply.contentType
            return Response(
                status: HTTPResponse.Status(code: reply.status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let (ports, sink) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "fake-kfp")
        logger.logLevel = .critical
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in sink.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let task = Task {
            defer { sink.finish() }
            try await app.runService()
        }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        guard port > 0, let endpoint = URL(string: "http://127.0.0.1:\(port)") else {
            task.cancel()
            throw PipelineClientError(message: "the fake server did not start")
        }
        var configuration = PipelineClient.Configuration(endpoint: endpoint, requestTimeout: 10, connectionRetries: 0)
        configure(&configuration)
        let client = PipelineClient(configuration: configuration)
        let server = FakeServer(endpoint: endpoint, log: log)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(client, server))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        task.cancel()
        _ = try? await task.value
        return try result.get()
    }
}
