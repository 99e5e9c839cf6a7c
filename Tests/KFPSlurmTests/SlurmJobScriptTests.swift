import Foundation
import Testing

@testable import KFPSlurm

/// The job script passes every argument through `sh` byte for byte, whatever it holds.
@Suite("Job scripts quote every argument")
struct SlurmJobScriptTests {
    static let hostile: [String] = [
        "", " ", "plain", "it's", "'", "''", "\"double\"", "a\nb", "\n", "trailing\n", "$HOME", "${PATH}", "$(id)", "`id`",
        "\\", "\\'", "a\\nb", "*", "?[a]", "~", "-n", "--", "; rm -rf /", "&& echo no", "| cat", "> out", "# comment",
        "tab\there", "ünïcödé ✓ 🌍", "日本語", "\u{7}bell", "'\"'\"'", "%j %N %%",
    ]

    /// Runs `script` with `/bin/sh` and returns its stdout.
    static func run(_ script: String, in folder: URL) throws -> Data {
        let file = folder.appendingPathComponent("job.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    @Test("each hostile argument arrives as written")
    func hostileArguments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-slurm-quote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try SlurmJobScript.script(argv: ["printf", "%s\\0"] + Self.hostile, workingDirectory: folder.path)
        let printed = try Self.run(script, in: folder)
        let arguments = printed.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        #expect(arguments == Self.hostile)
    }

    @Test("the script runs in a folder whose name is hostile too")
    func hostileFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-slurm-quote-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("it's a $(folder) `x` \"y\"\nünï")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let printed = try Self.run(try SlurmJobScript.script(argv: ["pwd"], workingDirectory: folder.path), in: base)
        #expect(String(decoding: printed, as: UTF8.self) == folder.path + "\n")
    }

    @Test("the script has the documented form")
    func form() throws {
        let script = try SlurmJobScript.script(argv: ["python3", "-c", "print('it\\'s')"], workingDirectory: "/shared/r/t")
        #expect(script == "#!/bin/sh\ncd '/shared/r/t' || exit 1\nexec 'python3' '-c' 'print('\\''it\\'\\''s'\\'')'\n")
    }

    @Test("an argument with a NUL character or an empty command is refused")
    func refused() {
        #expect(throws: SlurmError.self) { try SlurmJobScript.script(argv: ["echo", "a\u{0}b"], workingDirectory: "/tmp") }
        #expect(throws: SlurmError.self) { try SlurmJobScript.script(argv: [], workingDirectory: "/tmp") }
    }

    @Test("output file names keep their percent signs")
    func filePattern() {
        #expect(SlurmJobScript.filePattern("/r/100%/log.txt") == "/r/100%%/log.txt")
        #expect(SlurmJobScript.filePattern("/r/a\\b%j/log.txt") == "/r/a\\b%j/log.txt")
    }
}
