import Foundation
import Testing

/// `kfp server` over a database it cannot use: one line on standard error, exit status 1, no
/// crash, and the file left as it was.
@Suite("Server start over a bad database", .enabled(if: ServerProcess.executable != nil, "needs the kfp executable built beside the tests"))
struct DatabaseStartTests {
    static let isRoot = getuid() == 0

    @Test("a file that is not a database is reported and left unchanged")
    func corrupt() async throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let file = data.appendingPathComponent("kfp.sqlite")
        let garbage = Data(String(repeating: "these are not the records you are looking for\n", count: 200).utf8)
        try garbage.write(to: file)
        let (status, error) = try await Self.start(data)
        #expect(status == 1)
        #expect(error == """
            error: the database \(file.path) is not a SQLite database or is damaged (SQLite: file is not a database); \
            it was left unchanged: restore it from a backup, or move it away and the server starts with an empty one

            """)
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test("a database file the server cannot write is reported and left unchanged")
    func unwritable() async throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let file = try await Self.makeDatabase(in: data)
        let before = try Data(contentsOf: file)
        // As root, permissions do not stop writes: the file is bind-mounted read-only over itself.
        if Self.isRoot {
            // The read-only bind is checked (and made again if a write still opens): with other
            // tests mounting and making namespaces at the same time, a server once opened it writable.
            for _ in 0..<3 where Self.opensForWriting(file) {
                try? Self.shell("umount '\(file.path)' 2>/dev/null")
                try Self.shell("mount --bind '\(file.path)' '\(file.path)' && mount -o remount,ro,bind '\(file.path)'")
            }
            #expect(!Self.opensForWriting(file), "the read-only bind mount over \(file.path) did not take")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        }
        defer {
            if Self.isRoot { try? Self.shell("umount '\(file.path)'") }
        }
        let (status, error) = try await Self.start(data)
        #expect(status == 1)
        #expect(error == """
            error: the database \(file.path) is not writable (SQLite: attempt to write a readonly database); the server \
            needs to write its records: give it a data folder it can write with --data, or make the file and its folder writable

            """)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a database another process holds locked is reported")
    func locked() async throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let file = try await Self.makeDatabase(in: data)
        let holder = Process()
        // Python's sqlite3 module holds the lock and says so at once (the sqlite3 shell buffers its output in a pipe).
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\nsys.stdin.read()\n",
            file.path,
        ]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.terminate()
            holder.waitUntilExit()
        }
        var said = ""
        while !said.hasSuffix("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        #expect(said == "locked\n")
        let before = try Data(contentsOf: file)
        let (status, error) = try await Self.start(data)
        #expect(status == 1)
        #expect(error == """
            error: the database \(file.path) is locked by another process (SQLite: database is locked); is another kfp \
            server using the same data folder? stop it, or give this one another folder with --data

            """)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a second server on the same data folder is refused and the first keeps serving")
    func secondServer() async throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let executable = try #require(ServerProcess.executable)
        let first = try ServerProcess(executable: executable, data: data)
        defer { first.stop() }
        let (status, error) = try await Self.start(data)
        #expect(status == 1)
        #expect(error == """
            error: the data folder \(data.path) is in use by another kfp server (pid \(first.process.processIdentifier)); \
            stop it, or give this one another folder with --data

            """)
        let (health, _) = try await TestClient(base: first.base).call("GET", "/apis/v2beta1/healthz")
        #expect(health == 200)
    }

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-db-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A database made by a server that started and stopped; its file.
    private static func makeDatabase(in data: URL) async throws -> URL {
        let server = try ServerProcess(executable: try #require(ServerProcess.executable), data: data)
        server.stop()
        return data.appendingPathComponent("kfp.sqlite")
    }

    /// Runs `kfp server` on `data` until it exits (at most 60 s; stopped by its pid if it serves).
    private static func start(_ data: URL) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try #require(ServerProcess.executable)
        process.arguments = ["server", "--port", "0", "--data", data.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("kfp server kept running over the bad database")
        }
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text)
    }

    /// Whether `file` opens for writing (errno EROFS once it is bind-mounted read-only).
    private static func opensForWriting(_ file: URL) -> Bool {
        let descriptor = open(file.path, O_WRONLY)
        if descriptor >= 0 { close(descriptor) }
        return descriptor >= 0
    }

    private static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessError(message: "'\(command)' exited with status \(process.terminationStatus)")
        }
    }
}
