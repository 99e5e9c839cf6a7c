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
}
