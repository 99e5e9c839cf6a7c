import Foundation
import Hummingbird
@testable import KFPServer

/// What the server reads from an upload: the multipart body, then the package inside it.
enum PackageHarness {
    static func run(_ data: Data) {
        wait { _ = try? await PipelinePackage.upload(data, fileName: "package.yaml") }
    }

    /// The first line is the `Content-Type` header; the rest is the body.
    static func runMultipart(_ data: Data) {
        let newline = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        let contentType = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
        let body = newline < data.endIndex ? data[data.index(after: newline)...] : Data()
        guard let upload = try? MultipartUpload(contentType: contentType, body: ByteBuffer(bytes: body)) else { return }
        _ = upload.fileName
    }

    /// Runs `work` to completion from the synchronous fuzzing callback.
    private static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}
