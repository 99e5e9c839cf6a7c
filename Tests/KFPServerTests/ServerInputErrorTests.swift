import Foundation
import KFPServer
import KFPSpec
import Testing

/// Bad input gets KFP's status codes and a message that names what is wrong.
@Suite("kfp server bad input")
struct ServerInputErrorTests {
    static func multipart(_ file: Data, name: String = "pipeline.yaml") -> (body: Data, headers: [String: String]) {
        let boundary = "0123456789abcdef0123456789abcdef"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"\(name)\"\r\n".utf8)
        body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + file + Data("\r\n--\(boundary)--\r\n".utf8)
        return (body, ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }

    @Test("invalid pipeline YAML is 400 with the validation message in the upload error shape")
    func invalidYAML() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let yaml = "pipelineInfo: {name: bad}\nroot: {dag: {tasks: {a: {componentRef: {name: comp-missing}, taskInfo: {name: a}}}}}\n"
        let (body, headers) = Self.multipart(Data(yaml.utf8), name: "bad.yaml")
        let (status, data) = try await server.client.raw("POST", "/apis/v2beta1/pipelines/upload?name=bad", body: body, headers: headers)
        #expect(status == 400)
        let json = try JSONDecoder().decode(JSONValue.self, from: data)
        let message = json["error_message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Invalid pipeline package bad.yaml: "), "\(message)")
        #expect(message.contains("comp-missing"), "\(message)")
        #expect(json["error_details"] == json["error_message"])

        let (notYAML, notYAMLBody) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload", body: Self.multipart(Data([0xFF, 0xFE, 0x00])).body, headers: headers)
        #expect(notYAML == 400)
        #expect(String(decoding: notYAMLBody, as: UTF8.self).contains("Failed to parse the pipeline package pipeline.yaml"))
    }

    @Test("unknown ids are 404 with a google.rpc.Status body naming the id")
    func unknownIDs() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        for (path, what) in [
            ("/apis/v2beta1/experiments/nope", "Experiment nope not found"), ("/apis/v2beta1/runs/nope", "Run nope not found"),
            ("/apis/v2beta1/pipelines/nope", "Pipeline nope not found"),
            ("/apis/v2beta1/recurringruns/nope", "RecurringRun nope not found"),
        ] {
            let (status, body) = try await server.client.call("GET", path)
            #expect(status == 404, "\(path)")
            #expect(body == [
                "error": .string(what), "code": 5, "message": .string(what),
                "details": [["@type": "type.googleapis.com/google.rpc.Status", "code": 5, "message": .string(what)]],
            ])
        }
    }

    @Test("a parameter over the size limit is 400 naming it; an upload over the limit is 413")
    func sizeLimits() async throws {
        let server = try await ServerHarness.start { options in
            options.maxParameterBytes = 100
            options.maxUploadBytes = 2_000
        }
        defer { Task { await server.stop() } }
        let spec = try ServerTestPipelines.echo()
        let (status, body) = try await server.client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "big", "pipeline_spec": spec,
            "runtime_config": ["parameters": ["text": .string(String(repeating: "x", count: 200))]],
        ])
        #expect(status == 400)
        #expect(body["message"] == "Invalid run: parameter text is 202 bytes, over this server's limit of 100 bytes")

        let (uploadStatus, uploadBody) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=big",
            body: Self.multipart(Data(repeating: 0x61, count: 5_000)).body, headers: Self.multipart(Data()).headers)
        #expect(uploadStatus == 413)
        #expect(String(decoding: uploadBody, as: UTF8.self).contains("larger than 2000 bytes"))
    }

    @Test("log and artifact requests cannot leave the data folder")
    func pathsStayInside() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (_, run) = try await server.client.call("POST", "/apis/v2beta1/runs", body: [
            "display_name": "echo", "pipeline_spec": try ServerTestPipelines.echo(),
        ])
        let runID = try #require(run["run_id"]?.stringValue)
        for path in [
            "/apis/v1alpha1/runs/\(runID)/nodes/..%2F..%2F..%2Fetc/log",
            "/apis/v1alpha1/runs/\(runID)/nodes/%2Fetc%2Fpasswd/log",
            "/apis/v2beta1/runs/\(runID)/nodes/echo/artifacts/..%2F..%2Fetc%2Fpasswd:read",
            "/apis/v1alpha1/runs/..%2F..%2Fetc/nodes/passwd/log",
        ] {
            let (status, data) = try await server.client.raw("GET", path)
            #expect(status == 404, "\(path)")
            #expect(!String(decoding: data, as: UTF8.self).contains("root:"), "\(path)")
        }
    }

    @Test("with --token, a request without the bearer token is 401 and with it 200")
    func token() async throws {
        let server = try await ServerHarness.start { $0.token = "s3cret" }
        defer { Task { await server.stop() } }
        let (refused, body) = try await server.client.call("GET", "/apis/v2beta1/experiments")
        #expect(refused == 401)
        #expect(body["code"] == 16)
        let (wrong, _) = try await server.client.call("GET", "/apis/v2beta1/experiments", headers: ["Authorization": "Bearer nope"])
        #expect(wrong == 401)
        let (allowed, _) = try await server.client.call("GET", "/apis/v2beta1/experiments", headers: ["Authorization": "Bearer s3cret"])
        #expect(allowed == 200)
    }

    @Test("bad list parameters are 400 naming them; empty ones are absent")
    func listParameters() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (empty, emptyBody) = try await server.client.call("GET", "/apis/v2beta1/recurringruns?page_token=&page_size=&sort_by=&filter=")
        #expect(empty == 200)
        #expect(emptyBody == [:])
        let (negative, _) = try await server.client.call("GET", "/apis/v2beta1/runs?page_size=-1")
        #expect(negative == 400)
        let (unknown, unknownBody) = try await server.client.call(
            "GET", "/apis/v2beta1/runs?filter=%7B%22predicates%22%3A%5B%7B%22operation%22%3A1%2C%22key%22%3A%22color%22%2C%22string_value%22%3A%22red%22%7D%5D%7D")
        #expect(unknown == 400)
        #expect(unknownBody["message"]?.stringValue?.contains("color") == true)
    }
}
