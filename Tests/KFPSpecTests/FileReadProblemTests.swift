import Foundation
import KFPSpec
import Testing

/// The plain reasons given when a file cannot be read, instead of Foundation's sentences.
@Suite("file read problems")
struct FileReadProblemTests {
    @Test("a missing file, a directory and an unreadable file are named plainly")
    func plainReasons() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-problem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent.yaml")
        let missingError = try #require(Result { try Data(contentsOf: missing) }.failure)
        #expect(FileReadProblem.reason(readingPath: missing.path, error: missingError) == "no such file")
        let directoryError = Result { try Data(contentsOf: folder) }.failure ?? CocoaError(.fileReadUnknown)
        #expect(FileReadProblem.reason(readingPath: folder.path, error: directoryError) == "it is a directory")
    }
}

extension Result {
    /// The error, or `nil` on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
