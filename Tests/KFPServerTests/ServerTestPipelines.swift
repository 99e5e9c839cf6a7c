import Foundation
import KFP
import KFPCompiler
import KFPSpec

/// Pipelines the server tests run, defined with our DSL and compiled to the IR a client sends.
enum ServerTestPipelines {
    /// `count` appends a line to `counter` (so a test can count executions), then `wait` waits
    /// until `marker` exists. Both are cacheable, so a retried run reuses `count`.
    static func countThenWait(counter: URL, marker: URL) throws -> JSONValue {
        let count = try Component.container(
            name: "count", outputs: [.parameter("ok", .string)], image: "alpine:3.19",
            command: ["sh", "-c", "echo run >> \"$0\" && mkdir -p \"$(dirname \"$1\")\" && printf ok > \"$1\"",
                      ContainerArgument(stringLiteral: counter.path), .outputParameterFile("ok")])
        let wait = try Component.container(
            name: "wait", inputs: [.parameter("ok", .string)], image: "alpine:3.19",
            command: ["sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.1; done; echo \"$1\"",
                      ContainerArgument(stringLiteral: marker.path), .inputValue("ok")])
        let pipeline = try Pipeline("resume-after-kill") { p in
            let first = p.task(count)
            p.task(wait, ["ok": first.outputs["ok"]])
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }

    /// One task that echoes its `text` parameter: a quick run.
    static func echo() throws -> JSONValue {
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
