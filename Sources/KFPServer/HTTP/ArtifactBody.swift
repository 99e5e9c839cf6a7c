import Foundation
import Hummingbird
import KFPAPI
import NIOCore
import Subprocess

/// An artifact sent from disk in chunks, so a large one is never held in memory: a file as it is,
/// a folder as a gzip-compressed tar made into an unlinked temporary file first (so `tar`'s errors
/// still give an error status), or either as KFP's `{"data": "<base64 of a tar.gz>"}`.
struct ArtifactBody {
    /// The open file the body reads; an unlinked temporary file disappears when it is closed.
    let handle: FileHandle
    /// The file's size in bytes.
    let byteCount: Int

    /// Bytes read per chunk.
    static let chunkLength = 3 << 16

    /// Opens `file` to send as it is; `what` names it in the error (`artifact 3 of run R`).
    ///
    /// - Throws: ``APIError`` not found when it cannot be opened.
    static func file(_ file: URL, what: String) throws -> ArtifactBody {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw APIError.notFound("\(what): \(file.path) cannot be read")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        return ArtifactBody(handle: handle, byteCount: size ?? Int(handle.seekToEndOfFile()))
    }

    /// `file` (a file or a folder) as a gzip-compressed tar in an unlinked temporary file.
    ///
    /// - Throws: ``APIError`` internal error with `tar`'s message when it fails.
    static func tarball(of file: URL) async throws -> ArtifactBody {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-artifact-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: archive) }
        let result = try await Subprocess.run(
            .name("tar"), arguments: ["-czf", archive.path, "-C", file.deletingLastPathComponent().path, file.lastPathComponent],
            output: .discarded, error: .string(limit: 4096))
        guard result.terminationStatus.isSuccess else {
            throw APIError.internalError("cannot archive \(file.path): \(result.standardError ?? "")")
        }
        // Open before the `defer` unlinks it: the data stays readable through the handle.
        return try Self.file(archive, what: "the archive of \(file.path)")
    }

    /// The bytes as they are.
    var raw: ResponseBody {
        ResponseBody(contentLength: byteCount) { [handle] writer in
            defer { try? handle.close() }
            while true {
                let chunk = handle.readData(ofLength: Self.chunkLength)
                if chunk.isEmpty { break }
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }

    /// `{"data":"<base64>"}`, the shape of KFP's `ReadArtifactResponse`.
    var base64JSON: ResponseBody {
        let prefix = #"{"data":""#, suffix = #""}"#
        let length = prefix.utf8.count + (byteCount + 2) / 3 * 4 + suffix.utf8.count
        return ResponseBody(contentLength: length) { [handle] writer in
            defer { try? handle.close() }
            try await writer.write(ByteBuffer(string: prefix))
            var pending = Data()
            while true {
                let chunk = handle.readData(ofLength: Self.chunkLength)
                if chunk.isEmpty { break }
                pending.append(chunk)
                // Whole groups of 3 bytes only, so no padding lands inside the stream.
                let whole = pending.count / 3 * 3
                try await writer.write(ByteBuffer(string: pending.prefix(whole).base64EncodedString()))
                pending = Data(pending.dropFirst(whole))
            }
            try await writer.write(ByteBuffer(string: pending.base64EncodedString() + suffix))
            try await writer.finish(nil)
        }
    }
}
