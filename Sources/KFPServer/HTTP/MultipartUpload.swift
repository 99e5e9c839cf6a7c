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
        let bytes = Array(body.readableBytesView)
        guard Self.headerNamesAreASCII(bytes, boundary: Array(boundary.utf8)) else {
            throw APIError.invalidArgument(
                "Failed to upload the pipeline: the multipart body does not parse: a part's header name has a byte that is not ASCII")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var headers: [String: String] = [:]
        var partBytes: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in partBytes.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, partBytes))
            headers = [:]
            partBytes = []
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

    /// `false` when a header name after any `--boundary` has a byte of 0x80 or more: MultipartKit
    /// indexes a 128-entry table with each byte of a header name and traps on such a byte (found by
    /// fuzzing). The header block runs from the delimiter line to the first `CRLF CRLF` (the only
    /// end MultipartKit takes; a lone `LF CRLF` does not end it), and every line in it, split at
    /// CR or LF, is checked up to its first `:`, which covers every byte MultipartKit reads as a name.
    static func headerNamesAreASCII(_ body: [UInt8], boundary: [UInt8]) -> Bool {
        let delimiter: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        let headerEnd: [UInt8] = [13, 10, 13, 10]
        var index = 0
        while index + delimiter.count <= body.count {
            guard body[index..<index + delimiter.count].elementsEqual(delimiter) else {
                index += 1
                continue
            }
            var position = index + delimiter.count
            // The rest of the delimiter line, then the header block.
            while position < body.count, body[position] != UInt8(ascii: "\n") { position += 1 }
            position += 1
            var end = position
            while end < body.count, !(end + headerEnd.count <= body.count && body[end..<end + headerEnd.count].elementsEqual(headerEnd)) {
                end += 1
            }
            if position < end {
                let lines = body[position..<end].split(whereSeparator: { $0 == 10 || $0 == 13 })
                for line in lines where line.prefix(while: { $0 != UInt8(ascii: ":") }).contains(where: { $0 >= 0x80 }) {
                    return false
                }
            }
            index += delimiter.count
        }
        return true
    }

    /// The `boundary` parameter of the content type, or nil when it is missing or empty (MultipartKit
    /// traps on an empty boundary; found by fuzzing, `boundary=";XyZ"` split at its `;`).
    private static func boundary(in contentType: String) -> String? {
        parameters(of: contentType)["boundary"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A parameter of a `Content-Disposition` header (`form-data; name="uploadfile"; filename="x.yaml"`).
    private static func dispositionValue(_ key: String, in header: String?) -> String? {
        header.flatMap { parameters(of: $0)[key] }
    }

    /// The `key=value` parameters after a header's first `;`, keys lowercased, as Go's
    /// `mime.ParseMediaType` (KFP's server) reads them: a quoted value may hold `;` and `\`-escapes.
    static func parameters(of header: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(header)
        guard let first = rest.firstIndex(of: ";") else { return result }
        rest = rest[rest.index(after: first)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = rest.drop { $0 != ";" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if !key.isEmpty, result[key] == nil { result[key] = value }
        }
        return result
    }
}
