import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// `JSONValue(parsingJSON:)` (Foundation's `JSONSerialization`) against the `JSONDecoder` reading
/// it replaces in the server's store: the same value for every input.
@Suite("JSON parsing")
struct JSONParsingTests {
    static let texts = [
        "2.0", "1e3", "2.5", "-0", "-0.0", "12345678901234567890", "1.5e2", "100e-2", "true", "false", "null", "0",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1e-7", "0.1", "1e300", #""""#,
        #""\u00e9\ud83d\ude00 \"q\" \\ \n""#, "[1,2.0,true,null,\"x\",[],{}]",
        #"{"a":{"b":[{"c":1.25}]},"d":"","e":-3,"f":1,"g":0}"#,
    ]

    @Test("each literal and structure parses to what JSONDecoder gives", arguments: texts)
    func sameAsDecoder(text: String) throws {
        let data = Data(text.utf8)
        let expected = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(try JSONValue(parsingJSON: data) == expected)
    }

    @Test("integral numbers are ints, fractions and integers beyond Int are doubles")
    func numberCases() throws {
        #expect(try JSONValue(parsingJSON: Data("[2.0,1e3,2.5,12345678901234567890,true,1]".utf8))
            == .array([.int(2), .int(1000), .double(2.5), .double(12345678901234567890), .bool(true), .int(1)]))
    }

    @Test("text that is not JSON throws")
    func notJSON() {
        #expect(throws: (any Error).self) { try JSONValue(parsingJSON: Data("{\"a\":".utf8)) }
    }

    @Test("every valid corpus pipeline, as the store writes it, parses to what JSONDecoder gives",
          .enabled(if: TestEnvironment.corpus != nil, "needs ../shared/kfp-corpus"))
    func corpusSpecs() throws {
        var compared = 0
        for url in TestEnvironment.corpusFiles("pipelines/valid") {
            guard let spec = try? SpecLoader(file: url.lastPathComponent).load(Data(contentsOf: url)).pipelineSpec else { continue }
            let data = Data(try SpecWriter().tree(of: spec).compactJSON().utf8)
            #expect(try JSONValue(parsingJSON: data) == JSONDecoder().decode(JSONValue.self, from: data), "\(url.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 120)
    }
}
