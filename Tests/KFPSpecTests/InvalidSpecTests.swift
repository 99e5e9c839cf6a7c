import Foundation
import KFPTestSupport
import KFPSpec
import Testing

/// Done 2 of the spec issue: invalid input is rejected with a message that names the problem, and nothing crashes.
@Suite("Invalid specs")
struct InvalidSpecTests {
    /// Loads and validates; returns the diagnostics as printed by `kfp spec check`.
    private func problems(_ text: String, file: String = "p.yaml") -> [String] {
        do {
            let loaded = try SpecLoader(file: file).load(Data(text.utf8))
            return SpecValidator().problems(in: loaded).map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("the corpus's invalid files are rejected, each with its reason")
    func corpusInvalidFiles() throws {
        guard let corpus = TestEnvironment.corpus else { return }
        let folder = corpus.appendingPathComponent("pipelines/invalid")
        let expected: [String: String] = [
            "empty_file.yaml": "empty_file.yaml: error: the file is empty: expected a pipeline spec or a component",
            "empty_zip.zip": "empty_zip.zip: error: the file is empty: expected a pipeline spec or a component",
            "invalid-zip.zip": "invalid-zip.zip!invalid_yaml.yaml:3:1: error: components_1: unknown field 'components_1' (fields here: 'deploymentSpec', 'pipelineInfo', 'root', 'schemaVersion', 'sdkVersion')",
            "invalid_yaml.yaml": "invalid_yaml.yaml:3:1: error: components_1: unknown field 'components_1' (fields here: 'deploymentSpec', 'pipelineInfo', 'root', 'schemaVersion', 'sdkVersion')",
            "no_name.yaml": "no_name.yaml:16:8: error: pipelineInfo.name: required field 'name' is empty: expected a string, found null",
        ]
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == expected.keys.sorted())
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            var found: [String] = []
            do {
                let loaded = try SpecLoader(file: name).load(data)
                found = SpecValidator().problems(in: loaded).map(\.description)
            } catch {
                found = error.diagnostics.map(\.description)
            }
            #expect(found == [expected[name] ?? "?"], "\(name)")
        }
        print("corpus invalid files: \(files.count) of \(files.count) rejected with the expected message")
    }

    @Test("truncated corpus files and binary input never crash the loader")
    func truncatedAndBinaryInput() throws {
        let files = TestEnvironment.corpusFiles("pipelines/valid") + TestEnvironment.corpusFiles("components-v1")
        var rejected = 0, accepted = 0
        for url in files {
            let data = try Data(contentsOf: url)
            for fraction in [0.01, 0.13, 0.29, 0.5, 0.71, 0.97] {
                let cut = data.prefix(Int(Double(data.count) * fraction))
                do {
                    let loaded = try SpecLoader(file: url.lastPathComponent).load(cut)
                    _ = SpecValidator().problems(in: loaded)
                    accepted += 1
                } catch {
                    #expect(!error.diagnostics.isEmpty)
                    rejected += 1
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 64, 1000] {
            let noise = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(throws: SpecError.self) { try SpecLoader().load(noise + Data([0])) }
        }
        #expect(throws: SpecError.self) { try SpecLoader().load(Data([0x61, 0x3A, 0x20, 0xC3])) }
        print("truncated corpus files: \(rejected) rejected with a message, \(accepted) still valid YAML prefixes")
    }

    @Test("non-UTF-8 and binary input get a clear message")
    func binaryMessages() {
        #expect(problems("a: b\u{0}c") == ["p.yaml: error: expected YAML text, found binary data (a NUL byte)"])
        do {
            _ = try SpecLoader(file: "x.yaml").load(Data([0x61, 0x3A, 0x20, 0xFF, 0xFE]))
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description == "x.yaml: error: expected UTF-8 text, found bytes that are not valid UTF-8")
        }
        #expect(problems("- a\n- b\n") == ["p.yaml:1:1: error: expected a mapping (a pipeline spec or a component) at the top level"])
        #expect(problems("a: [1, 2\n").first?.hasPrefix("p.yaml:2:1: error: invalid YAML:") == true)
        #expect(problems("a: 1\na: 2\n") == ["p.yaml:1:1: error: duplicate key 'a' in one mapping"])
    }
}
