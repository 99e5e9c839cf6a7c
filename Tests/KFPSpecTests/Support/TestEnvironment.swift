import Foundation

/// Where the tests find the shared corpus and the Python oracle (a venv with `kfp==2.17.3`).
enum TestEnvironment {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/kfp-corpus`, or `nil` (with a printed notice) when it is absent.
    static let corpus: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kfp-corpus")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        print("notice: ../shared/kfp-corpus is absent; corpus tests are skipped")
        return nil
    }()

    /// The oracle interpreter: `$KFP_ORACLE_PYTHON`, else `.venv-oracle/bin/python` in the package root.
    /// `nil` (with a printed notice) when neither exists.
    static let oraclePython: URL? = {
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
    static func corpusFiles(_ folder: String, extensions: Set<String> = ["yaml", "yml"]) -> [URL] {
        guard let corpus else { return [] }
        let root = corpus.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    /// Runs the oracle Python with a script from `Tests/KFPSpecTests/Oracle/` and returns its stdout.
    static func runOracle(script: String, arguments: [String], stdin: Data? = nil) throws -> Data {
        guard let python = oraclePython else { throw OracleUnavailable() }
        let process = Process()
        process.executableURL = python
        let scriptURL = packageRoot.appendingPathComponent("Tests/KFPSpecTests/Oracle/\(script)")
        process.arguments = [scriptURL.path] + arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleFailed(status: process.terminationStatus) }
        return data
    }
}

struct OracleUnavailable: Error {}

struct OracleFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "oracle script exited with status \(status)" }
}
