import Foundation

/// A static file server on 127.0.0.1 (Python's `http.server`) serving one folder, for URL tests.
///
/// Started on a free port chosen by the OS; ``stop()`` ends the process this started (by its id).
final class LoopbackHTTPServer: @unchecked Sendable {
    // Immutable after init.
    let process: Process
    /// `http://127.0.0.1:PORT/`.
    let baseURL: URL

    /// The server's Python script: bind port 0, print the port, serve `argv[1]`. A child of the
    /// test process inherits its blocked signals, so the script unblocks SIGTERM first.
    private static let script = """
        import functools, http.server, signal, sys
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Starts serving `folder`, or returns `nil` (with a printed notice) when `python3` is missing.
    init?(serving folder: URL) throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) ?? Self.pathPython()
        else {
            print("notice: no python3; URL loading tests are skipped")
            return nil
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text), let url = URL(string: "http://127.0.0.1:\(port)/") else {
            process.terminate()
            throw ServerDidNotStart(output: text)
        }
        baseURL = url
    }

    /// Stops the server process started by this instance (SIGKILL to its process id, which
    /// nothing can block), and waits for it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    private static func pathPython() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/python3" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }
}

struct ServerDidNotStart: Error, CustomStringConvertible {
    var output: String
    var description: String { "the test HTTP server did not start (printed '\(output)')" }
}
