import Foundation
import HTTPTypes
import Hummingbird
import KFPAPI
import KFPWebUI
import NIOCore

/// The web UI at `/`: server-rendered pages for pipelines, runs, experiments, run comparisons,
/// artifacts and executions, built from the
/// same store calls the v2beta1 endpoints answer with; the page script sends every action to the
/// API. Pages are served with a Content-Security-Policy that allows only this server's script.
struct WebUIRoutes {
    let pages: WebUIPages

    /// Scripts only from this server; HTML artifacts are in sandboxed frames without scripts.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"

    func add(to router: Router<BasicRequestContext>) {
        let pages = self.pages
        router.get("/") { _, _ in
            Response(status: .seeOther, headers: [.location: "/pipelines"])
        }
        router.get("ui/app.js") { _, _ in Self.asset(WebUI.script, type: "text/javascript; charset=utf-8") }
        router.get("ui/app.css") { _, _ in Self.asset(WebUI.styleSheet, type: "text/css; charset=utf-8") }
        router.get("ui/login") { request, _ in
            Self.page(pages.renderer.document(SignInPage(next: Self.query(request)["next"])), status: .ok)
        }
        router.get("pipelines") { request, _ in
            await Self.html { try pages.pipelineList(Self.query(request)) }
        }
        router.get("pipelines/{id}") { request, context in
            await Self.html { try pages.pipelineDetails(try APIResponder.parameter(context, "id"), Self.query(request)) }
        }
        router.get("runs") { request, _ in
            await Self.html { try pages.runList(Self.query(request)) }
        }
        router.get("runs/{id}") { request, context in
            let id = try APIResponder.parameter(context, "id")
            return await Self.html {
                id == "new" ? try pages.newRun(Self.query(request)) : try await pages.runDetails(id, Self.query(request))
            }
        }
        router.get("compare") { request, _ in
            await Self.html { try pages.compareRuns(Self.query(request)) }
        }
        router.get("recurringruns") { request, _ in
            await Self.html { try pages.recurringRunList(Self.query(request)) }
        }
        router.get("recurringruns/{id}") { request, context in
            let id = try APIResponder.parameter(context, "id")
            return await Self.html {
                id == "new" ? try pages.newRun(Self.query(request), recurring: true) : try pages.recurringRunDetails(id)
            }
        }
        router.get("artifacts") { request, _ in
            await Self.html { try pages.artifactList(Self.query(request)) }
        }
        router.get("artifacts/{id}") { _, context in
            await Self.html { try pages.artifactDetails(try APIResponder.parameter(context, "id")) }
        }
        router.get("executions") { request, _ in
            await Self.html { try pages.executionList(Self.query(request)) }
        }
        router.get("executions/{id}") { _, context in
            await Self.html { try pages.executionDetails(try APIResponder.parameter(context, "id")) }
        }
        router.get("experiments") { request, _ in
            await Self.html { try pages.experimentList(Self.query(request)) }
        }
        router.get("experiments/{id}") { request, context in
            await Self.html { try pages.experimentDetails(try APIResponder.parameter(context, "id"), Self.query(request)) }
        }
        router.get("ui/runs/{id}/artifacts/{artifact}") { _, context in
            do {
                return try await pages.artifactDownload(
                    runID: try APIResponder.parameter(context, "id"), artifactID: try APIResponder.parameter(context, "artifact"))
            } catch let error as APIError {
                return Self.page(WebUIPages.errorDocument(error), status: HTTPResponse.Status(code: error.httpStatus))
            }
        }
    }

    static func query(_ request: Request) -> QueryParameters { QueryParameters(rawQuery: request.uri.query) }

    /// A page, or the error page with the API error's status when building it fails.
    static func html(_ build: () async throws -> String) async -> Response {
        do {
            return page(try await build(), status: .ok)
        } catch let error as APIError {
            return page(WebUIPages.errorDocument(error), status: HTTPResponse.Status(code: error.httpStatus))
        } catch {
            return page(WebUIPages.errorDocument(APIError.internalError("\(error)")), status: .internalServerError)
        }
    }

    static func page(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy,
                .xContentTypeOptions: "nosniff", .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
