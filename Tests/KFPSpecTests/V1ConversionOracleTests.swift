import Foundation
import KFPTestSupport
import KFPSpec
import Testing

/// Compares ``V1ComponentConverter`` with KFP 2.17.3 on every v1 component of the corpus: the
/// oracle (`Oracle/v1_component_ir.py`, one Python process for all files) prints
/// `MessageToDict(load_component_from_file(f).pipeline_spec)`, and the two must be the same JSON text
/// byte for byte (sorted keys, integral numbers written as integers, `sdkVersion` aside): a field we
/// write with its proto3 default where KFP leaves it out is a difference. Files KFP cannot load must still convert by our lenient rules,
/// except graph components, which must be refused.
@Suite("v1 conversion oracle")
struct V1ConversionOracleTests {
    /// One file's oracle answer: the IR, or the error KFP raised.
    struct OracleAnswer: Decodable {
        var spec: JSONValue?
        var error: String?
    }

    @Test(
        "every v1 container component KFP loads converts to the IR KFP produces",
        .enabled(if: TestEnvironment.corpus != nil && TestEnvironment.oraclePython != nil, "needs ../shared/kfp-corpus and the oracle venv"))
    func matchesKFP() async throws {
        let files = TestEnvironment.corpusFiles("components-v1")
        try #require(!files.isEmpty, "the corpus has no components-v1 files")
        let output = try await TestEnvironment.runOracle(script: "v1_component_ir.py", arguments: files.map(\.path))
        let answers = try JSONDecoder().decode([String: OracleAnswer].self, from: output)
        #expect(answers.count == files.count)

        var equal = 0
        var loadable = 0
        var notLoadable = 0
        for url in files {
            let name = url.lastPathComponent
            let loaded = try SpecLoader(file: url.path).load(try Data(contentsOf: url))
            let component = try #require(loaded.v1Component, "\(name) is not a v1 component")
            let converted = Result { () throws(SpecError) in try V1ComponentConverter().pipelineSpec(for: loaded) }
            guard let expected = answers[url.path]?.spec else {
                notLoadable += 1
                switch converted {
                case .success where component.implementation.graph != nil:
                    Issue.record("\(name): a graph component converted")
                case .failure(let error) where component.implementation.graph == nil:
                    Issue.record("\(name) (KFP: \(answers[url.path]?.error ?? "no answer")) did not convert: \(error)")
                default:
                    break
                }
                continue
            }
            loadable += 1
            let ours: JSONValue
            switch converted {
            case .success(let spec): ours = try SpecWriter().tree(of: spec)
            case .failure(let error):
                Issue.record("\(name) did not convert: \(error)")
                continue
            }
            let differences = Self.differences(Self.withoutSDKVersion(ours), Self.withoutSDKVersion(expected))
            if Self.canonicalJSON(Self.withoutSDKVersion(ours)) == Self.canonicalJSON(Self.withoutSDKVersion(expected)) {
                equal += 1
            } else {
                Issue.record("\(name) differs from KFP:\n\(differences.prefix(10).joined(separator: "\n"))")
            }
        }
        print("v1 oracle: \(equal) equal out of \(loadable) loadable (\(notLoadable) not loadable by kfp)")
        #expect(equal == loadable)
        #expect(loadable > 0)
    }

    @Test("edge cases KFP accepts convert to the IR KFP produces", .enabled(if: TestEnvironment.oraclePython != nil, "no oracle Python; the v1 conversion edge-case oracle test is skipped"))
    func edgeCasesMatchKFP() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("v1-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (name, text) in Self.edgeCases {
            let url = directory.appendingPathComponent("\(name).yaml")
            try Data(text.utf8).write(to: url)
            files.append(url)
        }
        let output = try await TestEnvironment.runOracle(script: "v1_component_ir.py", arguments: files.map(\.path))
        let answers = try JSONDecoder().decode([String: OracleAnswer].self, from: output)
        for url in files {
            let name = url.lastPathComponent
            guard let expected = answers[url.path]?.spec else {
                Issue.record("\(name): KFP did not load it: \(answers[url.path]?.error ?? "no answer")")
                continue
            }
            let loaded = try SpecLoader(file: url.path).load(try Data(contentsOf: url))
            let ours = try SpecWriter().tree(of: try V1ComponentConverter().pipelineSpec(for: loaded))
            let differences = Self.differences(Self.withoutSDKVersion(ours), Self.withoutSDKVersion(expected))
            #expect(
                Self.canonicalJSON(Self.withoutSDKVersion(ours)) == Self.canonicalJSON(Self.withoutSDKVersion(expected)),
                "\(name) differs from KFP:\n\(differences.prefix(10).joined(separator: "\n"))")
        }
    }

    /// Components KFP 2.17.3 accepts that exercise its quirks: name sanitizing, type mapping
    /// (`typing.List[str]`, `String (json)`, struct types, `google.*`, task final status), default
    /// casts (truncating `Integer` 5.7, `typing.Dict` defaults left as strings), nested
    /// `IfPresent`/`Concat`, `json.dumps` escapes, env order, and a component without a name.
    static let edgeCases: [(String, String)] = [
        (
            "quirks",
            """
            name: My  Comp__X!
            inputs:
            - {name: st, type: PipelineTaskFinalStatus}
            - {name: Opt Art, type: Dataset, optional: true}
            - {name: art_def, type: Model, default: "abc"}
            - {name: i, type: Integer, default: "5"}
            - {name: f, type: Float, default: "1e3"}
            - {name: b, type: Boolean, default: "True"}
            - {name: l, type: JsonArray, default: '[1, "a", {"x": 2.5}]'}
            - {name: o, type: JsonObject, default: '{"b": 1, "a": [true]}'}
            - {name: s, type: String, default: abc}
            - {name: g, type: google.VertexModel}
            - {name: lst, type: "typing.List[str]", default: '["a"]'}
            outputs:
            - {name: out s, type: String}
            - {name: d, type: Dataset}
            - {name: u}
            - {name: weird, type: "String (json)"}
            implementation:
              container:
                image: img
                command: [sh, -c, {executorInput: null}, {inputValue: st}]
                args:
                - {outputPath: out s}
                - {outputPath: d}
                - {outputPath: u}
                - {outputPath: weird}
                - {inputPath: Opt Art}
                - if: {cond: {isPresent: i}, then: {inputValue: i}, else: [{concat: [a, {inputValue: s}, {if: {cond: {isPresent: s}, then: "x", else: "y"}}]}]}
                - "é\\u007f\\t\\"\\\\"
            """
        ),
        (
            "env",
            """
            name: env order
            inputs:
            - {name: Input data, type: String, description: ignored}
            - {name: a-b.c, type: Integer, default: 5.7}
            - {name: f, type: Float, default: 3}
            - {name: td, type: "typing.Dict[str, int]", default: '{"a": 1}'}
            - {name: d, type: Dict, default: '{"a": 1}'}
            - {name: n, type: Integer, default: "1_000"}
            - {name: j, type: JsonObject, default: 'not json'}
            - {name: e, type: String, default: ""}
            - {name: bo, type: Bool, default: "no"}
            outputs:
            - {name: o, type: {String: {x: 1}}, description: ignored}
            - {name: m, type: Metrics}
            - {name: h, type: HTML}
            implementation:
              container:
                image: python:3.11
                command: [python, "-c", "print('😀 ü')"]
                args:
                - {outputPath: o}
                - {outputUri: m}
                - {outputPath: h}
                - if: {cond: {isPresent: Input data}, then: "--in", else: []}
                - if: {cond: {isPresent: a-b.c}, then: [], else: ["--none", "😀é"]}
                - concat: ["--x=", {inputValue: a-b.c}, {inputValue: td}, {inputValue: d}, {inputValue: n}, {inputValue: j}, {inputValue: e}, {inputValue: f}, {inputValue: bo}]
                - {inputValue: Input data}
                env:
                  ZED: "1"
                  ALPHA: two
                  MIDDLE: "{{pod.name}}"
            """
        ),
        (
            "proto3-defaults",
            """
            name: proto3 defaults
            description: ""
            inputs:
            - {name: s, type: String, default: ""}
            - {name: i, type: Integer, default: "0"}
            - {name: f, type: Float, default: "0"}
            - {name: b, type: Boolean, default: "False"}
            - {name: l, type: JsonArray, default: "[]"}
            - {name: o, type: JsonObject, default: "{}"}
            - {name: n, type: String, optional: true}
            - {name: d, type: String, description: ""}
            outputs:
            - {name: out, type: String, description: ""}
            implementation:
              container:
                image: ""
                command: []
                args: ["", {inputValue: s}, {inputValue: i}, {inputValue: f}, {inputValue: b}, {inputValue: l}, {inputValue: o}, {inputValue: n}, {inputValue: d}, {outputPath: out}]
                env:
                  EMPTY: ""
                  ZERO: "0"
            """
        ),
        (
            "empty-lists",
            """
            name: empty lists
            inputs: []
            outputs: []
            implementation:
              container:
                image: ''
                command: []
                args: []
                env: {}
            """
        ),
        (
            "noname",
            """
            implementation:
              container:
                image: busybox
            """
        ),
    ]

    static func withoutSDKVersion(_ value: JSONValue) -> JSONValue {
        guard var members = value.objectValue else { return value }
        members["sdkVersion"] = nil
        return .object(members)
    }

    /// Compact JSON text with sorted keys, every integral number written as an integer
    /// (`MessageToDict` gives `0.0` for an `Integer` default of 0; YAML gives us `0`).
    static func canonicalJSON(_ value: JSONValue) -> String {
        func normalized(_ value: JSONValue) -> JSONValue {
            switch value {
            case .double(let number) where number.rounded() == number && abs(number) < 1e15: return .int(Int(number))
            case .array(let elements): return .array(elements.map(normalized))
            case .object(let members): return .object(members.mapValues(normalized))
            default: return value
            }
        }
        return normalized(value).compactJSON()
    }

    /// Where `ours` and `theirs` differ, as `path: ours vs theirs` lines; numbers compare by value.
    /// A field only one side writes is a difference, even a proto3 default (`""`, `false`, `0`).
    static func differences(_ ours: JSONValue, _ theirs: JSONValue, path: String = "") -> [String] {
        switch (ours, theirs) {
        case (.object(let lhs), .object(let rhs)):
            return Set(lhs.keys).union(rhs.keys).sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let left = lhs[key], let right = rhs[key] else {
                    return ["\(here): ours \(lhs[key]?.compactJSON() ?? "absent") vs KFP \(rhs[key]?.compactJSON() ?? "absent")"]
                }
                return differences(left, right, path: here)
            }
        case (.array(let lhs), .array(let rhs)) where lhs.count == rhs.count:
            return zip(lhs, rhs).enumerated().flatMap { index, pair in
                differences(pair.0, pair.1, path: "\(path)[\(index)]")
            }
        default:
            return ours.isEquivalent(to: theirs) ? [] : ["\(path): ours \(ours.compactJSON()) vs KFP \(theirs.compactJSON())"]
        }
    }
}
