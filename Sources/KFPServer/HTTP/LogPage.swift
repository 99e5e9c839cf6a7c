import Foundation
import HTTPTypes
import KFPAPI

/// One page of a task's log: never more than ``maximumBytes``, read from the file without loading
/// the rest of it, so a task that writes gigabytes cannot make the server slow or run it out of
/// memory.
///
/// Without a query the page is the whole log when it is small, else its end (from the first line
/// that starts in the last ``maximumBytes``). `?offset=N&limit=M` reads M bytes (at most
/// ``maximumBytes``) from byte N. The response says where the page lies in
/// `X-KFP-Log-Size` (the log's size in bytes) and `X-KFP-Log-Offset` (the page's first byte).
struct LogPage {
    /// The most bytes one response carries (1 MiB).
    static let maximumBytes = 1 << 20
    static let sizeHeader = HTTPField.Name("X-KFP-Log-Size")!
    static let offsetHeader = HTTPField.Name("X-KFP-Log-Offset")!

    let data: Data
    /// The log's size when it was read.
    let size: UInt64
    /// Where `data` starts in the log.
    let offset: UInt64

    /// Reads the page the query asks for.
    ///
    /// - Throws: ``APIError`` not found when there is no log yet; invalid argument for an `offset`
    ///   or `limit` that is not a whole number (a `limit` over the maximum is lowered to it).
    init(file: URL, query: QueryParameters, what: String) throws {
        let limit = try Self.number(query["limit"], name: "limit").map { min(Int($0), Self.maximumBytes) } ?? Self.maximumBytes
        let requested = try Self.number(query["offset"], name: "offset")
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw APIError.notFound("\(what) has no log yet")
        }
        defer { try? handle.close() }
        size = (try? handle.seekToEnd()) ?? 0
        let tail = requested == nil && size > UInt64(limit)
        guard tail else {
            let start = min(requested ?? 0, size)
            try? handle.seek(toOffset: start)
            data = (try? handle.read(upToCount: limit)) ?? Data()
            offset = start
            return
        }
        // The tail starts at a line: the byte before the page tells whether its first line is whole.
        let start = size - UInt64(limit)
        try? handle.seek(toOffset: start - 1)
        let bytes = (try? handle.read(upToCount: limit + 1)) ?? Data()
        let skip = bytes.first == 0x0A ? bytes.startIndex : bytes.dropFirst().firstIndex(of: 0x0A) ?? bytes.startIndex
        let kept = bytes[bytes.index(after: skip)...]
        data = Data(kept)
        offset = start - 1 + UInt64(kept.startIndex - bytes.startIndex)
    }

    private static func number(_ text: String?, name: String) throws -> UInt64? {
        guard let text else { return nil }
        guard let value = UInt64(text) else {
            throw APIError.invalidArgument("the log's \(name) must be a whole number of bytes, found '\(text)'")
        }
        return value
    }
}
