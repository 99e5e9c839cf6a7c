// PipelineServer benchmark over 100,000 stored runs:
//   (1) seeding 100,000 SUCCEEDED runs straight into SQLite (one transaction);
//   (2) list latency, first page versus a page at row 50,000 (ascending and `created_at desc`),
//       and getting one run by id: p50/p99 of 200 requests after 20 warm-ups;
//   (3) 50 concurrent clients each creating one run, then a check that none was lost.
// and, over a server of its own:
//   (4) run page of a 200-task pipeline (20 layers of 10 tasks in the root DAG): the run's time,
//       p50/p99 of 50 requests after 5 warm-ups of the run JSON, the HTML run page and the page
//       with a task's panel, and the page's load time in headless Chromium (see RunPageBench.swift);
//   (5) the compare page of 10 runs with metrics beside one run's JSON (ComparePageBench.swift).
//
// and (6) list and get latency from wrk, a second process, idle and while 20 runs execute (see
// LoadBench.swift).
//
//   swift run -c release ServerBenchmark        (1) to (6)
//   swift run -c release ServerBenchmark ui     (4) and (5) only
//   swift run -c release ServerBenchmark load   (6) only
import Foundation
import KFPSpec

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@main
struct ServerBench {
    static let seededRuns = 100_000
    static let pageSize = 20
    static let deepRow = 50_000
    static let creators = 50
    /// Rows per page while following tokens to the deep page (a token carries the order and the
    /// position, not the page size, so it then serves a page of 20 from the same row).
    static let walkPageSize = 200

    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count <= 1, arguments.allSatisfy({ $0 == "ui" || $0 == "load" }) else {
            FileHandle.standardError.write(Data("usage: ServerBenchmark [ui|load]   (no argument: every section; ui: (4) and (5); load: (6) only)\n".utf8))
            exit(2)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-server-bench-\(UUID().uuidString)")
        var failure: (any Error)?
        do {
            if arguments.isEmpty { try await run(dataFolder: folder.appendingPathComponent("store")) }
            if arguments.first != "load" { try await RunPageBench.run(dataFolder: folder.appendingPathComponent("run-page")) }
            if arguments.first != "ui" { try await LoadBench.run(dataFolder: folder.appendingPathComponent("load")) }
        } catch {
            failure = error
        }
        try? FileManager.default.removeItem(at: folder)
        if let failure {
            FileHandle.standardError.write(Data("ServerBenchmark: error: \(failure)\n".utf8))
            exit(1)
        }
    }

    static func run(dataFolder: URL) async throws {
        print("PipelineServer benchmark: \(seededRuns) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores, data in \(dataFolder.path)")

        // (1) Seeding: the server creates the schema and Default experiment, then rows go in directly.
        let first = try await RunningServer.start(dataFolder: dataFolder)
        await first.stop()
        let spec = try EchoPipeline.spec()
        let seeder = Seeder(dataFolder: dataFolder, spec: spec)
        var experimentID = ""
        let seeding = try seconds { experimentID = try seeder.seed(count: seededRuns) }
        print(String(format: "(1) seeded %d SUCCEEDED runs in one transaction: %.2f s (%.1f µs per run), experiment %@",
                     seededRuns, seeding, seeding * 1e6 / Double(seededRuns), experimentID))
        var restarted: RunningServer?
        let startup = try await asyncSeconds { restarted = try await RunningServer.start(dataFolder: dataFolder) }
        guard let server = restarted else { throw BenchmarkError("the server did not start") }
        print(String(format: "    server restarted over them on port %d in %.3f s", server.port, startup))

        let session = Client.makeSession(connections: creators)
        let client = Client(port: server.port, session: session)
        do {
            try await measureReads(client)
            try await measureCreates(client)
            print("    pipeline_specs rows: \(try seeder.count("pipeline_specs")) (seeded runs and created runs share the echo spec)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        session.finishTasksAndInvalidate()
    }

    /// (2) First page, a page at row 50,000 in both orders, and one run by id.
    static func measureReads(_ client: Client) async throws {
        print("(2) reads with \(seededRuns) runs stored, \(pageSize) per page; 200 requests each after 20 warm-ups")
        let firstPage = try await client.call("GET", "/runs?page_size=\(pageSize)")
        guard let total = firstPage["total_size"]?.numericValue, Int(total) == seededRuns else {
            throw BenchmarkError("listing runs reported total_size \(firstPage["total_size"]?.compactJSON() ?? "nil"), expected \(seededRuns)")
        }
        // Both orders' walks to row 50,000 at once (untimed set-up), then each measurement alone.
        let ascending = "", descending = "&sort_by=" + Client.escape("created_at desc")
        var tokens: [String] = []
        let walking = try await asyncSeconds {
            async let up = walk(client, from: "/runs?page_size=\(walkPageSize)\(ascending)", pages: deepRow / walkPageSize)
            async let down = walk(client, from: "/runs?page_size=\(walkPageSize)\(descending)", pages: deepRow / walkPageSize)
            tokens = try await [up, down]
        }
        print(String(format: "    row %d reached in both orders by following next_page_token through %d pages of %d (both at once): %.1f s",
                     deepRow, deepRow / walkPageSize, walkPageSize, walking))
        var someRunID = ""
        for (label, sort, token, expectedName) in [
            ("created_at asc ", ascending, tokens[0], String(format: "echo-nightly-%06d", deepRow + 1)),
            ("created_at desc", descending, tokens[1], String(format: "echo-nightly-%06d", seededRuns - deepRow)),
        ] {
            let firstPath = "/runs?page_size=\(pageSize)\(sort)"
            let deepPath = firstPath + "&page_token=" + Client.escape(token)
            let runs = try await client.call("GET", deepPath)["runs"]?.arrayValue ?? []
            guard runs.count == pageSize, runs.first?["display_name"]?.stringValue == expectedName,
                  let id = runs.first?["run_id"]?.stringValue
            else {
                throw BenchmarkError("the page at row \(deepRow) (\(label)) starts with \(runs.first?["display_name"]?.compactJSON() ?? "nothing"), expected \(expectedName)")
            }
            someRunID = id
            let top = try await client.latencies(of: firstPath)
            let deep = try await client.latencies(of: deepPath)
            print(String(format: "    %@ first page              %@", label, top.summary))
            print(String(format: "    %@ page %d (row %d)  %@   deep/first: p50 %.2f, p99 %.2f",
                         label, deepRow / pageSize + 1, deepRow, deep.summary, deep.p50 / top.p50, deep.p99 / top.p99))
        }
        let get = try await client.latencies(of: "/runs/\(someRunID)")
        print(String(format: "    get one run by id                         %@", get.summary))
    }

    /// Follows `next_page_token` `pages` times from `path`; returns the token of the page reached.
    static func walk(_ client: Client, from path: String, pages: Int) async throws -> String {
        var token = ""
        for page in 0..<pages {
            let current = token.isEmpty ? path : path + "&page_token=" + Client.escape(token)
            guard let next = try await client.call("GET", current, as: PageTail.self).nextPageToken, !next.isEmpty else {
                throw BenchmarkError("page \(page + 1) of \(path) has no next_page_token")
            }
            token = next
        }
        return token
    }

    /// (3) 50 clients each create one run at once; then every run must be found by name.
    static func measureCreates(_ client: Client) async throws {
        let spec = try EchoPipeline.spec()
        let batch = UUID().uuidString.prefix(8).lowercased()
        let names = (1...creators).map { String(format: "bench-create-%@-%02d", batch, $0) }
        var results: [(name: String, id: String, milliseconds: Double)] = []
        let wall = try await asyncSeconds {
            try await withThrowingTaskGroup(of: (String, String, Double).self) { group in
                for name in names {
                    group.addTask {
                        let body = JSONValue.object([
                            "display_name": .string(name), "pipeline_spec": spec,
                            "runtime_config": .object(["parameters": .object(["text": .string(name)])]),
                        ])
                        let (milliseconds, data) = try await client.timed("POST", "/runs", body: body)
                        let reply = try? JSONDecoder().decode(JSONValue.self, from: data)
                        guard let id = reply?["run_id"]?.stringValue, !id.isEmpty else {
                            throw BenchmarkError("creating \(name) returned no run_id: \(String(decoding: data.prefix(300), as: UTF8.self))")
                        }
                        return (name, id, milliseconds)
                    }
                }
                for try await result in group { results.append(result) }
            }
        }
        let latency = Latency(results.map(\.milliseconds))
        print(String(format: "(3) %d concurrent clients creating one run each: %@, all done in %.3f s",
                     creators, latency.summary, wall))
        let ids = Set(results.map(\.id))
        guard ids.count == creators else {
            throw BenchmarkError("\(creators) creates returned \(ids.count) distinct run ids")
        }
        let filter = JSONValue.object(["predicates": .array([.object([
            "operation": .string("IN"), "key": .string("display_name"),
            "string_values": .object(["values": .array(names.map { .string($0) })]),
        ])])])
        let listPath = "/runs?page_size=100&filter=" + Client.escape(filter.compactJSON())
        let listed = try await client.call("GET", listPath)
        let found = Int(listed["total_size"]?.numericValue ?? -1)
        let foundIDs = Set((listed["runs"]?.arrayValue ?? []).compactMap { $0["run_id"]?.stringValue })
        guard found == creators, foundIDs == ids else {
            throw BenchmarkError("created \(creators) runs, but listing by display_name found total_size \(found) and \(foundIDs.intersection(ids).count) of their ids")
        }
        print("    created \(ids.count), found \(found)")
        try await waitUntilFinished(client, listPath: listPath)
    }

    /// Waits (up to a minute) until the created runs have finished, so the server stops idle.
    static func waitUntilFinished(_ client: Client, listPath: String) async throws {
        let terminal: Set<String> = ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELED"]
        var states: [String] = []
        let waited = try await asyncSeconds {
            for _ in 0..<240 {
                let listed = try await client.call("GET", listPath)
                states = (listed["runs"]?.arrayValue ?? []).map { $0["state"]?.stringValue ?? "?" }
                if states.allSatisfy(terminal.contains) { return }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        let counts = Dictionary(grouping: states, by: { $0 }).map { "\($0.value.count) \($0.key)" }.sorted()
        print(String(format: "    their states %.1f s later: %@", waited, counts.joined(separator: ", ")))
    }

    static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func asyncSeconds(_ body: () async throws -> Void) async throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
