import Foundation
import KFPSpec
import Testing

/// The recurring runs pages over recurring runs made through the API.
@Suite("recurring runs pages")
struct RecurringRunPagesTests {
    static let hostile = "<i>nightly</i> & co"
    static let escaped = "&lt;i&gt;nightly&lt;/i&gt; &amp; co"

    @Test("the list and a recurring run's page agree with the API: trigger, window, concurrency, catch-up, status, the runs it made")
    func pages() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let spec = try ServerTestPipelines.echo()
        let (created, cron) = try await server.client.call(
            "POST", "/apis/v2beta1/recurringruns",
            body: ["display_name": .string(Self.hostile), "pipeline_spec": spec, "mode": "DISABLE", "max_concurrency": "3",
                   "no_catchup": true, "runtime_config": ["parameters": ["text": "<b>x</b>"]],
                   "trigger": ["cron_schedule": ["cron": "0 30 2 * * 1", "start_time": "2030-01-02T03:04:05Z", "end_time": "2031-01-01T00:00:00Z"]]])
        #expect(created == 200)
        let cronID = try #require(cron["recurring_run_id"]?.stringValue)
        // Every second, until disabled: the page lists the runs the API lists.
        let (_, periodic) = try await server.client.call(
            "POST", "/apis/v2beta1/recurringruns",
            body: ["display_name": "every second", "pipeline_spec": spec, "mode": "ENABLE", "max_concurrency": "1",
                   "trigger": ["periodic_schedule": ["interval_second": "1"]]])
        let periodicID = try #require(periodic["recurring_run_id"]?.stringValue)
        var made: [JSONValue] = []
        for _ in 0..<100 where made.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            let (_, runs) = try await server.client.call("GET", "/apis/v2beta1/runs?filter=" + Self.filter(periodicID))
            made = runs["runs"]?.arrayValue ?? []
        }
        let (disabled, _) = try await server.client.call("POST", "/apis/v2beta1/recurringruns/\(periodicID):disable")
        #expect(disabled == 200)
        try await Task.sleep(for: .seconds(1))  // a tick that was under way when it was disabled lands first
        let (_, listedRuns) = try await server.client.call("GET", "/apis/v2beta1/runs?filter=" + Self.filter(periodicID))
        let madeRuns = (listedRuns["runs"]?.arrayValue ?? []).compactMap { run -> (id: String, name: String)? in
            guard let id = run["run_id"]?.stringValue, let name = run["display_name"]?.stringValue else { return nil }
            return (id, name)
        }
        let runIDs = madeRuns.map(\.id)
        #expect(!runIDs.isEmpty)

        let (status, list) = try await server.client.raw("GET", "/recurringruns")
        let html = String(decoding: list, as: UTF8.self)
        #expect(status == 200)
        #expect(html.contains("<a href=\"/recurringruns\" class=\"active\">Recurring runs</a>"))
        #expect(html.contains("""
            <tr data-recurring-run-id="\(cronID)">
                <td><a class="recurring-run-link" href="/recurringruns/\(cronID)">\(Self.escaped)</a></td>
                <td class="recurring-status">Disabled</td>
                <td>cron 0 30 2 * * 1</td>
            """))
        #expect(html.contains("<td class=\"recurring-status\">Disabled</td>\n    <td>every 1 s</td>"))
        #expect(html.contains("<span>2 in all</span>"))

        let (_, cronPage) = try await server.client.raw("GET", "/recurringruns/\(cronID)")
        let details = String(decoding: cronPage, as: UTF8.self)
        #expect(details.contains("<h1 id=\"recurring-run-name\">\(Self.escaped)</h1>"))
        #expect(details.contains("<tr><th>Trigger</th><td id=\"recurring-run-trigger\">cron 0 30 2 * * 1</td></tr>"))
        #expect(details.contains("<tr><th>Start at</th><td>2030-01-02 03:04:05</td></tr>"))
        #expect(details.contains("<tr><th>End at</th><td>2031-01-01 00:00:00</td></tr>"))
        #expect(details.contains("<tr><th>Maximum concurrent runs</th><td>3</td></tr>"))
        #expect(details.contains("<tr><th>Catch up</th><td>no</td></tr>"))
        #expect(details.contains("<tr><th>text</th><td><code>&lt;b&gt;x&lt;/b&gt;</code></td></tr>"))
        #expect(details.contains("<button type=\"button\" data-recurring-action=\"enable\" id=\"enable-recurring-run\">Enable</button>"))
        #expect(details.contains("<h2>Runs it made (0)</h2>"))

        let (_, periodicPage) = try await server.client.raw("GET", "/recurringruns/\(periodicID)")
        let periodicHTML = String(decoding: periodicPage, as: UTF8.self)
        #expect(periodicHTML.contains("<h2>Runs it made (\(runIDs.count))</h2>"))
        for run in madeRuns {
            #expect(run.name.hasPrefix("every second "))
            #expect(periodicHTML.contains("<tr data-run-id=\"\(run.id)\"><td><a href=\"/runs/\(run.id)\">\(run.name)</a></td>"))
        }
        #expect(periodicHTML.contains("<tr><th>Catch up</th><td>yes</td></tr>"))

        let (form, formPage) = try await server.client.raw("GET", "/recurringruns/new")
        #expect(form == 200)
        #expect(String(decoding: formPage, as: UTF8.self).contains("<h1>Create recurring run</h1>"))
        let (missing, missingPage) = try await server.client.raw("GET", "/recurringruns/nope")
        #expect(missing == 404)
        #expect(String(decoding: missingPage, as: UTF8.self).contains("RecurringRun nope not found"))
    }

    /// A `ListRuns` filter on `recurring_run_id`, URL-escaped.
    static func filter(_ id: String) -> String {
        let json = "{\"predicates\":[{\"operation\":\"EQUALS\",\"key\":\"recurring_run_id\",\"string_value\":\"\(id)\"}]}"
        return json.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? json
    }
}
