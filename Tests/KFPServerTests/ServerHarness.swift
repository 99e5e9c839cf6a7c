import Foundation
import KFPAPI
import KFPServer
import KFPSpec
import KFPTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `PipelineServer` running in this process on a free port with a fresh data folder, and a small
/// JSON HTTP client for it.
struct ServerHarness: Sendable {
    let base: URL
    let dataFolder: URL
    let server: RunningPipelineServer

    /// Starts a server and waits until it listens.
    static func start(_ configure: @Sendable (inout ServerOptions) -> Void = { _ in }) async throws -> ServerHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-server-test-\(UUID().uuidString)")
        var options = ServerOptions(port: 0, dataFolder: folder, maxParallelRuns: 4)
        configure(&options)
        let server = try await PipelineServer(options: options).start()
        return ServerHarness(base: server.endpoint, dataFolder: folder, server: server)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: dataFolder)
    }

    var client: TestClient { TestClient(base: base) }
}

/// A small JSON HTTP client for a server under test.
struct TestClient: Sendable {
    let base: URL
    var session: URLSession = .shared

    /// Sends a request; returns the HTTP status and the body parsed as JSON (`.null` when not JSON).
    func call(_ method: String, _ path: String, body: JSONValue? = nil, headers: [String: String] = [:]) async throws -> (Int, JSONValue) {
        let (status, data) = try await raw(method, path, body: body.map { Data($0.compactJSON().utf8) }, headers: headers)
        return (status, (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null)
    }

    func raw(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, Data) {
        guard let url = URL(string: base.absoluteString + path) else { throw HarnessError(message: "bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

extension TestClient {
    /// Polls `GET /runs/{id}` every 100 ms until its state is one of `states` (at most 60 s).
    func waitForState(_ id: String, _ states: Set<String>, headers: [String: String] = [:]) async throws -> JSONValue {
        for _ in 0..<600 {
            let (_, run) = try await call("GET", "/apis/v2beta1/runs/\(id)", headers: headers)
            if let state = run["state"]?.stringValue, states.contains(state) { return run }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError(message: "run \(id) did not reach \(states) within 60 s")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
