import Foundation
import KFPAPI
import MultipartKit
import NIOCore

/// The file part of a pipeline upload: `multipart/form-data` with one part named `uploadfile`
/// (what `kfp.Client.upload_pipeline` sends), parsed with MultipartKit.
struct MultipartUpload {
    let fileName: String
    let data: Data

    /// Reads the `uploadfile` part of `body`.
    ///
    /// - Throws: ``APIError`` invalid argument when the content type is not multipart with a
    ///   boundary, the body does not parse, or there is no `uploadfile` part.
    init(contentType: String?, body: ByteBuffer) throws {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.boundary(in: contentType)
        else {
            throw APIError.invalidArgument(
                "Failed to upload the pipeline: expected a multipart/form-data body with a boundary, found content type \(contentType ?? "none")")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var headers: [String: String] = [:]
        var bytes: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = [:]
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError.invalidArgument("Failed to upload the pipeline: the multipart body does not parse: \(error)")
        }
        guard let part = parts.first(where: { Self.dispositionValue("name", in: $0.headers["content-disposition"]) == "uploadfile" }) else {
            throw APIError.invalidArgument("Failed to upload the pipeline: the request has no part named 'uploadfile'")
        }
        fileName = Self.dispositionValue("filename", in: part.headers["content-disposition"]) ?? "pipeline.yaml"
        data = Data(part.body)
    }

    private static func boundary(in contentType: String) -> String? {
        for item in contentType.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            if pair.lowercased().hasPrefix("boundary=") {
                return String(pair.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// A parameter of a `Content-Disposition` header (`form-data; name="uploadfile"; filename="x.yaml"`).
    private static func dispositionValue(_ key: String, in header: String?) -> String? {
        guard let header else { return nil }
        for item in header.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard let equals = pair.firstIndex(of: "="), pair[..<equals].lowercased() == key else { continue }
            return String(pair[pair.index(after: equals)...]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
