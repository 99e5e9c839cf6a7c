import Foundation
import KFPLocal
import KFPSpec
import Testing

/// Placeholders and values: Concat, IfPresent, `{{$}}`, pipeline-level placeholders, edge values.
@Suite("Runner placeholders and values")
struct RunnerPlaceholderTests {
    /// `show` writes its argv (one element per line, NUL-free) to `out`; `relay` copies `text` to `out`.
    static let pipeline = """
        pipelineInfo: {name: placeholders}
        schemaVersion: 2.1.0
        components:
          comp-show:
            executorLabel: exec-show
            inputDefinitions:
              parameters:
                name: {parameterType: STRING}
                extra: {parameterType: STRING, isOptional: true}
                tagged: {parameterType: STRING, defaultValue: d}
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
          comp-dump:
            executorLabel: exec-dump
            inputDefinitions:
              parameters:
                zero: {parameterType: NUMBER_INTEGER}
                real: {parameterType: NUMBER_DOUBLE}
                empty: {parameterType: STRING}
                flag: {parameterType: BOOLEAN}
                list: {parameterType: LIST}
                dict: {parameterType: STRUCT}
                text: {parameterType: STRING}
            outputDefinitions: {parameters: {out: {parameterType: STRUCT}}}
          comp-relay:
            executorLabel: exec-relay
            inputDefinitions: {parameters: {text: {parameterType: STRING}}}
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
        deploymentSpec:
          executors:
            exec-show:
              container:
                image: alpine
                command: [sh, -c, 'out="$0"; for a in "$@"; do printf "%s\\n" "$a"; done > "$out"']
                args:
                - "{{$.outputs.parameters['out'].output_file}}"
                - '{"Concat": ["--name=", "{{$.inputs.parameters[''name'']}}", "!"]}'
                - '{"IfPresent": {"InputName": "extra", "Then": ["--extra", "{{$.inputs.parameters[''extra'']}}"], "Else": ["--no-extra"]}}'
                - '{"IfPresent": {"InputName": "tagged", "Then": ["--tagged"]}}'
                - "job={{$.pipeline_job_name}} task={{$.pipeline_task_name}}"
            exec-dump:
              container: {image: alpine, command: [sh, -c, 'printf %s "$1" > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$}}"]}
            exec-relay:
              container: {image: alpine, command: [sh, -c, 'printf %s "$1" > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['text']}}"]}
        root:
          inputDefinitions:
            parameters:
              text: {parameterType: STRING}
          dag:
            tasks:
              with-extra:
                componentRef: {name: comp-show}
                inputs: {parameters: {name: {runtimeValue: {constant: kfp}}, extra: {runtimeValue: {constant: 'yes'}}}}
              without-extra:
                componentRef: {name: comp-show}
                inputs: {parameters: {name: {runtimeValue: {constant: kfp}}}}
              dump:
                componentRef: {name: comp-dump}
                inputs:
                  parameters:
                    zero: {runtimeValue: {constant: 0}}
                    real: {runtimeValue: {constant: 0.0}}
                    empty: {runtimeValue: {constant: ''}}
                    flag: {runtimeValue: {constant: false}}
                    list: {runtimeValue: {constant: []}}
                    dict: {runtimeValue: {constant: {}}}
                    text: {componentInputParameter: text}
              first:
                componentRef: {name: comp-relay}
                inputs: {parameters: {text: {componentInputParameter: text}}}
              second:
                componentRef: {name: comp-relay}
                inputs: {parameters: {text: {taskOutputParameter: {producerTask: first, outputParameterKey: out}}}}
        """

    static let tricky = "quote \" apostrophe ' backslash \\ newline \n tab \t {{$.inputs.parameters['text']}} 𝄞 🎉 é"

    private func lines(_ value: JSONValue?) -> [String] {
        (value?.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    }

    @Test("Concat joins, IfPresent counts only supplied inputs (not defaults), pipeline placeholders resolve")
    func concatAndIfPresent() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.pipeline, arguments: ["text": .string(Self.tricky)], caching: false)
        #expect(run.state == .succeeded)
        let with = lines(run.tasks["with-extra"]?.outputs.parameters["out"])
        #expect(Array(with.prefix(3)) == ["--name=kfp!", "--extra", "yes"])
        let without = lines(run.tasks["without-extra"]?.outputs.parameters["out"])
        #expect(Array(without.prefix(2)) == ["--name=kfp!", "--no-extra"])
        #expect(without.count == 3)
        #expect(without.last?.hasPrefix("job=placeholders-") == true)
        #expect(without.last?.hasSuffix(" task=without-extra") == true)
    }

    @Test("0, 0.0, empty string, false, [] and {} reach the program unchanged in the executor input")
    func edgeValues() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.pipeline, arguments: ["text": .string(Self.tricky)], caching: false)
        let executorInput = try #require(run.tasks["dump"]?.outputs.parameters["out"]?.objectValue)
        let values = try #require(executorInput["inputs"]?.objectValue?["parameterValues"]?.objectValue)
        #expect(values["zero"] == .int(0))
        #expect(values["real"]?.isEquivalent(to: .double(0)) == true)
        #expect(values["empty"] == .string(""))
        #expect(values["flag"] == .bool(false))
        #expect(values["list"] == .array([]))
        #expect(values["dict"] == .object([:]))
        #expect(values["text"] == .string(Self.tricky))
    }

    @Test("quotes, backslashes, newlines, a placeholder-looking text and emoji pass two tasks byte-exact")
    func valuesPassThroughUnchanged() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.pipeline, arguments: ["text": .string(Self.tricky)], caching: false)
        #expect(run.tasks["first"]?.outputs.parameters["out"] == .string(Self.tricky))
        #expect(run.tasks["second"]?.outputs.parameters["out"] == .string(Self.tricky))
        let file = try #require(run.tasks["second"]?.taskRoot).appending("/outputs/out")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(Self.tricky.utf8))
    }
}
