import Foundation
import KFPServer
import KFPSpec
import Testing

/// Crafted packages (zip-slip, tar-slip) and requests over the size limits are refused.
@Suite("kfp server package and size limits")
struct UploadSafetyTests {
    /// A zip or tar.gz made by Python's zipfile/tarfile with the given member names, each holding `contents`.
    static func package(_ kind: String, members: [String], contents: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("package")
        let spec = folder.appendingPathComponent("spec.json")
        try Data(contents.utf8).write(to: spec)
        // ZipInfo and TarInfo keep a name as given (`ZipFile.write` would drop a leading '/' and fold '..').
        let script = kind == "zip"
            ? """
            import sys, zipfile
            data = open(sys.argv[2], 'rb').read()
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                for name in sys.argv[3:]: z.writestr(zipfile.ZipInfo(name), data)
            """
            : """
            import io, sys, tarfile
            data = open(sys.argv[2], 'rb').read()
            with tarfile.open(sys.argv[1], 'w:gz') as t:
                for name in sys.argv[3:]:
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
            """
        _ = try ServerSecurityTests.output(["python3", "-c", script, output.path, spec.path] + members)
        return try Data(contentsOf: output)
    }

    @Test("zip and tar.gz packages with '..' or absolute members are refused", arguments: [
        ("zip", ["../evil.json"], "../evil.json"), ("zip", ["/tmp/evil.json"], "/tmp/evil.json"),
        ("zip", ["pipeline.json", "a/../../evil.json"], "a/../../evil.json"),
        ("tar", ["../evil.json"], "../evil.json"), ("tar", ["/tmp/evil.json"], "/tmp/evil.json"),
        ("tar", ["pipeline.json", "a/../../evil.json"], "a/../../evil.json"),
    ])
    func slips(kind: String, members: [String], offender: String) async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let spec = try ServerTestPipelines.echo().compactJSON()
        let data = try Self.package(kind, members: members, contents: spec)
        let name = kind == "zip" ? "evil.zip" : "evil.tar.gz"
        let (status, body) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=evil", body: ServerInputErrorTests.multipart(data, name: name).body,
            headers: ServerInputErrorTests.multipart(Data()).headers)
        let json = try JSONDecoder().decode(JSONValue.self, from: body)
        #expect(status == 400)
        let message = json["error_message"]?.stringValue ?? ""
        if kind == "zip" {
            #expect(message == "Failed to parse the pipeline package \(name): \(name): error: the zip archive has an entry outside the package, '\(offender)'; entries with '..' or an absolute path are refused")
        } else {
            #expect(message == "Invalid pipeline package \(name): the tar.gz archive has a member outside the package, '\(offender)'; members with '..' or an absolute path are refused")
        }
        let (_, pipelines) = try await server.client.call("GET", "/apis/v2beta1/pipelines")
        #expect(pipelines["total_size"] == nil)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.json"))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("evil.json").path))
    }

    @Test("a well-formed zip and tar.gz package are still accepted", arguments: ["zip", "tar"])
    func goodPackages(kind: String) async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let data = try Self.package(kind, members: ["dir/pipeline.json"], contents: try ServerTestPipelines.echo().compactJSON())
        let (status, body) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=good-\(kind)",
            body: ServerInputErrorTests.multipart(data, name: "good.\(kind)").body, headers: ServerInputErrorTests.multipart(Data()).headers)
        let json = try JSONDecoder().decode(JSONValue.self, from: body)
        #expect(status == 200, "\(json)")
        #expect(json["display_name"] == .string("good-\(kind)"))
    }

    @Test("a JSON body over the limit is 413 with a google.rpc.Status, and the server keeps answering")
    func bodyLimit() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let limit = 64 << 20
        var body = Data("{\"display_name\": \"".utf8)
        body.append(Data(repeating: 0x61, count: limit))
        body.append(Data("\"}".utf8))
        let (status, data) = try await server.client.raw("POST", "/apis/v2beta1/experiments", body: body)
        #expect(status == 413)
        let message = "the request body is larger than \(limit) bytes"
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == [
            "error": .string(message), "code": 8, "message": .string(message),
            "details": [["@type": "type.googleapis.com/google.rpc.Status", "code": 8, "message": .string(message)]],
        ])
        let (after, _) = try await server.client.call("GET", "/apis/v2beta1/healthz")
        #expect(after == 200)
    }

    @Test("a multipart upload whose other part is over the limit is 413")
    func multipartPartLimit() async throws {
        let server = try await ServerHarness.start { $0.maxUploadBytes = 100_000 }
        defer { Task { await server.stop() } }
        let boundary = "0123456789abcdef0123456789abcdef"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n".utf8)
        body.append(Data(repeating: 0x61, count: 300_000))
        body.append(Data("\r\n".utf8))
        body.append(ServerInputErrorTests.multipart(Data(try ServerTestPipelines.echo().compactJSON().utf8), name: "p.json").body)
        let (status, data) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=parts", body: body,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
        #expect(status == 413)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == [
            "error_message": "the upload is larger than 100000 bytes", "error_details": "the upload is larger than 100000 bytes",
        ])
    }
}
