import Foundation
import KFPServer
import KFPSpec
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The web UI's routes on a running server: HTML with its security headers, API errors as error
/// pages with the API's status, and the `--token` sign-in.
@Suite("kfp server web UI routes")
struct WebUIRouteTests {
    @Test("pages are HTML with a script-only-from-self policy; unknown ids and bad queries are error pages with the API's status")
    func pagesAndErrors() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let request = URLRequest(url: try #require(URL(string: server.base.absoluteString + "/runs")))
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
        #expect(http.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("script-src 'self';") == true)
        #expect(http.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")
        #expect(String(decoding: data, as: UTF8.self).contains("<td colspan=\"8\" class=\"empty\">No runs found.</td>"))
        for (path, status, message) in [
            ("/runs/nope", 404, "Run nope not found"),
            ("/pipelines/nope", 404, "Pipeline nope not found"),
            ("/experiments/nope", 404, "Experiment nope not found"),
            ("/runs?page_token=zzz", 400, "invalid page token &quot;zzz&quot;"),
            ("/runs?sort=bogus", 400, "Invalid sorting field: &quot;bogus&quot; on listable type Run"),
            ("/ui/runs/nope/artifacts/1", 404, ""),
        ] {
            let (code, body) = try await server.client.raw("GET", path)
            #expect(code == status, "\(path)")
            if !message.isEmpty {
                #expect(String(decoding: body, as: UTF8.self).contains("<p class=\"error-text\" id=\"error-message\">\(message)</p>"), "\(path)")
            }
        }
        let (script, _) = try await server.client.raw("GET", "/ui/app.js")
        #expect(script == 200)
    }

    @Test("with --token, UI pages go to the sign-in page; the kfp_token cookie opens them; the API still needs the token")
    func tokenSignIn() async throws {
        let server = try await ServerHarness.start { $0.token = "s3 cret" }
        defer { Task { await server.stop() } }
        let (redirected, page) = try await server.client.raw("GET", "/runs?q=a")
        #expect(redirected == 200)
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("<form class=\"card\" id=\"sign-in-form\" data-next=\"/runs?q=a\">"))
        let (withCookie, runs) = try await server.client.raw("GET", "/runs", headers: ["Cookie": "other=1; kfp_token=s3%20cret"])
        #expect(withCookie == 200)
        #expect(String(decoding: runs, as: UTF8.self).contains("id=\"run-list\""))
        let (wrongCookie, _) = try await server.client.call("GET", "/apis/v2beta1/runs", headers: ["Cookie": "kfp_token=nope"])
        #expect(wrongCookie == 401)
        let (apiCookie, _) = try await server.client.call("GET", "/apis/v2beta1/runs", headers: ["Cookie": "kfp_token=s3%20cret"])
        #expect(apiCookie == 200)
        let (open, _) = try await server.client.raw("GET", "/ui/app.css")
        #expect(open == 200)
        let (offsite, offsitePage) = try await server.client.raw("GET", "/ui/login?next=//evil.example/x")
        #expect(offsite == 200)
        #expect(String(decoding: offsitePage, as: UTF8.self).contains("data-next=\"/\""))
    }

    @Test("a finished inline-spec run: its task panel with the log, unknown tasks 404, clone sends the spec again; a pipeline without versions still opens")
    func runPagesAndClone() async throws {
        let server = try await ServerHarness.start { $0.token = "s3cret" }
        defer { Task { await server.stop() } }
        let auth = ["Authorization": "bearer s3cret"]
        let (created, run) = try await server.client.call(
            "POST", "/apis/v2beta1/runs",
            body: ["display_name": "echo <b>", "pipeline_spec": try ServerTestPipelines.echo(), "runtime_config": ["parameters": ["text": "hello <i>"]]],
            headers: auth)
        #expect(created == 200)
        let runID = try #require(run["run_id"]?.stringValue)
        let cookie = ["Cookie": "kfp_token=s3cret"]
        let finished = try await server.client.waitForState(runID, ["SUCCEEDED", "FAILED"], headers: auth)
        #expect(finished["state"] == "SUCCEEDED")
        let (panelStatus, panel) = try await server.client.raw("GET", "/runs/\(runID)?task=echo", headers: cookie)
        #expect(panelStatus == 200)
        let panelHTML = String(decoding: panel, as: UTF8.self)
        #expect(panelHTML.contains("<pre class=\"log\" id=\"task-log\">hello &lt;i&gt;\n</pre>"))
        #expect(panelHTML.contains("<tr><th>text</th><td><code>hello &lt;i&gt;</code></td></tr>"))
        #expect(panelHTML.contains("<td id=\"task-cache\">miss: the task ran</td>"))
        let (unknown, unknownPage) = try await server.client.raw("GET", "/runs/\(runID)?task=nope", headers: cookie)
        #expect(unknown == 404)
        #expect(String(decoding: unknownPage, as: UTF8.self).contains("no task &#39;nope&#39; in the pipeline of run \(runID)"))
        let (cloneStatus, clone) = try await server.client.raw("GET", "/runs/new?clone=\(runID)", headers: cookie)
        #expect(cloneStatus == 200)
        let cloneHTML = String(decoding: clone, as: UTF8.self)
        #expect(cloneHTML.contains("data-spec-run=\"\(runID)\""))
        #expect(cloneHTML.contains("<input type=\"text\" id=\"param-text\" name=\"param:text\" value=\"hello &lt;i&gt;\">"))
        #expect(cloneHTML.contains("value=\"Clone of echo &lt;b&gt;\""))

        let boundary = "b0undary"
        let upload = "--\(boundary)\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"echo.json\"\r\n\r\n"
            + (try ServerTestPipelines.echo()).compactJSON() + "\r\n--\(boundary)--\r\n"
        let (_, uploaded) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=p", body: Data(upload.utf8),
            headers: auth.merging(["Content-Type": "multipart/form-data; boundary=\(boundary)"]) { $1 })
        let pipeline = try JSONDecoder().decode(JSONValue.self, from: uploaded)
        let pipelineID = try #require(pipeline["pipeline_id"]?.stringValue)
        let (_, versions) = try await server.client.call("GET", "/apis/v2beta1/pipelines/\(pipelineID)/versions", headers: auth)
        let versionID = try #require(versions["pipeline_versions"]?.arrayValue?.first?["pipeline_version_id"]?.stringValue)
        let (deleted, _) = try await server.client.call("DELETE", "/apis/v2beta1/pipelines/\(pipelineID)/versions/\(versionID)", headers: auth)
        #expect(deleted == 200)
        let (empty, emptyPage) = try await server.client.raw("GET", "/pipelines/\(pipelineID)", headers: cookie)
        #expect(empty == 200)
        #expect(String(decoding: emptyPage, as: UTF8.self).contains("id=\"no-versions\""))
    }
}
