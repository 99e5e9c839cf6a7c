import ArgumentParser
import Foundation
import IrisTutorial
import KFPAPI
import KFPCommands
import KFPCompiler
import KFPServer
import KFPSpec
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The main job submitted to `kfp server` (what `iris-tutorial submit` does): the run SUCCEEDS and
/// the merged CSV, read back through the server's artifact endpoint, has the 150 iris rows.
@Suite("Iris tutorial submitted to kfp server")
struct IrisSubmitTests {
    @Test("submit runs on the server; both tasks SUCCEED and the merged CSV artifact has 150 rows")
    func submitToServer() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iris-submit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await PipelineServer(options: ServerOptions(port: 0, dataFolder: folder.appendingPathComponent("data"))).start()
        let endpoint = server.endpoint.absoluteString
        let spec = try PipelineCompiler().compile(try IrisTutorial.pipeline())
        let options = try SubmitOptions.parse(["--endpoint", endpoint, "--experiment-name", "iris", "--poll-interval", "0.5"])
        let name = IrisTutorial.tarballName
        let run = try await LoopbackFileServer.serving([name: IrisTutorial.tarball], port: 0) { base in
            try await options.submit(spec, defaults: ["url": .string(base.appendingPathComponent(name).absoluteString)], wait: true)
        }
        #expect(run.state == .succeeded, "\(run.error?.message ?? "")")
        let tasks = run.runDetails?.taskDetails ?? []
        #expect(Dictionary(uniqueKeysWithValues: tasks.map { ($0.displayName, $0.state) }) == ["download-data": .succeeded, "merge-csv": .succeeded])
        let merge = try #require(tasks.first { $0.displayName == "merge-csv" })
        #expect(merge.outputs["output_csv"]?.artifactIDs.count == 1)

        let url = try #require(URL(string: "\(endpoint)/apis/v2beta1/runs/\(run.runID)/nodes/\(merge.taskID)/artifacts/output_csv:read"))
        let (data, _) = try await URLSession.shared.data(from: url)
        let body = try JSONDecoder().decode([String: String].self, from: data)
        let archive = folder.appendingPathComponent("output_csv.tar.gz")
        try Data(base64Encoded: body["data"] ?? "")?.write(to: archive)
        let csv = try String(decoding: Self.untar(archive), as: UTF8.self)
        #expect(csv.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }.count == 150)
        await server.stop()
    }

    /// The contents of the single file in a tar.gz, read with the system `tar`.
    static func untar(_ archive: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-xzOf", archive.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
