import Foundation
import KFPSpec
import Testing

/// Done 4 of the spec issue (IR side): YAML 1.2 values that other readers misread round-trip exactly.
@Suite("Edge values")
struct EdgeValueTests {
    static let pipeline = """
        pipelineInfo:
          name: edge-values
        schemaVersion: 2.1.0
        components:
          comp-echo:
            executorLabel: exec-echo
            inputDefinitions:
              parameters:
                on: {parameterType: STRING}
        deploymentSpec:
          executors:
            exec-echo:
              container:
                image: alpine
                command: [echo, "{{$.inputs.parameters['on']}}"]
        root:
          dag:
            tasks:
              echo:
                componentRef: {name: comp-echo}
                taskInfo: {name: echo}
                inputs:
                  parameters:
                    on: {componentInputParameter: off}
          inputDefinitions:
            parameters:
              off: {parameterType: STRING, defaultValue: n}
              yes: {parameterType: STRING, defaultValue: 007}
              no: {parameterType: STRING, defaultValue: 1e3}
              y: {parameterType: STRING, defaultValue: '1:30'}
              count: {parameterType: NUMBER_INTEGER, defaultValue: 2.0}
              rate: {parameterType: NUMBER_DOUBLE, defaultValue: 1e-3}
              flag: {parameterType: BOOLEAN, defaultValue: false}
              items: {parameterType: LIST, defaultValue: []}
              config: {parameterType: STRUCT, defaultValue: {}}
              empty: {parameterType: STRING, defaultValue: ''}
              emoji: {parameterType: STRING, defaultValue: "𝄞 🎉 \\"q\\" \\\\ {{$.inputs.parameters['x']}}"}
        """

    private func load(_ text: String) throws -> PipelineSpec {
        let loaded = try SpecLoader(file: "edge.yaml").load(text)
        try SpecValidator().validate(loaded)
        return try #require(loaded.pipelineSpec)
    }

    @Test("YAML 1.1 booleans and number-like strings stay strings where the spec says STRING")
    func valuesAreReadByDeclaredType() throws {
        let spec = try load(Self.pipeline)
        let inputs = try #require(spec.root.inputDefinitions?.parameters)
        #expect(inputs.keys.sorted() == ["config", "count", "emoji", "empty", "flag", "items", "no", "off", "rate", "y", "yes"])
        #expect(inputs["off"]?.defaultValue == .string("n"))
        #expect(inputs["yes"]?.defaultValue == .string("007"))
        #expect(inputs["no"]?.defaultValue == .string("1e3"))
        #expect(inputs["y"]?.defaultValue == .string("1:30"))
        #expect(inputs["count"]?.defaultValue == .double(2.0))
        #expect(inputs["rate"]?.defaultValue == .double(0.001))
        #expect(inputs["flag"]?.defaultValue == .bool(false))
        #expect(inputs["items"]?.defaultValue == .array([]))
        #expect(inputs["config"]?.defaultValue == .object([:]))
        #expect(inputs["empty"]?.defaultValue == .string(""))
        #expect(inputs["emoji"]?.defaultValue == .string("𝄞 🎉 \"q\" \\ {{$.inputs.parameters['x']}}"))
        #expect(spec.components?["comp-echo"]?.inputDefinitions?.parameters?["on"]?.parameterType == .string)
        #expect(spec.root.dag?.tasks?["echo"]?.inputs?.parameters?["on"]?.componentInputParameter == "off")
    }

    @Test("written YAML quotes every ambiguous string and keeps number kinds")
    func writtenYAMLQuotes() throws {
        let text = try SpecWriter().write(try load(Self.pipeline))
        for line in [
            "      'off':", "      'yes':", "      'no':", "      'y':", "        defaultValue: 'n'",
            "        defaultValue: '007'", "        defaultValue: '1e3'", "        defaultValue: '1:30'",
            "        defaultValue: 2.0", "        defaultValue: 0.001", "        defaultValue: false",
            "        defaultValue: []", "        defaultValue: {}", "        defaultValue: ''",
            "            'on':", "              componentInputParameter: 'off'",
        ] {
            #expect(text.split(separator: "\n").contains(Substring(line)), "missing line \(line)")
        }
        // libyaml writes characters beyond U+FFFF as escapes; the value still reloads byte-exact.
        #expect(try load(text) == load(Self.pipeline))
        #expect(try SpecWriter().write(try load(text)) == text)
    }

    @Test("JSON output reloads to the same spec")
    func jsonRoundTrip() throws {
        let spec = try load(Self.pipeline)
        let json = try SpecWriter().write(spec, format: .json)
        #expect(json.contains("\"defaultValue\": \"007\""))
        #expect(json.contains("\"defaultValue\": 2.0"))
        #expect(try SpecLoader().loadPipelineSpec(json) == spec)
    }

    @Test("every string that YAML 1.1 or 1.2 could misread is quoted", arguments: [
        "on", "off", "yes", "no", "y", "n", "Y", "N", "true", "False", "null", "~", "", "007", "1e3", "1:30",
        "0x1F", "0o17", "+.5", ".inf", "-.Inf", ".NaN", "1_000", "2001-12-14", "=", "<<", "12", "-3.5",
    ])
    func ambiguousStringsRoundTrip(_ value: String) throws {
        let text = try SpecWriter().write(JSONValue.object(["v": .string(value)]))
        let parsed = try SpecLoader().loadJSONValue(text)
        #expect(parsed == .object(["v": .string(value)]), "\(text)")
        #expect(text.contains("'"), "\(value) was written unquoted: \(text)")
    }
}
