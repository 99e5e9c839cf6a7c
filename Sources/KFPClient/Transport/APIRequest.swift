import Foundation
import KFPSpec

/// One call of the v2beta1 API: method, path, query and body.
struct APIRequest: Sendable {
    /// What a request carries.
    enum Body: Sendable {
        /// No body: GET and DELETE, and the body-less POST verbs (`:archive`, `:terminate`, …).
        case none
        /// A JSON object, sent compact.
        case json(JSONValue)
        /// A `multipart/form-data` body and its boundary.
        case multipart(Data, boundary: String)
    }

    /// The HTTP methods of the v2beta1 API that the client uses.
    enum Method: String, Sendable {
        case GET, POST, DELETE
    }

    var method: Method
    /// The path after the endpoint, segments already encoded: `/apis/v2beta1/runs/<id>:terminate`.
    var path: String
    var query: [QueryString.Item]
    var body: Body

    init(_ method: Method, _ path: String, query: [QueryString.Item] = [], body: Body = .none) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// `/apis/v2beta1/` followed by `parts`, each percent-encoded as one path segment; `verb` is
    /// appended after a colon (`runs/<id>:archive`).
    static func path(_ parts: String..., verb: String? = nil) -> String {
        "/apis/v2beta1/" + parts.map(QueryString.pathSegment).joined(separator: "/") + (verb.map { ":" + $0 } ?? "")
    }

    /// `GET /apis/v2beta1/runs/x`: method and path, for messages.
    var summary: String { "\(method.rawValue) \(path)" }
}
