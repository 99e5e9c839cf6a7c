import Foundation
import KFPSpec

/// `kfp server` as a child process (the `kfp` executable built beside the test bundle), for tests
/// that stop it the hard way.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let base: URL

    /// The `kfp` executable next to this test binary, or nil when it was not built.
    static var executable: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kfp")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        let bundled = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for ancestor in sequence(first: bundled, next: { $0.pathComponents.count > 1 ? $0.deletingLastPathComponent() : nil }) {
            let file = ancestor.appendingPathComponent("kfp")
            if ancestor.lastPathComponent == "debug" || ancestor.lastPathComponent == "release",
                FileManager.default.isExecutableFile(atPath: file.path)
            {
                return file
            }
        }
        return nil
    }

    /// Starts `kfp server --port 0 --data <folder> [arguments]` and waits (up to 60 s) for its
    /// listening line.
    init(executable: URL, data: URL, arguments: [String] = []) throws {
        process.executableURL = executable
        process.arguments = ["server", "--port", "0", "--data", data.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let url = URL(string: String(text[range]))
            {
                base = url
                return
            }
        }
        process.terminate()
        throw HarnessError(message: "kfp server did not report a listening address; it printed: \(text)")
    }

    /// SIGKILL: no shutdown code runs.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
