import Foundation
import KFP
import KFPAPI
import KFPClient
import KFPCompiler
import KFPServer
import KFPSpec
import Logging
import Testing

/// A `PipelineServer` running in this process on a free port with a fresh data folder, and a
/// ``PipelineClient`` for it (adapted from the server tests' harness).
struct ClientHarness: Sendable {
    let client: PipelineClient
    let base: URL
    let dataFolder: URL
    let server: RunningPipelineServer

    /// Starts a server, runs `body` with it, then stops the server and shuts the client down.
    static func with<T: Sendable>(
        _ configure: @Sendable (inout ServerOptions) -> Void = { _ in },
        client configureClient: @Sendable (inout PipelineClient.Configuration) -> Void = { _ in },
        _ body: (ClientHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(configure, client: configureClient)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    static func start(
        _ configure: @Sendable (inout ServerOptions) -> Void,
        client configureClient: @Sendable (inout PipelineClient.Configuration) -> Void
    ) async throws -> ClientHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kfp-client-test-\(UUID().uuidString)")
        var options = ServerOptions(port: 0, dataFolder: folder, maxParallelRuns: 4, maxParallelTasks: 4)
        configure(&options)
        var logger = Logger(label: "kfp-server-under-test")
        logger.logLevel = .critical
        let server = try await PipelineServer(options: options, logger: logger).start()
        let base = server.endpoint
        var configuration = PipelineClient.Configuration(endpoint: base, requestTimeout: 20)
        configureClient(&configuration)
        return ClientHarness(
            client: PipelineClient(configuration: configuration), base: base, dataFolder: folder, server: server)
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: dataFolder)
    }

    /// A file in a fresh temporary folder holding `contents`.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kfp-client-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file)
        return file
    }
}

/// Collects an `AsyncThrowingStream` into an array.
func collect<Item>(_ stream: AsyncThrowingStream<Item, any Error>) async throws -> [Item] {
    var items: [Item] = []
    for try await item in stream { items.append(item) }
    return items
}

/// The error `body` throws, as a ``PipelineClientError`` (a test failure when it throws nothing or another error).
func clientError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> some Sendable
) async -> PipelineClientError? {
    do {
        _ = try await body()
        Issue.record("expected a PipelineClientError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as PipelineClientError {
        return error
    } catch {
        Issue.record("expected a PipelineClientError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Small container-component pipelines built with the DSL; the client itself only sees the IR.
enum ClientTestPipelines {
    /// `produce` writes `"<text>!"` as its output `word`; `consume` prints it. Parameter `text`
    /// (default `hi`).
    static func twoStep(name: String = "two-step") throws -> PipelineSpec {
        let produce = try Component.container(
            name: "produce", inputs: [.parameter("text", .string)], outputs: [.parameter("word", .string)],
            image: "alpine:3.19",
            command: [
                "sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && printf '%s!' \"$0\" > \"$1\"",
                .inputValue("text"), .outputParameterFile("word"),
            ])
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
        let sleep = try Component.container(
            name: "sleep", image: "alpine:3.19", command: ["sleep", ContainerArgument(stringLiteral: String(seconds))])
        return try PipelineCompiler().compile(try Pipeline("sleeping") { p in p.task(sleep) })
    }

    /// The YAML text of a spec.
    static func yaml(_ spec: PipelineSpec) throws -> Data {
        Data(try SpecWriter().write(spec).utf8)
    }
}
