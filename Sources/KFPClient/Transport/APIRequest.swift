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

/// The `multipart/form-data` body of a pipeline upload, byte for byte as `kfp.Client` (urllib3)
/// sends it: one part named `uploadfile`, `Content-Type: application/octet-stream`, a boundary of 32
/// lower-case hex characters.
///
/// ```
/// --<boundary>\r\n
/// Content-Disposition: form-data; name="uploadfile"; filename="pipeline.yaml"\r\n
/// Content-Type: application/octet-stream\r\n
/// \r\n
/// <file bytes>\r\n
/// --<boundary>--\r\n
/// ```
struct MultipartBody {
    let boundary: String
    let data: Data

    init(fileName: String, contents: Data, boundary: String = MultipartBody.randomBoundary()) {
        self.boundary = boundary
        var data = Data()
        data.append(Data("--\(boundary)\r\n".utf8))
        data.append(
            Data("Content-Disposition: form-data; name=\"uploadfile\"; filename=\"\(Self.quoted(fileName))\"\r\n".utf8))
        data.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
        data.append(contents)
        data.append(Data("\r\n--\(boundary)--\r\n".utf8))
        self.data = data
    }

    /// urllib3's escaping of a header parameter (HTML5 rule): `"` → `%22`, CR → `%0D`, LF → `%0A`.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// 16 random bytes as hex, like urllib3's `choose_boundary()`.
    static func randomBoundary() -> String {
        (0..<16).map { _ in
            let hex = String(UInt8.random(in: 0...255), radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    var requestBody: APIRequest.Body { .multipart(data, boundary: boundary) }
}
