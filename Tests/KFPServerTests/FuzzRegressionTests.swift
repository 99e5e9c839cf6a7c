import Foundation
import KFPServer
import KFPSpec
import Testing

/// Inputs the fuzzer (`scripts/fuzz.sh`) found crashing or hanging the server, each answered with
/// a clear error now.
@Suite("kfp server: fuzzing regressions")
struct FuzzRegressionTests {
    /// `multipart` target, crash-1c00633e: a part header name with the byte 0x91 (MultipartKit
    /// indexed its 128-entry table with it and trapped: "Index out of range").
    static let nonASCIIHeaderName = Data(base64Encoded: """
        LS1YeVoNCkNvbnRlbnQtRGlzcG9zaXRpb246IGZvcm1yeT1YeVoKLS1YeVoNCkNvbnRlbnQtRGlzcG9zaXRpb246IGZvcm0tZGF0YTsg\
        bmFtZT0idXBpbGUiOyBmaWxlbmFtZT0ibXAueWxvYWRmaWxlIjsgZmlsZW5hbWU9Im1wLnlhbWwiDQpDkQBvbnRldWxu
        """)

    /// `multipart` target, crash-c611fcce: a header block ended by `LF CRLF`, which MultipartKit does
    /// not take as its end, so the next line (starting with the byte 0x90) was read as a header name.
    static let headerBlockWithoutCRLFCRLF = Data(base64Encoded: "LS1YeVoNCkNvbnRlbnQtRGlzcERpc3Bvc2l0aW9uOiBmb3Jtcnk9WO/v7+/v7+/v7+95WgpTZXF1ZW5jZW9udGVudC1EaXNwb3NpdGlvbjogZm9ybS1kYXRhOyBuYW1pY2F0aW9uL29jdGV0LXN0bmFtZT0KDQqQlo+ZbGluZUluZm86IHtuYW1lOiBwfQ0KLS1YeVotLQ0K")

    @Test("a header block MultipartKit reads past a lone LF CRLF into non-ASCII bytes is 400, not a crash")
    func headerBlockWithoutCRLFCRLF() async throws {
        let body = try #require(Self.headerBlockWithoutCRLFCRLF)
        try await Self.expectRefusedUpload(body)
    }

    /// `package` target, crash-a02d63c7: a zip whose central directory puts an entry past the end
    /// (ZIPFoundation's in-memory archive read a negative length and trapped: "Range requires
    /// lowerBound <= upperBound").
    static let zipEntryPastTheEnd = Data(base64Encoded: """
        UEsDBBQAAAAIAMFQxFpV5FrTFQEAAAsCAAARABwAaW52YWxpZF95YW1sLnlhbWxVVAkAA8pSQGjLUkBodXgLAAEEJ2NAAAQnY0AAVZBP\
        b4MwDMXvfApLPQOjvXHdmIRU0Wqbdp1McCEiJFES1PHtl4D4s+N7frZ/9gnu5b24llUBb8V7WZVf5a2KTlDhQDkQ61TE1KCVJOnsT5ZH\
        AEHHoRIEAP0SG50yV6xJ5LOcq1FDWqhp8I2fmlgIr1G7dx4GhcnSIZdkVgMATWt3FUNHQih4KiOazfVAA8rmGJsBVskHbP0xeqwFZwkx\
        k+DTpo1iPZlU8NqgmVI9uU7J/JJk50hzTcJzlPIxs8n9GUYpF6wG22WfQ9tvhMdjPBeyjsv2ph1X8nCFz0msBb36up/rzEjHW5Znf9Dj\
        2LEgbK/fKmH9ivk/O8es3zDgNxnrEXI4J1nyEtmm35z+oWPvXrz9B1BLAQIeAxQAAAAIAMFQxFpV5FrTFQEAAAsCAAARABgAAAAAAP8P\
        AQAAAKSBAAAAAGludmFsaWRfeWFtbC55YW1sVVQFAAPKUkBodXgLAAEEJ2NAAAQnY0AAUEsFBgAAAAABAAEAVwAAAGABAAAAAA==
        """)

    @Test("a multipart part header name that is not ASCII is 400, and the server goes on answering")
    func nonASCIIHeaderName() async throws {
        let body = try #require(Self.nonASCIIHeaderName)
        try await Self.expectRefusedUpload(body)
    }

    @Test("a zip package whose entry lies past the end is refused (no readable file in it), not a crash")
    func zipEntryPastTheEnd() async throws {
        let zip = try #require(Self.zipEntryPastTheEnd)
        let error = try #require(throws: SpecError.self) { try SpecLoader(file: "p.zip").load(zip) }
        #expect(error.kind == .syntax)
        #expect(error.description == "p.zip: error: a pipeline package holds exactly one spec file, found 0")

        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (body, headers) = ServerInputErrorTests.multipart(zip, name: "p.zip")
        let (status, data) = try await server.client.raw("POST", "/apis/v2beta1/pipelines/upload?name=z", body: body, headers: headers)
        #expect(status == 400)
        let message = (try JSONDecoder().decode(JSONValue.self, from: data))["error_message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Failed to parse the pipeline package p.zip"), "\(message)")
    }

    /// `package` target, timeout-29d73edf: a zip whose local header disagrees with its central
    /// directory; `kfp spec check` on it hung in ZIPFoundation's extraction, now and then: its
    /// Linux inflate loop hands zlib a whole buffer for a short last chunk (reading whatever lay
    /// beyond it) and asks for more forever once the data ends before the stream does
    /// (weichsel/ZIPFoundation#389). The entry is read by ``ZipEntryReader`` now.
    static let zipEntryClaimingTooMuch = Data(base64Encoded: """
        UEsDBBQAAAAIAMFQxFpV5FrTFQEAAAsCAAARABwAaW52YWxpZF95YW1sLnlhbWxVVAkAA8pSQGjLUkBodXgLAAEEJ2NAAAQn40AAVZBP\
        b4MwDMXvfApLPQOjvXHdmIRU0Wqbdp1McCEiJFES1PHtl4D4s+N7frZ/9gnu5b24llUBb8V7WZVf5a2KTlDhQDkQ61TE1KCVJOnsT5ZH\
        AEHHoRIEAP0SG50yV6xJ5LOcq1FDWqhp8I2fmlgIr1G7dx4GhcnSIZdkVgMATWt3FUNHQih4KiOazfVAA8rmGJsBVskHbP0xeqwFZwkx\
        k+DTpo1iPZlU8NqgmVI9uU7J/JJk50hzTcJzlPIxs8lkZWZhdWx0VmFsdWVvhMdjPBeyjsv2ph1X8nCFz0msBb36up/rzEjHW5Znf9Dj\
        2LEgbK/fKmH9ivk/O8es3zDgNxnrJ3IRWfI4Etmm35z+oWPvXrz9B1BLAQIeAxQAAAAIAMFQxFpV5FrTFQEAAAsCAAARABgAAAAAAAEA\
        AACkgQAAAABpbnZhbGlkX3lhbWwueWFtbFVUBQADylLHoRIEAP0SG50yV6xJ5LOcq1FDWqhp8I2fmlgIr1G7dx4GhcnSIZdkVgMATWt3\
        FUNHQih4KiOazfVAA8rmGJsBVskHbP0xeqwFZwkxk+DTpo1iPZlU8NqgmVI9uU7J/JJk50hzQGh1eAsAAQQnY0AABCdjQABQSwUGAAAA\
        AAEAAQBXAAAAYAEAAAAA
        """)

    @Test("a zip whose headers disagree ends with an error, not a hang")
    func zipEntryClaimingTooMuch() throws {
        let zip = try #require(Self.zipEntryClaimingTooMuch)
        let error = try #require(throws: SpecError.self) { try SpecLoader(file: "p.zip").load(zip) }
        #expect(error.kind == .syntax)
        // Its deflate stream ends 528 bytes in without an end marker (Python's zlib agrees); the
        // YAML error it once gave came from bytes read past the chunk.
        #expect(error.description == "p.zip: error: cannot extract 'invalid_yaml.yaml' from the zip archive: the compressed data ends before its deflate stream does")
    }

    /// `multipart` target, crash-78db9dae: `boundary=";XyZ"` was split at its `;`, leaving an empty
    /// boundary, on which MultipartKit's parser traps (a precondition). Parameters are read as Go's
    /// `mime.ParseMediaType` reads them now: the quoted boundary is `;XyZ`.
    @Test("a quoted boundary holding ';' is the whole quoted text; an empty boundary is 400, not a crash")
    func quotedAndEmptyBoundaries() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let crash = Data("--XyZ\r\u{8A}Content-Disposition: form-data; namm=\"uploadfile\"; filename=\"p.yaml\nC\"ntoe\rnt-Type: appli?\u{0}tyonform-data; name=\"upl--XyZ--\r\n".utf8)
        for (contentType, message) in [
            (#"multipart/form-data; boundary=";XyZ""#, "Failed to upload the pipeline: the request has no part named 'uploadfile'"),
            (#"multipart/form-data; boundary="""#, "Failed to upload the pipeline: expected a multipart/form-data body with a boundary, found content type multipart/form-data; boundary=\"\""),
            ("multipart/form-data; boundary=", "Failed to upload the pipeline: expected a multipart/form-data body with a boundary, found content type multipart/form-data; boundary="),
        ] {
            let (status, data) = try await server.client.raw("POST", "/apis/v2beta1/pipelines/upload", body: crash, headers: ["Content-Type": contentType])
            #expect(status == 400, "\(contentType)")
            let json = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(json["error_message"]?.stringValue == message, "\(contentType)")
        }
        // A real upload whose quoted boundary holds `;` and a space, as Go's server reads it.
        let spec = Data(try ServerTestPipelines.echo().compactJSON().utf8)
        var body = Data("--a;b c\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"echo;1.json\"\r\n\r\n".utf8)
        body += spec + Data("\r\n--a;b c--\r\n".utf8)
        let (status, uploaded) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload?name=quoted", body: body, headers: ["Content-Type": #"multipart/form-data; boundary="a;b c""#])
        #expect(status == 200, "\(String(decoding: uploaded, as: UTF8.self))")
        let (health, _) = try await server.client.call("GET", "/apis/v2beta1/healthz")
        #expect(health == 200)
    }

    /// Uploads `body` (boundary `XyZ`): a 400 naming the non-ASCII header name, and the server
    /// goes on answering.
    static func expectRefusedUpload(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (status, data) = try await server.client.raw(
            "POST", "/apis/v2beta1/pipelines/upload", body: body, headers: ["Content-Type": "multipart/form-data; boundary=XyZ"])
        #expect(status == 400, sourceLocation: sourceLocation)
        let json = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(
            json["error_message"] == "Failed to upload the pipeline: the multipart body does not parse: a part's header name has a byte that is not ASCII",
            sourceLocation: sourceLocation)
        let (health, _) = try await server.client.call("GET", "/apis/v2beta1/healthz")
        #expect(health == 200, sourceLocation: sourceLocation)
    }
}
