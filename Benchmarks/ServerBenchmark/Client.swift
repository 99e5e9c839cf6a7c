import Foundation
import KFPSpec

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Why the benchmark stopped: printed to standard error before exiting non-zero.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A small JSON client for the server under test over one shared `URLSession`.
struct Client: Sendable {
    let base: String
    let session: URLSession

    init(port: Int, session: URLSession) {
        base = "http://127.0.0.1:\(port)/apis/v2beta1"
        self.session = session
    }

    /// A session allowing one connection per concurrent client.
    static func makeSession(connections: Int) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }

    /// Sends a request; returns the body of an HTTP 200 response, or throws naming the status and body.
    func fetch(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> Data {
        guard let url = URL(string: base + path) else { throw BenchmarkError("bad URL \(base + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.compactJSON().utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw BenchmarkError("\(method) \(path.prefix(120)) failed: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw BenchmarkError("\(method) \(path.prefix(120)) returned HTTP \(status): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
        return data
    }

    /// Sends a request and returns the body parsed as `T`.
    func call<T: Decodable>(_ method: String, _ path: String, body: JSONValue? = nil, as type: T.Type = JSONValue.self) async throws -> T {
        let data = try await fetch(method, path, body: body)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw BenchmarkError("\(method) \(path.prefix(120)) returned an unexpected body: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
    }

    /// Milliseconds from sending a request to having its whole body (not parsed: the server's latency).
    func timed(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> (Double, Data) {
        let start = DispatchTime.now().uptimeNanoseconds
        let data = try await fetch(method, path, body: body)
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, data)
    }

    /// `warmups` untimed GETs of `path`, then the latencies of `count` timed ones, one after another.
    func latencies(of path: String, warmups: Int = 20, count: Int = 200) async throws -> Latency {
        for _ in 0..<warmups { _ = try await fetch("GET", path) }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for _ in 0..<count { samples.append(try await timed("GET", path).0) }
        return Latency(samples)
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

/// Percentiles of a set of latencies in milliseconds.
struct Latency {
    let sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }

    /// The nearest-rank percentile (`fraction` 0.5 for p50).
    func percentile(_ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var p50: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }

    var summary: String { String(format: "p50 %7.3f ms   p99 %7.3f ms", p50, p99) }
}

/// Only the paging fields of a list response (the walk to a deep page skips decoding the runs).
struct PageTail: Decodable {
    let nextPageToken: String?

    enum CodingKeys: String, CodingKey { case nextPageToken = "next_page_token" }
}

extension JSONValue {
    /// `self[key]` for an object.
    subscript(key: String) -> JSONValue? { objectValue?[key] }
}
