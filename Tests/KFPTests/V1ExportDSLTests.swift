import Foundation
import KFP
import KFPSpec
import KFPTestSupport
import Testing

/// `Component.v1ComponentYAML()`: DSL container components saved as v1 `component.yaml`, checked
/// by exact text, by converting back, and against KFP 2.17.3 loading the text.
@Suite("v1 export of DSL components")
struct V1ExportDSLTests {
    static func greeter() throws -> Component {
        try Component.container(
            name: "Say Hello", description: "Greets someone.",
            inputs: [
                .parameter("name", .string, description: "Who to greet."), .parameter("times", .numberInteger, default: 2),
                .artifact("notes", .markdown, isOptional: true),
            ],
            outputs: [.artifact("greeting", .dataset), .parameter("count", .numberInteger)], image: "alpine:3.20",
            command: ["sh", "-c", "echo hi \(.inputValue("name")) > \(.outputPath("greeting"))"],
            args: [
                .concat(["--times=", .inputValue("times")]), .ifPresent("notes", then: ["--notes", .inputPath("notes")]),
                .outputParameterFile("count"),
            ],
            env: [(name: "MODE", value: "fast"), (name: "A_LATER", value: "yes")])
    }

    /// Components for the oracle: Concat, IfPresent (with and without else, nested), defaults of
    /// every type, optional inputs, URIs and the executor input.
    static func oracleComponents() throws -> [String: Component] {
        let typed = try Component.container(
            name: "typed defaults",
            inputs: [
                .parameter("i", .numberInteger, default: 7), .parameter("f", .numberDouble, default: 2.5),
                .parameter("s", .string, default: "true"), .parameter("b", .boolean, default: true),
                .parameter("l", .list, default: [1, "two", ["x": 3.5]]), .parameter("d", .struct, default: ["k": ["v"]]),
                .parameter("maybe", .string, isOptional: true), .artifact("model", .model), .artifact("extra", .artifact, isOptional: true),
            ],
            outputs: [.artifact("metrics", .metrics), .artifact("report", .html), .parameter("flag", .boolean)], image: "python:3.11",
            command: ["python", "-c", "import sys; print(sys.argv)"],
            args: [
                .inputValue("i"), .inputValue("f"), .inputValue("s"), .inputValue("b"), .inputValue("l"), .inputValue("d"),
                .inputURI("model"), .outputURI("metrics"), .outputPath("report"), .outputParameterFile("flag"),
                .ifPresent("maybe", then: [.concat(["--maybe=", .inputValue("maybe")])], else: ["--no-maybe"]),
                .ifPresent("extra", then: [.ifPresent("maybe", then: ["both"]), .inputPath("extra")]),
                "--all=\(.inputValue("i"))/\(.inputValue("s"))", .executorInput,
            ])
        let plain = try Component.container(
            name: "plain", inputs: [.parameter("text", .string)], image: "busybox", command: ["echo", .inputValue("text")])
        return ["greeter": try greeter(), "typed": typed, "plain": plain]
    }

    @Test("a small DSL component saves to this exact v1 component.yaml")
    func exactYAML() throws {
        let expected = """
            name: Say Hello
            description: Greets someone.
            inputs:
            - {name: name, type: String, description: Who to greet.}
            - {name: notes, type: Markdown, optional: true}
            - {name: times, type: Integer, default: '2', optional: true}
            outputs:
            - {name: count, type: Integer}
            - {name: greeting, type: Dataset}
            implementation:
              container:
                image: alpine:3.20
                command:
                - sh
                - -c
                - concat:
                  - 'echo hi '
                  - {inputValue: name}
                  - ' > '
                  - {outputPath: greeting}
                args:
                - concat:
                  - --times=
                  - {inputValue: times}
                - if:
                    cond: {isPresent: notes}
                    then:
                    - --notes
                    - {inputPath: notes}
                - {outputPath: count}
                env: {MODE: fast, A_LATER: 'yes'}

            """
        let yaml = try Self.greeter().v1ComponentYAML()
        #expect(yaml == expected, "saved:\n\(yaml)")
    }

    @Test("a DSL component without interpolated text converts back to its own IR")
    func convertsBack() throws {
        let component = try #require(try Self.oracleComponents()["plain"])
        let back = try V1ComponentConverter().pipelineSpec(for: try SpecLoader().load(try component.v1ComponentYAML()))
        #expect(back == component.spec)
    }

    @Test("KFP 2.17.3 loads the saved DSL components to the IR we convert them to", .enabled(if: TestEnvironment.oraclePython != nil, "no oracle Python; the DSL v1 export oracle test is skipped"))
    func matchesKFP() async throws {
        let texts = try Self.oracleComponents().mapValues { try $0.v1ComponentYAML() }
        let output = try await TestEnvironment.runOracle(script: "v1_export_ir.py", arguments: [], stdin: try JSONEncoder().encode(texts))
        let answers = try JSONDecoder().decode([String: [String: JSONValue]].self, from: output)
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let expected = try #require(answers[name]?["spec"], "KFP refused \(name): \(answers[name]?["error"]?.stringValue ?? "no answer")")
            let ours = try SpecWriter().tree(of: try V1ComponentConverter().pipelineSpec(for: try SpecLoader().load(text)))
            #expect(Self.withoutSDKVersion(ours).isEquivalent(to: Self.withoutSDKVersion(expected)), "\(name) differs from KFP")
        }
        print("v1 export oracle (DSL): \(texts.count) saved components compared with KFP 2.17.3")
    }

    @Test("a pipeline, a metadata placeholder and a list of artifacts are refused by name")
    func refusals() throws {
        let metadata = try Component.container(
            name: "meta", inputs: [.artifact("data", .dataset)], image: "busybox", args: [.inputMetadata("data")])
        let list = try Component.container(
            name: "many", inputs: [.artifact("parts", .dataset, isList: true)], image: "busybox", args: [.inputArtifactList("parts")])
        var twoTasks = try Self.greeter().spec
        let task = twoTasks.root.dag?.tasks?["say-hello"]
        twoTasks.root.dag?.tasks?["again"] = task
        let cases: [(Component, String)] = [
            (metadata, "cannot export 'meta' as a v1 component: placeholder {{$.inputs.artifacts['data'].metadata}} is an artifact metadata placeholder, which v1 components cannot express"),
            (list, "cannot export 'many' as a v1 component: input 'parts' is a list of artifacts, which v1 components cannot declare"),
            (Component(spec: twoTasks), "cannot export 'say-hello' as a v1 component: it is a pipeline (its root DAG has 2 tasks); a v1 component.yaml holds one container component"),
        ]
        for (component, message) in cases {
            do {
                _ = try component.v1ComponentYAML()
                Issue.record("\(component.name) exported")
            } catch {
                #expect(error.diagnostics.map(\.message) == [message])
            }
        }
    }

    static func withoutSDKVersion(_ value: JSONValue) -> JSONValue {
        guard var members = value.objectValue else { return value }
        members["sdkVersion"] = nil
        return .object(members)
    }
}
