import Foundation
import IrisTutorial
import KFP
import KFPCompiler
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// The main job end to end: the tutorial pipeline compiled and run on the real iris data, served
/// on a loopback HTTP server.
@Suite("Iris tutorial pipeline", .serialized)
struct IrisTutorialTests {
    let spec: PipelineSpec
    let root: URL

    init() throws {
        spec = try PipelineCompiler().compile(try IrisTutorial.pipeline())
        root = FileManager.default.temporaryDirectory.appendingPathComponent("iris-tutorial-\(UUID().uuidString)")
    }

    func run(url: String? = nil) async throws -> LocalRun {
        let runner = LocalRunner(options: LocalRunnerOptions(pipelineRoot: root))
        let spec = self.spec
        if let url { return try await runner.run(spec, arguments: ["url": .string(url)]) }
        let name = IrisTutorial.tarballName
        return try await LoopbackFileServer.serving([name: IrisTutorial.tarball]) { base in
            try await runner.run(spec, arguments: ["url": .string(base.appendingPathComponent(name).absoluteString)])
        }
    }

    /// The rows of the three CSV files in the bundled tarball, extracted with `tar`.
    func inputRows() throws -> [String] {
        try Self.inputRows(in: root.appendingPathComponent("expected"))
    }

    /// The rows of the three CSV files in the bundled tarball, extracted with `tar` into `folder`.
    static func inputRows(in folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", IrisTutorial.tarball.path, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files == ["iris-1.csv", "iris-2.csv", "iris-3.csv"])
        return try files.flatMap { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        }
    }

    @Test("a run merges the three files into 150 rows of 5 columns, and a second run is all cache hits")
    func mergesAndCaches() async throws {
        let first = try await run()
        #expect(first.state == .succeeded)
        let report = try MergedCSVReport(run: first)
        #expect(report.rows.count == 150)
        #expect(report.columnCount == 5)
        #expect(report.rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 5 })
        #expect(report.rows.sorted() == (try inputRows()).sorted())
        #expect(first.tasks.mapValues(\.cached) == ["download-data": false, "merge-csv": false])

        let second = try await run()
        #expect(second.state == .succeeded)
        #expect(second.tasks.mapValues(\.cached) == ["download-data": true, "merge-csv": true])
        #expect(try MergedCSVReport(run: second).rows == report.rows)
    }

    @Test("a wrong URL fails the download with curl's error and runs nothing after it")
    func wrongURL() async throws {
        let record = try await run(url: "http://127.0.0.1:9/missing.tar.gz")
        #expect(record.state == .failed)
        let download = try #require(record.tasks["download-data"])
        #expect(download.state == .failed)
        #expect(download.message?.contains("curl: (7) Failed to connect to 127.0.0.1 port 9") == true)
        #expect(record.tasks["merge-csv"]?.state == .skipped)
        #expect(download.outputs.artifacts["data"] == nil)
    }

    @Test("a tarball without CSV files fails the merge with the Python error")
    func tarballWithoutCSV() async throws {
        let folder = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "no csv here\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let tarball = root.appendingPathComponent("no-csv.tar.gz")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-czf", tarball.path, "-C", folder.path, "notes.txt"]
        try tar.run()
        tar.waitUntilExit()
        let spec = self.spec
        let runner = LocalRunner(options: LocalRunnerOptions(pipelineRoot: root.appendingPathComponent("no-csv-root")))
        let record = try await LoopbackFileServer.serving(["no-csv.tar.gz": tarball]) { base in
            try await runner.run(spec, arguments: ["url": .string(base.appendingPathComponent("no-csv.tar.gz").absoluteString)])
        }
        #expect(record.state == .failed)
        #expect(record.tasks["download-data"]?.state == .succeeded)
        let merge = try #require(record.tasks["merge-csv"])
        #expect(merge.state == .failed)
        #expect(merge.message?.contains("ValueError: the tarball") == true)
        #expect(merge.message?.contains("holds no CSV files") == true)
        #expect(merge.outputs.artifacts["output_csv"] == nil)
    }

    @Test("the compiled pipeline passes validation")
    func compiledPipelineValidates() throws {
        let yaml = try SpecWriter().write(spec)
        let loaded = try SpecLoader(file: "pipeline.yaml").load(yaml)
        try SpecValidator().validate(loaded)
        #expect(loaded.pipelineSpec == spec)
    }

    @Test("the compiled pipeline loads in kfp 2.17.3 as a component", .enabled(if: TestEnvironment.oraclePython != nil, "needs the oracle venv"))
    func compiledPipelineLoads() async throws {
        let yaml = try SpecWriter().write(spec)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("pipeline.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let output = try await TestEnvironment.runOracle(
            script: "kfp_load_pipeline.py", arguments: [], stdin: try JSONEncoder().encode([file.path]))
        let results = try JSONDecoder().decode([String: String].self, from: output)
        #expect(results == [file.path: "ok"])
    }
}
