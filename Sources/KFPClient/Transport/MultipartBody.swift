import Foundation

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
        data.append(Data("Content-Disposition: form-data; name=\"uploadfile\"; filename=\"\(Self.quoted(fileName))\"\r\n".utf8))
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
