import Foundation

/// Where the tests find the shared corpus and the Python oracle (a venv with `kfp==2.17.3`);
/// shared by every test target.
public enum TestEnvironment {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/kfp-corpus`, or `nil` (with a printed notice) when it is absent.
    public static let corpus: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kfp-corpus")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        print("notice: ../shared/kfp-corpus is absent; corpus tests are skipped")
        return nil
    }()

    /// The oracle interpreter: `$KFP_ORACLE_PYTHON`, else `.venv-oracle/bin/python` in the package root.
    /// `nil` (with a printed notice) when neither exists.
    public static let oraclePython: URL? = {
        if let path = ProcessInfo.processInfo.environment["KFP_ORACLE_PYTHON"], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        {
            return URL(fileURLWithPath: path)
        }
        let venv = packageRoot.appendingPathComponent(".venv-oracle/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        print("notice: no oracle Python (set KFP_ORACLE_PYTHON or run scripts/test.sh); oracle tests are skipped")
        return nil
    }()

    /// Every file under `folder` of the corpus whose name ends in one of `extensions`, sorted.
    public static func corpusFiles(_ folder: String, extensions: Set<String> = ["yaml", "yml"]) -> [URL] {
        guard let corpus else { return [] }
        let root = corpus.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    /// The oracle script named `script`, from the `Oracle` folder of a test target or `Tests/Oracle/`.
    public static func oracleScript(_ script: String) -> URL {
        let folders = ["Tests/KFPSpecTests/Oracle", "Tests/KFPLocalTests/Oracle", "Tests/KFPServerTests/Oracle", "Tests/IrisTutorialTests/Oracle", "Tests/Oracle"]
        let candidates = folders.map { packageRoot.appendingPathComponent("\($0)/\(script)") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs the oracle Python with an oracle script and returns its stdout, without blocking a
    /// thread of the concurrency pool while it runs (the stdout goes through a temporary file).
    public static func runOracle(script: String, arguments: [String], stdin: Data = Data()) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        do {
            try await runOracle(script: script, arguments: arguments, stdin: stdin, output: output, errors: errors)
        } catch let failure as OracleFailed {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            FileHandle.standardError.write(Data(text.suffix(4_000).utf8))
            throw failure
        }
        return try Data(contentsOf: output)
    }

    /// Runs the oracle Python with an oracle script without blocking:
    /// stdin comes from `stdin`, stdout goes to `output` and stderr to `errors` (files, so a large
    /// output cannot fill a pipe). Returns when the process exits; stops it after `timeout` seconds.
    public static func runOracle(script: String, arguments: [String], stdin: Data, output: URL, errors: URL,
                          timeout: Double = 900) async throws {
        guard let python = oraclePython else { throw OracleUnavailable() }
        let process = Process()
        process.executableURL = python
        let scriptURL = oracleScript(script)
        process.arguments = [scriptURL.path] + arguments
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-oracle-stdin-\(UUID().uuidString)")
        try stdin.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        let status = try await process.runToEnd(timeout: timeout)
        guard status == 0 else { throw OracleFailed(status: status) }
    }
}

public struct OracleUnavailable: Error {}

public struct OracleFailed: Error, CustomStringConvertible {
    public var status: Int32
    public var description: String { "oracle script exited with status \(status)" }
}
