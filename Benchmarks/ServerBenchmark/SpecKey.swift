import Crypto
import Foundation
import KFP
import KFPCompiler
import KFPSpec

/// The pipeline the benchmark stores and submits: one task whose container command is `echo`.
enum EchoPipeline {
    /// The compiled IR as the JSON a client sends in `pipeline_spec`.
    static func spec() throws -> JSONValue {
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("text", .string)], image: "alpine:3.19",
            command: ["echo", .inputValue("text")])
        let pipeline = try Pipeline("echo") { p in
            let text = p.parameter("text", .string, default: "hi")
            p.task(echo, ["text": text])
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

/// SHA-256 as lowercase hex (swift-crypto): the key the server gives a stored spec
/// (`pipeline_specs.hash` is the hash of the spec's compact JSON), so seeded runs share the row a
/// submitted run of the same pipeline would use.
enum SpecKey {
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
