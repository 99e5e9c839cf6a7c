import Foundation
import KFP
import KFPCompiler
import KFPSpec

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// (6) List and get latency from a second process (wrk, Debian's `wrk` package) over a store of
/// 10,000 runs: first with the server idle, then while 20 runs execute (each a chain of short
/// `sleep` tasks, so tasks start, end and are recorded throughout). Prints p50/p99, requests per
/// second and errors of each, and the list's p99 under load over its idle p99 (goal: at most 3).
enum LoadBench {
    static let storedRuns = 10_000
    static let executingRuns = 20
    /// wrk's connections (one thread): a closed loop, so latency includes queueing at the server.
    static let connections = 4
    static let seconds = 10

    static func run(dataFolder: URL) async throws {
        guard let wrk = locate("wrk") else {
            print("(6) load: skipped, wrk is not installed (apt-get install wrk)")
            return
        }
        print("(6) load from wrk (\(connections) connections, \(seconds) s each) over \(storedRuns) stored runs; idle, then while \(executingRuns) runs execute")
        let first = try await RunningServer.start(dataFolder: dataFolder)
        await first.stop()
        _ = try Seeder(dataFolder: dataFolder, spec: try EchoPipeline.spec()).seed(count: storedRuns)
        let server = try await RunningServer.start(dataFolder: dataFolder, maxParallelRuns: executingRuns)
        let session = Client.makeSession(connections: executingRuns)
        let client = Client(port: server.port, session: session)
        do {
            let someRun = try await client.call("GET", "/runs?page_size=1")["runs"]?.arrayValue?.first?["run_id"]?.stringValue ?? ""
            let base = "http://127.0.0.1:\(server.port)/apis/v2beta1"
            let targets = [("list runs (page of 20)", "\(base)/runs?page_size=20"), ("get one run          ", "\(base)/runs/\(someRun)")]
            var idle: [WrkResult] = []
            for (_, url) in targets { idle.append(try await WrkResult.measure(wrk: wrk, url: url, connections: connections, seconds: seconds)) }
            let ids = try await startRuns(client)
            let runningBefore = try await running(client, ids)
            var loaded: [WrkResult] = []
            for (_, url) in targets { loaded.append(try await WrkResult.measure(wrk: wrk, url: url, connections: connections, seconds: seconds)) }
            let runningAfter = try await running(client, ids)
            print("    runs executing: \(runningBefore) of \(executingRuns) when the load began, \(runningAfter) when it ended")
            for (index, (label, _)) in targets.enumerated() {
                print("    \(label) idle        \(idle[index].summary)")
                print("    \(label) under load  \(loaded[index].summary)")
                print(String(format: "    %@ p99 under load / idle p99: %.2f (goal ≤ 3), p50 ratio %.2f",
                             label, loaded[index].p99 / idle[index].p99, loaded[index].p50 / idle[index].p50))
            }
            let errors = (idle + loaded).map(\.errors).reduce(0, +)
            print("    errors in all: \(errors)")
            for id in ids { _ = try? await client.fetch("POST", "/runs/\(id):terminate") }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        session.finishTasksAndInvalidate()
    }

    /// A chain of `sleep 0.5` tasks: runs that keep starting and finishing tasks for a minute
    /// (caching off: the tasks are alike, so the cache would serve all but the first).
    static func chainSpec(length: Int = 120) throws -> JSONValue {
        let nap = try Component.container(name: "nap", image: "alpine:3.19", command: ["sh", "-c", "sleep 0.5"])
        let pipeline = try Pipeline("load-chain") { p in
            var previous: PipelineTask?
            for _ in 0..<length {
                previous = p.task(nap, after: previous.map { [$0] } ?? [], options: TaskOptions(cachingEnabled: false))
            }
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }

    private static func startRuns(_ client: Client) async throws -> [String] {
        let spec = try chainSpec()
        var ids: [String] = []
        for index in 0..<executingRuns {
            let run = try await client.call("POST", "/runs", body: .object([
                "display_name": .string("load chain \(index)"), "pipeline_spec": spec,
                "runtime_config": .object(["pipeline_root": .string(FileManager.default.temporaryDirectory
                    .appendingPathComponent("kfp-load-\(UUID().uuidString)").path)]),
            ]))
            guard let id = run["run_id"]?.stringValue else { throw BenchmarkError("creating a load run returned no run_id") }
            ids.append(id)
        }
        for _ in 0..<100 where try await running(client, ids) < executingRuns {
            try await Task.sleep(for: .milliseconds(100))
        }
        if try await running(client, ids) < executingRuns {
            var states: [String: Int] = [:]
            var firstError = ""
            for id in ids {
                let run = try await client.call("GET", "/runs/\(id)")
                states[run["state"]?.stringValue ?? "?", default: 0] += 1
                if firstError.isEmpty, let message = run["error"]?["message"]?.stringValue { firstError = message }
            }
            print("    (not every load run is RUNNING after 10 s: \(states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))\(firstError.isEmpty ? "" : "; first error: \(firstError)"))")
        }
        return ids
    }

    /// How many of `ids` are RUNNING; a GET that fails is counted in `LoadBench.clientErrors` and
    /// printed, not thrown (the figures say how often).
    private static func running(_ client: Client, _ ids: [String]) async throws -> Int {
        var count = 0
        for id in ids {
            do {
                if try await client.call("GET", "/runs/\(id)")["state"]?.stringValue == "RUNNING" { count += 1 }
            } catch {
                print("    (URLSession client error while counting running runs: \(error))")
            }
        }
        return count
    }

    private static func locate(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// What one wrk run measured: its latency percentiles, throughput and errors.
struct WrkResult {
    var p50: Double
    var p99: Double
    var requests: Int
    var perSecond: Double
    /// Socket errors (connect, read, write, timeout) and responses other than 2xx/3xx.
    var errors: Int

    var summary: String {
        String(format: "p50 %7.3f ms   p99 %7.3f ms   %8.0f req/s   %d requests, %d errors", p50, p99, perSecond, requests, errors)
    }

    /// Runs `wrk --latency` against `url` and reads its report.
    /// The wait does not hold a thread: the server under test shares this process's thread pool.
    static func measure(wrk: String, url: String, connections: Int, seconds: Int) async throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t1", "-c\(connections)", "-d\(seconds)s", "--timeout", "10s", "--latency", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        // wrk's report is a few hundred bytes: it fits the pipe's buffer, so it is read after the exit.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw BenchmarkError("wrk exited \(process.terminationStatus): \(text)") }
        return try parse(text)
    }

    /// Reads wrk's report: `50%  1.23ms` lines, `N requests in`, `Socket errors: connect a, read b,
    /// write c, timeout d`, `Non-2xx or 3xx responses: n`, `Requests/sec: r`.
    static func parse(_ text: String) throws -> WrkResult {
        var percentiles: [String: Double] = [:]
        var result = WrkResult(p50: 0, p99: 0, requests: 0, perSecond: 0, errors: 0)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = fields.first else { continue }
            if first.hasSuffix("%"), fields.count == 2 { percentiles[first] = milliseconds(fields[1]) }
            if fields.count > 2, fields[1] == "requests", fields[2] == "in" { result.requests = Int(first) ?? 0 }
            if first == "Requests/sec:", fields.count == 2 { result.perSecond = Double(fields[1]) ?? 0 }
            if line.contains("Socket errors:") {
                result.errors += fields.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            }
            if line.contains("Non-2xx or 3xx responses:"), let count = fields.last.flatMap({ Int($0) }) { result.errors += count }
        }
        guard let p50 = percentiles["50%"], let p99 = percentiles["99%"] else { throw BenchmarkError("wrk printed no latency distribution: \(text)") }
        result.p50 = p50
        result.p99 = p99
        return result
    }

    /// `1.23ms`, `456.00us`, `1.05s` in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return nil
    }
}
