import Foundation
import KFPServer
import KFPSpec
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What an attacker without the token, a task with links, or a crafted package can get: nothing.
@Suite("kfp server security")
struct ServerSecurityTests {
    /// Served without the token: the sign-in page and the assets it needs.
    static let openRoutes: Set<String> = ["GET /ui/login", "GET /ui/app.js", "GET /ui/app.css"]

    @Test("with --token, every registered route refuses a missing or wrong token")
    func everyRouteNeedsTheToken() async throws {
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-routes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: listing) }
        let routes = try PipelineServer(options: ServerOptions(port: 0, dataFolder: listing, token: "s3cret")).routeList()
        #expect(Set(routes).isSuperset(of: Self.openRoutes))
        #expect(routes.count == Set(routes).count)
        let server = try await ServerHarness.start { $0.token = "s3cret" }
        defer { Task { await server.stop() } }
        let attempts: [[String: String]] = [
            [:], ["Authorization": "Bearer wrong"], ["Authorization": "Bearer s3cret2"], ["Authorization": "Bearer S3CRET"], ["Authorization": "Basic s3cret"],
            ["Cookie": "kfp_token=wrong"], ["Cookie": "other=s3cret"],
        ]
        // Redirects are answers here: a session that follows none.
        let session = URLSession(configuration: .ephemeral, delegate: RedirectRefuser(), delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let client = TestClient(base: server.base, session: session)
        var walked = 0
        for route in routes where !Self.openRoutes.contains(route) {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let (method, pattern) = (parts[0], parts[1])
            let path = pattern.replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
            for headers in attempts {
                let (status, data) = try await client.raw(method, path, body: method == "GET" ? nil : Data("{}".utf8), headers: headers)
                if path.hasPrefix("/apis/") || method != "GET" {
                    #expect(status == 401, "\(route) with \(headers)")
                    let body = try? JSONDecoder().decode(JSONValue.self, from: data)
                    #expect(body?["code"] == 16, "\(route) with \(headers)")
                } else {
                    #expect(status == 303, "\(route) with \(headers)")
                    #expect(String(decoding: data, as: UTF8.self) == "", "\(route) with \(headers)")
                }
            }
            walked += 1
        }
        print("token walk: \(walked) routes refused \(attempts.count) kinds of missing or wrong token; \(Self.openRoutes.count) open")
        #expect(walked == routes.count - Self.openRoutes.count)
        #expect(walked >= 40)
        let (status, _) = try await server.client.call("GET", "/apis/v2beta1/healthz", headers: ["Authorization": "Bearer s3cret"])
        #expect(status == 200)
    }

    @Test("links a task leaves in its folder serve nothing from outside the run's folder")
    func symlinksStayInside() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-secret-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let secretText = "secret \(UUID().uuidString)"
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.txt")
        try Data(secretText.utf8).write(to: secret)
        let (_, created) = try await server.client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "links", "pipeline_spec": try ServerTestPipelines.symlinks(secret: secret),
        ])
        let runID = try #require(created["run_id"]?.stringValue)
        let run = try await server.client.waitForState(runID, ["SUCCEEDED", "FAILED"])
        #expect(run["state"] == "SUCCEEDED", "\(run["error"] ?? .null)")
        let task = try #require(run["run_details"]?["task_details"]?.arrayValue?.first { $0["display_name"] == "leak" })
        let taskID = try #require(task["task_id"]?.stringValue)
        let outID = try #require(task["outputs"]?["out"]?["artifact_ids"]?.arrayValue?.first?.stringValue)
        let pageID = try #require(task["outputs"]?["page"]?["artifact_ids"]?.arrayValue?.first?.stringValue)

        let refused = [
            "/apis/v2beta1/runs/\(runID)/nodes/\(taskID)/artifacts/out:read",
            "/apis/v1alpha1/runs/\(runID)/nodes/\(taskID)/log",
            "/apis/v2beta1/runs/\(runID)/nodes/\(taskID)/log",
            "/ui/runs/\(runID)/artifacts/\(outID)",
        ]
        for path in refused {
            let (status, data) = try await server.client.raw("GET", path)
            let text = String(decoding: data, as: UTF8.self)
            #expect(status == 403, "\(path): \(text)")
            #expect(text.contains("is outside the run"), "\(path): \(text)")
            #expect(!text.contains(secretText), "\(path)")
        }
        // A folder artifact is sent as a tar.gz: its links stay links, their targets are not read.
        let (readStatus, read) = try await server.client.call(
            "GET", "/apis/v2beta1/runs/\(runID)/nodes/\(taskID)/artifacts/page:read")
        #expect(readStatus == 200)
        let archive = try #require(Data(base64Encoded: read["data"]?.stringValue ?? ""))
        let (downloadStatus, download) = try await server.client.raw("GET", "/ui/runs/\(runID)/artifacts/\(pageID)")
        #expect(downloadStatus == 200)
        for tarball in [archive, download] {
            let members = try Self.listTar(tarball)
            #expect(members.sorted() == ["page/", "page/copy -> \(secret.path)", "page/index.html -> \(secret.path)"])
            #expect(try !Self.gunzip(tarball).contains(secretText))
        }
        // The task panel shows neither the linked log nor the linked page.
        let (pageStatus, html) = try await server.client.raw("GET", "/runs/\(runID)?task=leak")
        let text = String(decoding: html, as: UTF8.self)
        #expect(pageStatus == 200)
        #expect(!text.contains(secretText))
        #expect(text.contains("log.txt is a link to a file outside the run"))
        #expect(text.contains("index.html&#39; is a link to a file outside the artifact"))
    }

    /// `tar -tzv` of an archive, as `name` or `name -> target` for links.
    static func listTar(_ archive: Data) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-list-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try archive.write(to: file)
        let output = try Self.output(["tar", "-tzvf", file.path])
        return output.split(separator: "\n").map { line in
            // -rw-r--r-- root/root 0 2026-12-07 03:00 name[ -> target]
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            return fields.count == 6 ? String(fields[5]) : String(line)
        }
    }

    static func gunzip(_ archive: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-gunzip-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try archive.write(to: file)
        return try Self.output(["gzip", "-dc", file.path])
    }

    static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Hands a redirect back to the caller instead of following it.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
