import Foundation
import KFPSpec
import Testing

/// ``ComponentLoader`` on files, strings and a loopback HTTP server, and relative references in graphs.
@Suite("Component loader")
struct ComponentLoaderTests {
    static let echo = """
        name: Echo
        inputs: [{name: text, type: String}]
        outputs: [{name: echoed, type: String}]
        implementation:
          container: {image: busybox, command: [echo, {inputValue: text}, {outputPath: echoed}]}
        """

    /// A graph whose one task runs the component at `reference`.
    static func graph(referencing reference: String) -> String {
        """
        name: Relative
        implementation:
          graph:
            tasks:
              say hello:
                componentRef: {url: '\(reference)'}
                arguments: {text: hello}
        """
    }

    @Test("components load over http; a 404 names the URL and the status; relative references resolve against the URL")
    func httpLoading() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.echo, to: "components/echo.yaml")
        try folder.write(Self.graph(referencing: "../components/echo.yaml"), to: "graphs/graph.yaml")
        try folder.write(Self.graph(referencing: "missing.yaml"), to: "graphs/broken.yaml")
        guard let server = try LoopbackHTTPServer(serving: folder.url) else { return }
        defer { server.stop() }
        let loader = ComponentLoader(timeout: 10)

        let echoURL = try #require(URL(string: "components/echo.yaml", relativeTo: server.baseURL)?.absoluteURL)
        let loaded = try await loader.load(contentsOf: echoURL)
        #expect(loaded.kind == .componentV1)
        #expect(loaded.v1Component?.name == "Echo")
        #expect(loaded.file == echoURL.absoluteString)

        let missingURL = try #require(URL(string: "components/nothing.yaml", relativeTo: server.baseURL)?.absoluteURL)
        let error = try await #require(throws: SpecError.self) { try await loader.load(contentsOf: missingURL) }
        #expect(error.kind == .io)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.file == missingURL.absoluteString)
        #expect(error.diagnostics.first?.message == "cannot fetch '\(missingURL.absoluteString)': HTTP status 404 (not found)")

        let graphURL = try #require(URL(string: "graphs/graph.yaml", relativeTo: server.baseURL)?.absoluteURL)
        let graph = try await loader.load(contentsOf: graphURL)
        let spec = try await V1GraphConverter(loader: loader).pipelineSpec(for: graph)
        #expect(SpecValidator().problems(in: spec).isEmpty)
        #expect(spec.root.dag?.tasks?["say-hello"]?.inputs?.parameters?["text"]?.runtimeValue?.constant == .string("hello"))
        #expect(spec.deploymentSpec?.executors?["exec-say-hello"]?.container?.command
            == ["echo", "{{$.inputs.parameters['text']}}", "{{$.outputs.parameters['echoed'].output_file}}"])

        let brokenURL = try #require(URL(string: "graphs/broken.yaml", relativeTo: server.baseURL)?.absoluteURL)
        let broken = try await loader.load(contentsOf: brokenURL)
        let brokenError = try await #require(throws: SpecError.self) {
            try await V1GraphConverter(loader: loader).pipelineSpec(for: broken)
        }
        let fetched = try #require(URL(string: "graphs/missing.yaml", relativeTo: server.baseURL)?.absoluteURL)
        #expect(brokenError.kind == .io)
        #expect(brokenError.diagnostics.map(\.message) == [
            "task 'say hello' references component url 'missing.yaml', which cannot be loaded",
            "cannot fetch '\(fetched.absoluteString)': HTTP status 404 (not found)",
        ])
        #expect(brokenError.diagnostics.first?.mark == SourceMark(line: 6, column: 23))
        #expect(brokenError.diagnostics.first?.file == brokenURL.absoluteString)

        let small = try await #require(throws: SpecError.self) {
            try await ComponentLoader(maximumSize: 20).load(contentsOf: echoURL)
        }
        #expect(small.diagnostics.first?.message == "cannot fetch '\(echoURL.absoluteString)': the response is larger than the limit of 20 bytes")
    }

    @Test("a relative file reference in a graph resolves against the graph file's folder")
    func relativeFileReference() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.echo, to: "components/echo.yaml")
        let graph = try folder.write(Self.graph(referencing: "../components/echo.yaml"), to: "graphs/graph.yaml")
        let loaded = try await ComponentLoader().load(contentsOf: graph)
        #expect(loaded.file == graph.path)
        let spec = try await V1GraphConverter(fetchURLs: false).pipelineSpec(for: loaded)
        #expect(SpecValidator().problems(in: spec).isEmpty)
        #expect(spec.components?["comp-say-hello"]?.executorLabel == "exec-say-hello")

        // The same reference from a graph in another folder does not resolve, and says which file it tried.
        let elsewhere = try folder.write(Self.graph(referencing: "../components/echo.yaml"), to: "graph.yaml")
        let error = try await #require(throws: SpecError.self) {
            try await V1GraphConverter(fetchURLs: false).pipelineSpec(for: try await ComponentLoader().load(contentsOf: elsewhere))
        }
        let tried = folder.url.deletingLastPathComponent().appendingPathComponent("components/echo.yaml").standardizedFileURL.path
        #expect(error.kind == .io)
        #expect(error.diagnostics.map(\.message) == [
            "task 'say hello' references component url '../components/echo.yaml', which cannot be loaded",
            "cannot read '\(tried)': no such file",
        ])
    }

    @Test("a catalog indexes a folder by canonical_location and by path")
    func catalogFolder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let located = Self.echo.replacingOccurrences(
            of: "name: Echo\n", with: "name: Echo\nmetadata: {annotations: {canonical_location: 'https://example.com/echo.yaml'}}\n")
        let echo = try folder.write(located, to: "lib/echo/component.yaml")
        try folder.write("not: [valid", to: "lib/broken.yaml")
        let catalog = try V1ComponentCatalog(indexing: folder.url.appendingPathComponent("lib"))
        #expect(catalog.entries.keys.sorted() == [echo.standardizedFileURL.path, "https://example.com/echo.yaml"].sorted())
        let graph = try SpecLoader(file: "g.yaml").load(Self.graph(referencing: "https://example.com/echo.yaml"))
        let spec = try await V1GraphConverter(catalog: catalog, fetchURLs: false).pipelineSpec(for: graph)
        #expect(spec.root.dag?.tasks?.keys.sorted() == ["say-hello"])
        let missing = try #require(throws: SpecError.self) {
            try V1ComponentCatalog(indexing: folder.url.appendingPathComponent("nothing"))
        }
        #expect(missing.kind == .io)
    }

    @Test("files: missing, too large, other schemes, and strings")
    func filesAndStrings() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("nothing.yaml")
        let error = try await #require(throws: SpecError.self) { try await ComponentLoader().load(contentsOf: missing) }
        #expect(error.kind == .io)
        #expect(error.description == "\(missing.path): error: cannot read '\(missing.path)': no such file")

        let echo = try folder.write(Self.echo, to: "echo.yaml")
        let large = try await #require(throws: SpecError.self) { try await ComponentLoader(maximumSize: 10).load(contentsOf: echo) }
        #expect(large.diagnostics.first?.message.contains("more than the limit of 10") == true)

        let ftp = try #require(URL(string: "ftp://example.com/c.yaml"))
        let scheme = try await #require(throws: SpecError.self) { try await ComponentLoader().load(contentsOf: ftp) }
        #expect(scheme.diagnostics.first?.message == "cannot load 'ftp://example.com/c.yaml': only file, http and https URLs are supported")

        let text = try ComponentLoader().load(Self.echo, file: "inline.yaml")
        #expect(text.v1Component?.name == "Echo")
        #expect(text.file == "inline.yaml")
    }
}
