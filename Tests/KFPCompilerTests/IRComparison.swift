import Foundation
import KFP
import KFPCompiler
import KFPSpec
import KFPTestSupport
import Testing

/// Compares our compiled IR with a corpus file as parsed trees, ignoring only `sdkVersion` and the
/// `kfp==X` pin inside pip preludes; numbers compare by value (`3` equals `3.0`), as Python would.
enum IRComparison {
    /// The corpus file `relativePath` (under `pipelines/valid`) as a tree, or `nil` (with a printed
    /// notice) when the corpus is absent.
    static func corpusTree(_ relativePath: String) throws -> JSONValue? {
        guard let corpus = TestEnvironment.corpus else {
            print("notice: corpus not found; skipping \(relativePath)")
            return nil
        }
        let url = corpus.appendingPathComponent("pipelines/valid/\(relativePath)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let spec = try SpecLoader(file: url.path).loadPipelineSpec(text)
        return try SpecWriter().tree(of: spec)
    }

    /// Paths where `ours` and `theirs` differ, with both values.
    static func differences(_ ours: JSONValue, _ theirs: JSONValue, path: String = "") -> [String] {
        switch (ours, theirs) {
        case (.object(let left), .object(let right)):
            var result: [String] = []
            for key in Set(left.keys).union(right.keys).sorted() where !(path.isEmpty && key == "sdkVersion") {
                let child = path.isEmpty ? key : "\(path).\(key)"
                switch (left[key], right[key]) {
                case (let l?, let r?): result += differences(l, r, path: child)
                case (let l?, nil): result.append("\(child): only ours: \(l.compactJSON())")
                case (nil, let r?): result.append("\(child): only theirs: \(r.compactJSON())")
                case (nil, nil): break
                }
            }
            return result
        case (.array(let left), .array(let right)):
            guard left.count == right.count else {
                return ["\(path): ours \(left.count) items \(ours.compactJSON()), theirs \(right.count) \(theirs.compactJSON())"]
            }
            return zip(left, right).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        case (.string(let left), .string(let right)):
            return normalized(left) == normalized(right) ? [] : ["\(path): ours \(ours.compactJSON()), theirs \(theirs.compactJSON())"]
        default:
            if let left = ours.numericValue, let right = theirs.numericValue, left == right { return [] }
            return ours == theirs ? [] : ["\(path): ours \(ours.compactJSON()), theirs \(theirs.compactJSON())"]
        }
    }

    private static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"kfp==[0-9][0-9A-Za-z.\-]*"#, with: "kfp==X", options: .regularExpression)
    }

    /// Compiles `pipeline` and expects it equal to the corpus file.
    static func expectEqual(
        _ pipeline: Pipeline, corpus relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        guard let theirs = try corpusTree(relativePath) else { return }
        let spec = try PipelineCompiler().compile(pipeline)
        let ours = try SpecWriter().tree(of: spec)
        let diffs = differences(ours, theirs)
        #expect(diffs.isEmpty, "\(relativePath) differs:\n\(diffs.prefix(25).joined(separator: "\n"))", sourceLocation: sourceLocation)
        try await expectLoadsInKFP(spec, name: relativePath, sourceLocation: sourceLocation)
    }

    /// Writes `spec` as YAML and expects kfp 2.17.3 to load it as a component and compile a Python
    /// pipeline that uses it as a task (`Tests/Oracle/kfp_load_pipeline.py`); skipped with a notice
    /// without the oracle Python.
    static func expectLoadsInKFP(_ spec: PipelineSpec, name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard TestEnvironment.oraclePython != nil else {
            print("notice: no oracle Python; kfp load check of \(name) skipped")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-compiled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pipeline.yaml")
        try SpecWriter().write(spec).write(to: file, atomically: true, encoding: .utf8)
        let output = try await TestEnvironment.runOracle(
            script: "kfp_load_pipeline.py", arguments: [], stdin: try JSONEncoder().encode([file.path]))
        let results = try JSONDecoder().decode([String: String].self, from: output)
        #expect(results[file.path] == "ok", "\(name) in kfp 2.17.3: \(results[file.path] ?? "no result")", sourceLocation: sourceLocation)
    }
}

extension IRComparison {
    /// Expects a component's IR equal to a corpus single-component file.
    static func expectEqual(
        component: Component, corpus relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let theirs = try corpusTree(relativePath) else { return }
        let ours = try SpecWriter().tree(of: component.spec)
        let diffs = differences(ours, theirs)
        #expect(diffs.isEmpty, "\(relativePath) differs:\n\(diffs.prefix(25).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
