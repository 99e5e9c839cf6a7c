import Foundation
import KFPSpec
import Testing

/// KFP's wire conventions on our server: exact bodies, both filter encodings, keyset paging.
@Suite("kfp server wire format")
struct ServerWireTests {
    @Test("unicode and emoji in names, descriptions and parameter values come back byte-exact; false, 0 and \"\" are kept")
    func unicodeAndFalsy() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let name = "expérience 🧪 \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} 𝔘𝔫𝔦"
        let description = "ligne 1\nligne 2 \"quoted\" \\ back ✓"
        let (created, experiment) = try await server.client.call("POST", "/apis/v2beta1/experiments", body: [
            "display_name": .string(name), "description": .string(description),
        ])
        #expect(created == 200)
        let id = try #require(experiment["experiment_id"]?.stringValue)
        let (_, raw) = try await server.client.raw("GET", "/apis/v2beta1/experiments/\(id)")
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains("\"display_name\":\"expérience 🧪 \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} 𝔘𝔫𝔦\""))
        let (_, fetched) = try await server.client.call("GET", "/apis/v2beta1/experiments/\(id)")
        #expect(fetched["display_name"]?.stringValue == name)
        #expect(fetched["description"]?.stringValue == description)

        let parameters: JSONValue = ["text": "héllo 👋 \u{0}", "flag": false, "count": 0, "empty": "", "list": [], "map": [:]]
        let (_, run) = try await server.client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": .string(name), "description": .string(description), "experiment_id": .string(id),
            "pipeline_spec": try ServerTestPipelines.echo(), "runtime_config": ["parameters": parameters],
        ])
        let runID = try #require(run["run_id"]?.stringValue)
        let (_, got) = try await server.client.call("GET", "/apis/v2beta1/runs/\(runID)")
        #expect(got["display_name"]?.stringValue == name)
        #expect(got["description"]?.stringValue == description)
        #expect(got["runtime_config"]?["parameters"] == parameters)
        #expect(got["created_at"]?.stringValue?.hasSuffix("Z") == true)
        #expect(got["storage_state"] == "AVAILABLE")
    }

    @Test("a run's JSON and the runs list splice the cached spec text: canonical compact JSON, the spec as submitted (2.0 as 2, as KFP's protojson writes it)")
    func splicedSpec() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let echo = try ServerTestPipelines.echo()
        var parameters = try #require(echo["root"]?["inputDefinitions"]?["parameters"]?.objectValue)
        parameters["ratio"] = ["parameterType": "NUMBER_DOUBLE", "defaultValue": .double(2.0), "isOptional": true]
        parameters["half"] = ["parameterType": "NUMBER_DOUBLE", "defaultValue": .double(0.5), "isOptional": true]
        parameters["note"] = ["parameterType": "STRING", "defaultValue": "é \"q\" 👋", "isOptional": true]
        guard case .object(var members) = echo, case .object(var root) = members["root"] else {
            throw HarnessError(message: "the echo spec has no root")
        }
        root["inputDefinitions"] = ["parameters": .object(parameters)]
        members["root"] = .object(root)
        let spec = JSONValue.object(members)
        let (_, run) = try await server.client.call("POST", "/apis/v2beta1/runs", body: ["display_name": "spliced", "pipeline_spec": spec])
        let runID = try #require(run["run_id"]?.stringValue)
        for path in ["/apis/v2beta1/runs/\(runID)", "/apis/v2beta1/runs?page_size=5"] {
            // Twice: the first answer parses the stored spec, the second takes it from the cache.
            for _ in 0..<2 {
                let (status, raw) = try await server.client.raw("GET", path)
                #expect(status == 200)
                let parsed = try JSONDecoder().decode(JSONValue.self, from: raw)
                #expect(String(decoding: raw, as: UTF8.self) == parsed.compactJSON(), "\(path)")
                let got = path.contains("?") ? parsed["runs"]?.arrayValue?.first?["pipeline_spec"] : parsed["pipeline_spec"]
                let defaults = got?["root"]?["inputDefinitions"]?["parameters"]
                #expect(defaults?["ratio"]?["defaultValue"] == 2)
                #expect(defaults?["half"]?["defaultValue"] == .double(0.5))
                #expect(defaults?["note"]?["defaultValue"] == "é \"q\" 👋")
                #expect(got?["deploymentSpec"] == spec["deploymentSpec"])
            }
        }
    }

    @Test("filters: the Python client's integer operation with camelCase, the UI's double-encoded names, IN lists")
    func filterEncodings() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        for name in ["alpha", "beta", "gamma delta"] {
            let (status, _) = try await server.client.call("POST", "/apis/v2beta1/experiments", body: ["display_name": .string(name)])
            #expect(status == 200)
        }
        func names(_ query: String) async throws -> [String] {
            let (status, body) = try await server.client.call("GET", "/apis/v2beta1/experiments?\(query)")
            #expect(status == 200, "\(query): \(body)")
            return (body["experiments"]?.arrayValue ?? []).compactMap { $0["display_name"]?.stringValue }
        }
        // kfp.Client: form-encoded once, `+` for spaces, integer operation, camelCase value key.
        let python = "filter=%7B%22predicates%22%3A+%5B%7B%22operation%22%3A+1%2C+%22key%22%3A+%22display_name%22%2C+%22stringValue%22%3A+%22gamma+delta%22%7D%5D%7D&namespace="
        #expect(try await names(python) == ["gamma delta"])
        // The UI: encodeURIComponent, then encoded again by its HTTP client.
        let ui = #"{"predicates":[{"key":"display_name","operation":"NOT_EQUALS","string_value":"alpha"}]}"#
        let once = ui.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let twice = once.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try await names("filter=\(twice)&sort_by=display_name") == ["beta", "Default", "gamma delta"].sorted())
        let list = #"{"predicates":[{"key":"name","operation":"IN","stringValues":{"values":["alpha","beta"]}}]}"#
        #expect(try await names("filter=\(list.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&sort_by=name+desc") == ["beta", "alpha"])
    }

    @Test("keyset pages: every run once, in order, with total_size; a token with another sort is 400")
    func paging() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let spec = try ServerTestPipelines.echo()
        var created: [String] = []
        for index in 0..<7 {
            let (_, run) = try await server.client.call("POST", "/apis/v2beta1/runs", body: [
                "display_name": .string("run \(index)"), "pipeline_spec": spec,
            ])
            created.append(try #require(run["run_id"]?.stringValue))
        }
        var seen: [String] = []
        var token = ""
        repeat {
            let (status, page) = try await server.client.call("GET", "/apis/v2beta1/runs?page_size=3&sort_by=display_name+desc&page_token=\(token)")
            #expect(status == 200)
            #expect(page["total_size"] == 7)
            seen += (page["runs"]?.arrayValue ?? []).compactMap { $0["display_name"]?.stringValue }
            token = page["next_page_token"]?.stringValue ?? ""
        } while !token.isEmpty && seen.count < 20
        #expect(seen == (0..<7).reversed().map { "run \($0)" })

        let (_, first) = try await server.client.call("GET", "/apis/v2beta1/runs?page_size=3&sort_by=display_name")
        let firstToken = try #require(first["next_page_token"]?.stringValue)
        let (mismatch, _) = try await server.client.call("GET", "/apis/v2beta1/runs?page_size=3&sort_by=created_at&page_token=\(firstToken)")
        #expect(mismatch == 400)
    }
}
