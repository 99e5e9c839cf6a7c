import Foundation
import KFP
import KFPCompiler
import KFPSpec

/// Small container-component pipelines built with the DSL; the client itself only sees the IR.
enum ClientTestPipelines {
    /// `produce` writes `"<text>!"` as its output `word`; `consume` prints it. Parameter `text`
    /// (default `hi`).
    static func twoStep(name: String = "two-step") throws -> PipelineSpec {
        let produce = try Component.container(
            name: "produce", inputs: [.parameter("text", .string)], outputs: [.parameter("word", .string)],
            image: "alpine:3.19",
            command: ["sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && printf '%s!' \"$0\" > \"$1\"",
                      .inputValue("text"), .outputParameterFile("word")])
        let consume = try Component.container(
            name: "consume", inputs: [.parameter("word", .string)], image: "alpine:3.19",
            command: ["echo", .inputValue("word")])
        let pipeline = try Pipeline(name) { p in
            let text = p.parameter("text", .string, default: "hi")
            let first = p.task(produce, ["text": text])
            p.task(consume, ["word": first.outputs["word"]])
        }
        return try PipelineCompiler().compile(pipeline)
    }

    /// One task that exits with status 3.
    static func failing() throws -> PipelineSpec {
        let fail = try Component.container(name: "fail", image: "alpine:3.19", command: ["sh", "-c", "exit 3"])
        return try PipelineCompiler().compile(try Pipeline("failing") { p in p.task(fail) })
    }

    /// One task that sleeps for `seconds` (to be terminated).
    static func sleeping(seconds: Int = 300) throws -> PipelineSpec {
        let sleep = try Component.container(name: "sleep", image: "alpine:3.19", command: ["sleep", "\(seconds)"])
        return try PipelineCompiler().compile(try Pipeline("sleeping") { p in p.task(sleep) })
    }

    /// The YAML text of a spec.
    static func yaml(_ spec: PipelineSpec) throws -> Data {
        Data(try SpecWriter().write(spec).utf8)
    }
}
