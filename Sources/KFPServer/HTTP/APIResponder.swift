import Foundation
import HTTPTypes
import Hummingbird
import KFPAPI
import KFPSpec
import KFPWebUI
import NIOCore

/// JSON in and out of the v2beta1 endpoints: responses written as compact UTF-8 JSON, request bodies
/// read as JSON objects, query strings read with form rules (`+` is a space, empty is absent).
enum APIResponder {
    /// A 200 response with `value` as its JSON body.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.compactJSON())))
    }

    static func message(_ message: some APIMessage) -> Response { json(message.json()) }

    /// `{}`, the body of archive, delete, terminate and the other verbs.
    static var empty: Response { json(.object([:])) }

    /// The JSON object in a request body (an empty body is `{}`).
    ///
    /// - Throws: ``APIError`` invalid argument when the body is not a JSON object.
    static func body(_ request: Request, limit: Int) async throws -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw PayloadTooLarge(message: "the request body is larger than \(limit) bytes")
        }
        let data = Data(buffer.readableBytesView)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([:]) }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), case .object = value else {
            throw APIError.invalidArgument("the request body is not a JSON object")
        }
        return value
    }

    static func query(_ request: Request) -> QueryParameters {
        QueryParameters(rawQuery: request.uri.query)
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ context: BasicRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// Splits `{id}:verb` into the id and the verb (`nil` when there is no verb).
    static func idAndVerb(_ segment: String) -> (id: String, verb: String?) {
        guard let colon = segment.lastIndex(of: ":") else { return (segment, nil) }
        return (String(segment[..<colon]), String(segment[segment.index(after: colon)...]))
    }

    /// A list response: `{key: [...], total_size, next_page_token}` with empty parts left out.
    static func list(_ key: String, _ items: [JSONValue], totalSize: Int, next: PageCursor?, query: ListQuery) -> Response {
        json(listBody(key, items, totalSize: totalSize, nextPageToken: next.map { query.nextPageToken(after: $0) }))
    }

    /// A run's JSON text; a spec it carries is copied from `specText` (the store's cached compact
    /// text of it) instead of being written again: the same bytes, a fraction of the time.
    static func runText(_ run: Run, specText: String?) -> String {
        guard let specText, run.pipelineSpec != nil, case .object(var members) = run.json() else { return run.json().compactJSON() }
        members["pipeline_spec"] = nil
        return JSONValue.compactJSON(members: members, raw: ["pipeline_spec": specText])
    }

    /// A 200 response with `text` (compact JSON) as its body.
    static func jsonText(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// ``list(_:_:totalSize:next:query:)`` of runs, each written by ``runText(_:specText:)``.
    static func runList(_ runs: [(run: Run, specText: String?)], totalSize: Int, next: PageCursor?, query: ListQuery) -> Response {
        guard case .object(let members) = listBody("runs", [], totalSize: totalSize, nextPageToken: next.map { query.nextPageToken(after: $0) })
        else { return empty }
        let items = runs.isEmpty ? [:] : ["runs": "[" + runs.map { runText($0.run, specText: $0.specText) }.joined(separator: ",") + "]"]
        return jsonText(JSONValue.compactJSON(members: members, raw: items))
    }
}

/// Turns errors into KFP's error bodies: ``APIError`` with its HTTP status and `google.rpc.Status`
/// body; any other error as INTERNAL (500). Upload endpoints use the older
/// `{"error_message", "error_details"}` shape.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.response(error, upload: Self.isUpload(request))
        } catch let error as PayloadTooLarge {
            let body = Self.isUpload(request)
                ? JSONValue.object(["error_message": .string(error.message), "error_details": .string(error.message)])
                : APIError(.resourceExhausted, error.message).body()
            return APIResponder.json(body, status: .contentTooLarge)
        } catch let error as HTTPError {
            let code: RPCCode = error.status == .notFound ? .notFound : (error.status.code < 500 ? .invalidArgument : .internalError)
            return Self.response(APIError(code, error.body ?? error.status.reasonPhrase), upload: Self.isUpload(request))
        } catch {
            return Self.response(APIError.internalError("\(error)"), upload: Self.isUpload(request))
        }
    }

    static func response(_ error: APIError, upload: Bool) -> Response {
        let status = HTTPResponse.Status(code: error.httpStatus)
        return APIResponder.json(upload ? error.uploadBody() : error.body(), status: status)
    }

    private static func isUpload(_ request: Request) -> Bool {
        request.uri.path.hasSuffix("/pipelines/upload") || request.uri.path.hasSuffix("/pipelines/upload_version")
    }
}

/// With `--token`, refuses requests without the token (HTTP 401). The token comes in
/// `Authorization: Bearer <token>` (API clients) or in the `kfp_token` cookie the web UI's sign-in
/// page sets (`SameSite=Strict`, so other sites' pages cannot send it). A UI page requested
/// without it redirects to the sign-in page; the sign-in page and the UI's script and stylesheet
/// are open.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String

    /// Paths served without the token.
    static let openPaths: Set<String> = ["/ui/login", "/ui/app.js", "/ui/app.css"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.openPaths.contains(path) || bearerToken(request) == token || cookieToken(request) == token {
            return try await next(request, context)
        }
        if request.method == .get, !path.hasPrefix("/apis/") {
            let target = path + (request.uri.query.map { "?\($0)" } ?? "")
            return Response(status: .seeOther, headers: [.location: "/ui/login?next=\(PageLink.escape(target))"])
        }
        return APIErrorMiddleware.response(
            APIError.unauthenticated("this server needs an 'Authorization: Bearer <token>' header with its --token"),
            upload: false)
    }

    /// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive, RFC 7235).
    private func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.count > 7,
              value.prefix(7).lowercased() == "bearer "
        else { return nil }
        return String(value.dropFirst(7))
    }

    /// The `kfp_token` cookie's value, percent-decoded.
    private func cookieToken(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == "kfp_token" { return String(parts[1]).removingPercentEncoding }
            }
        }
        return nil
    }
}

/// A request body over the server's size limit: HTTP 413, with the upload error shape for uploads
/// and a `google.rpc.Status` (RESOURCE_EXHAUSTED) for the other endpoints.
struct PayloadTooLarge: Error {
    let message: String
}
