import Crypto
import Foundation
import KFPSpec
import Testing

/// A 128 MiB artifact read through the API's `:read` (a base64 tar.gz in JSON) and downloaded from
/// the UI: both stream from disk, so the server (a child process, so its memory can be read) never
/// holds the artifact, its tarball or their base64 in memory.
@Suite("A task with a 128 MiB artifact", .enabled(if: ServerProcess.executable != nil, "needs the kfp executable built beside the tests"))
struct LargeArtifactTests {
    static let artifactBytes = 128 << 20
    /// A bound on the server's peak resident memory, below the artifact's own size (holding the
    /// tarball and its base64 in memory takes more than twice that size).
    static let memoryBound = 120 << 20

    @Test("the :read JSON and the UI download hold the artifact's exact bytes; the server's peak memory stays bounded")
    func largeArtifact() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-large-artifact-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(executable: try #require(ServerProcess.executable), data: data)
        defer { server.stop() }
        let client = TestClient(base: server.base)
        let (_, created) = try await client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "spill", "pipeline_spec": try ServerTestPipelines.largeArtifact(bytes: Self.artifactBytes),
        ])
        let runID = try #require(created["run_id"]?.stringValue)
        let run = try await client.waitForState(runID, ["SUCCEEDED", "FAILED"])
        #expect(run["state"] == "SUCCEEDED")
        let task = try #require(run["run_details"]?["task_details"]?.arrayValue?.first { $0["display_name"] == "spill" })
        let taskID = try #require(task["task_id"]?.stringValue)
        let artifactID = try #require(task["outputs"]?["blob"]?["artifact_ids"]?.arrayValue?.first?.stringValue)
        // The artifact's file under the server's default pipeline root, in its data folder.
        let files = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let blobs = files.filter { $0.lastPathComponent == "blob" && !$0.hasDirectoryPath }
        #expect(blobs.count == 1, "\(blobs)")
        let onDisk = try Data(contentsOf: try #require(blobs.first))
        #expect(onDisk.count == Self.artifactBytes)

        let (status, download) = try await client.raw("GET", "/ui/runs/\(runID)/artifacts/\(artifactID)")
        #expect(status == 200)
        #expect(download.count == Self.artifactBytes)
        #expect(SHA256.hash(data: download) == SHA256.hash(data: onDisk))

        let (readStatus, read) = try await client.raw("GET", "/apis/v2beta1/runs/\(runID)/nodes/\(taskID)/artifacts/blob:read")
        #expect(readStatus == 200)
        let json = try JSONDecoder().decode([String: String].self, from: read)
        let tarball = try #require(Data(base64Encoded: json["data"] ?? ""))
        let extracted = try Self.untar(tarball)
        #expect(extracted.count == Self.artifactBytes)
        #expect(SHA256.hash(data: extracted) == SHA256.hash(data: onDisk))

        let peak = try LargeLogTests.peakResidentBytes(server.process.processIdentifier)
        print("128 MiB artifact: the server's peak resident memory was \(peak >> 20) MiB (bound \(Self.memoryBound >> 20) MiB)")
        #expect(peak < Self.memoryBound)
    }

    /// The one file in a tar.gz.
    static func untar(_ tarball: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-untar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try tarball.write(to: folder.appendingPathComponent("a.tar.gz"))
        _ = try ServerSecurityTests.output(["tar", "-xzf", folder.appendingPathComponent("a.tar.gz").path, "-C", folder.path])
        let members = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "a.tar.gz" }
        #expect(members == ["blob"])
        return try Data(contentsOf: folder.appendingPathComponent(try #require(members.first)))
    }
}
