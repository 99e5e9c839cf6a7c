import Foundation
import KFPTestSupport
import KFPSpec
import Testing

/// Done 1 of the spec issue: every valid corpus file loads, validates and prints back to the same tree.
@Suite("Corpus round trip")
struct CorpusRoundTripTests {
    static let pipelineFiles = TestEnvironment.corpusFiles("pipelines/valid", extensions: ["yaml", "yml", "json", "zip"])
    static let v1Files = TestEnvironment.corpusFiles("components-v1")

    @Test("every valid pipeline in the corpus loads and validates")
    func pipelinesLoad() throws {
        var failures: [String] = []
        for url in Self.pipelineFiles {
            do {
                let loaded = try load(url)
                #expect(loaded.pipelineSpec != nil, "\(url.lastPathComponent) is not a pipeline")
            } catch {
                failures.append(error.description)
            }
        }
        print("corpus pipelines: \(Self.pipelineFiles.count - failures.count) of \(Self.pipelineFiles.count) load and validate")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        if TestEnvironment.corpus != nil { #expect(Self.pipelineFiles.count >= 129) }
    }

    @Test("every v1 component in the corpus loads and validates")
    func v1ComponentsLoad() throws {
        var failures: [String] = []
        var graphs = 0
        for url in Self.v1Files {
            do {
                let loaded = try load(url)
                #expect(loaded.kind == .componentV1, "\(url.lastPathComponent) is \(loaded.kind)")
                if loaded.v1Component?.implementation.graph != nil { graphs += 1 }
            } catch {
                failures.append(error.description)
            }
        }
        print("corpus v1 components: \(Self.v1Files.count - failures.count) of \(Self.v1Files.count) load and validate (\(graphs) graph components)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        if TestEnvironment.corpus != nil { #expect(graphs == 2) }
    }

    @Test("printing a pipeline and loading it again gives the same spec, and printing is byte-stable")
    func printedPipelinesReload() throws {
        var checked = 0
        for url in Self.pipelineFiles {
            let spec = try #require(try load(url).pipelineSpec)
            let printed = try SpecWriter().write(spec)
            let reloaded = try SpecLoader(file: "printed \(url.lastPathComponent)").loadPipelineSpec(printed)
            #expect(reloaded == spec, "\(url.lastPathComponent) changed after print and reload")
            #expect(try SpecWriter().write(reloaded) == printed, "\(url.lastPathComponent) printed differently twice")
            let json = try SpecWriter().write(spec, format: .json)
            #expect(try SpecLoader().loadPipelineSpec(json) == spec, "\(url.lastPathComponent) JSON did not reload")
            checked += 1
        }
        print("corpus pipelines: \(checked) printed and reloaded unchanged (YAML and JSON)")
    }

    @Test("PyYAML reads our printed pipelines and v1 graph components as it reads the originals")
    func printedEqualsOriginalForPyYAML() async throws {
        guard TestEnvironment.oraclePython != nil, TestEnvironment.corpus != nil else { return }
        var pairs: [[String: String]] = []
        for url in Self.pipelineFiles {
            let spec = try #require(try load(url).pipelineSpec)
            pairs.append(["original": url.path, "printed": try SpecWriter().write(spec)])
        }
        for url in Self.v1Files {
            guard let component = try load(url).v1Component, component.implementation.graph != nil else { continue }
            pairs.append(["original": url.path, "printed": try SpecWriter().write(component)])
        }
        let output = try await TestEnvironment.runOracle(
            script: "yaml_equal.py", arguments: [], stdin: try JSONSerialization.data(withJSONObject: pairs))
        let results = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        let unequal = results.filter { ($0["equal"] as? Bool) != true }
        print("PyYAML round trip: \(results.count - unequal.count) of \(results.count) files equal")
        #expect(results.count == pairs.count)
        for result in unequal {
            Issue.record("\(result["original"] ?? ""): \(result["difference"] ?? "")")
        }
    }

    private func load(_ url: URL) throws(SpecError) -> LoadedSpec {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SpecError(.io, [SpecDiagnostic(file: url.path, message: "\(error)")])
        }
        let loaded = try SpecLoader(file: url.path).load(data)
        try SpecValidator().validate(loaded)
        return loaded
    }
}
