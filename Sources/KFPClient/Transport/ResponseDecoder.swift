import Foundation
import KFPAPI
import KFPSpec

/// Turns an HTTP answer into JSON or a ``PipelineClientError``.
enum ResponseDecoder {
    /// The JSON of a 2xx answer (`{}` when the body is empty), or the error of any other status.
    ///
    /// - Throws: ``PipelineClientError`` with `status` for a non-2xx answer, carrying the server's message
    ///   (see ``errorMessage(_:)``) and the raw body; without `status` for a 2xx body that is not JSON.
    static func decode(
        status: Int, reason: String, contentType: String?, body: Data, request: APIRequest
    ) throws -> JSONValue {
        let text = String(decoding: body, as: UTF8.self)
        let blank = text.allSatisfy { $0.isWhitespace }
        guard (200..<300).contains(status) else {
            let json = blank ? nil : try? APIJSON.parse(body)
            let message = json.flatMap(errorMessage) ?? (blank ? reason : excerpt(text))
            throw PipelineClientError(status: status, message: message.isEmpty ? "HTTP \(status)" : message, body: text)
        }
        if blank { return .object([:]) }
        do {
            return try APIJSON.parse(body)
        } catch {
            throw PipelineClientError(
                message:
                    "the answer to \(request.summary) is not JSON (HTTP \(status)\(contentType.map { ", \($0)" } ?? "")): "
                    + excerpt(text),
                body: text)
        }
    }

    /// The server's message in an error body: `message` of a `google.rpc.Status` (grpc-gateway
    /// endpoints), else `error` (KFP ≤ 2.13), else `error_message` (upload endpoints), else the
    /// `message` of the first detail.
    static func errorMessage(_ json: JSONValue) -> String? {
        guard let members = json.objectValue else { return nil }
        for key in ["message", "error", "error_message"] {
            if let text = members[key]?.stringValue, !text.isEmpty { return text }
        }
        for detail in members["details"]?.arrayValue ?? [] {
            if let text = detail.objectValue?["message"]?.stringValue, !text.isEmpty { return text }
        }
        return nil
    }

    /// The first 300 characters of a body, on one line.
    static func excerpt(_ text: String) -> String {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }

    /// A message parsed leniently from a 2xx answer; a value of the wrong type becomes a
    /// ``PipelineClientError`` naming the call and the field.
    static func message<M: APIMessage>(_ type: M.Type, from json: JSONValue, request: APIRequest, path: String) throws
        -> M
    {
        do {
            return try M(response: json, path: path)
        } catch let error as APIError {
            throw PipelineClientError(
                message: "the answer to \(request.summary) is not a valid \(path): \(error.message)",
                body: json.compactJSON())
        }
    }
}
