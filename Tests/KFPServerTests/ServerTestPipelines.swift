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

extension ServerTestPipelines {
    /// `leak` tries to make the server serve `secret`, a file outside the run's folder: its `out`
    /// artifact is a link to it, its `page` artifact (HTML) a folder whose `index.html` and
    /// `copy` are links to it, and it replaces its own `log.txt` with a link to it.
    static func symlinks(secret: URL) throws -> JSONValue {
        let leak = try Component.container(
            name: "leak", outputs: [.artifact("out", .dataset), .artifact("page", .html)], image: "alpine:3.19",
            command: [
                "sh", "-c",
                """
                mkdir -p "$(dirname "$1")" "$2" && ln -s "$0" "$1" && ln -s "$0" "$2/index.html" && ln -s "$0" "$2/copy" \
                && echo wrote the links && rm -f log.txt && ln -s "$0" log.txt
                """,
                ContainerArgument(stringLiteral: secret.path), .outputPath("out"), .outputPath("page"),
            ])
        let pipeline = try Pipeline("symlinks") { p in p.task(leak) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

extension ServerTestPipelines {
    /// One task that sleeps a quarter of a second, then echoes: runs still going when a server is killed.
    static func sleepThenEcho() throws -> JSONValue {
        let step = try Component.container(
            name: "nap", image: "alpine:3.19", command: ["sh", "-c", "sleep 0.25; echo rested"])
        let pipeline = try Pipeline("nap") { p in p.task(step) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

extension ServerTestPipelines {
    /// `fill` writes 4 MiB of zeros to its `big` artifact (more than a small test filesystem holds).
    static func fillDisk() throws -> JSONValue {
        let fill = try Component.container(
            name: "fill", outputs: [.artifact("big", .dataset)], image: "alpine:3.19",
            command: ["sh", "-c", "mkdir -p \"$(dirname \"$0\")\" && head -c 4194304 /dev/zero > \"$0\"", .outputPath("big")])
        let pipeline = try Pipeline("fill") { p in p.task(fill) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

extension ServerTestPipelines {
    /// `talk` writes `bytes` bytes of 64-byte lines to its log.
    static func largeLog(bytes: Int) throws -> JSONValue {
        let talk = try Component.container(
            name: "talk", image: "alpine:3.19",
            command: ["sh", "-c", ContainerArgument(stringLiteral: "yes 'a line of the log of a task that talks a great deal: 64 bytes..' | head -c \(bytes)")])
        let pipeline = try Pipeline("talk") { p in p.task(talk) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}

extension ServerTestPipelines {
    /// `spill` writes `bytes` random bytes (gzip cannot shrink them) to its `blob` artifact.
    static func largeArtifact(bytes: Int) throws -> JSONValue {
        let spill = try Component.container(
            name: "spill", outputs: [.artifact("blob", .dataset)], image: "alpine:3.19",
            command: [
                "sh", "-c", ContainerArgument(stringLiteral: "mkdir -p \"$(dirname \"$0\")\" && head -c \(bytes) /dev/urandom > \"$0\""),
                .outputPath("blob"),
            ])
        let pipeline = try Pipeline("spill") { p in p.task(spill) }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }
}
