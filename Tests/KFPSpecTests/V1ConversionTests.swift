import Foundation
import KFPSpec
import Testing

/// Exact-value tests of ``V1ComponentConverter`` on small v1 components, including the cases
/// where it is more lenient than KFP 2.17.3.
@Suite("v1 conversion")
struct V1ConversionTests {
    func convert(_ yaml: String) throws -> PipelineSpec {
        try V1ComponentConverter().pipelineSpec(for: try SpecLoader().load(yaml))
    }

    func component(_ spec: PipelineSpec) throws -> ComponentSpec {
        try #require(spec.components?["comp-\(spec.pipelineInfo.name)"])
    }

    func container(_ spec: PipelineSpec) throws -> ContainerSpec {
        try #require(spec.deploymentSpec?.executors?["exec-\(spec.pipelineInfo.name)"]?.container)
    }

    @Test("input names on, off, yes, no and y stay strings")
    func yamlBooleanWordsStayNames() throws {
        let spec = try convert(
            """
            name: words
            inputs:
            - {name: on, type: String}
            - {name: off, type: String}
            - {name: yes, type: String}
            - {name: no, type: String}
            - {name: y, type: String}
            implementation:
              container:
                image: busybox
                args: [{inputValue: on}, {inputValue: off}, {inputValue: yes}, {inputValue: no}, {inputValue: y}]
            """)
        let names = ["on", "off", "yes", "no", "y"]
        #expect(try component(spec).inputDefinitions?.parameters?.keys.sorted() == names.sorted())
        #expect(spec.root.inputDefinitions == (try component(spec).inputDefinitions))
        #expect(try container(spec).args == names.map { "{{$.inputs.parameters['\($0)']}}" })
        let task = try #require(spec.root.dag?.tasks?["words"])
        #expect(task.inputs?.parameters?["yes"] == TaskInputParameter(componentInputParameter: "yes"))
    }

    @Test("an empty image and empty env values are left out, as proto3 defaults, and load back")
    func emptyImageIsLeftOut() throws {
        let spec = try convert(
            """
            name: empty
            implementation:
              container:
                image: ''
                command: [sh]
                env: {E: '', F: f}
            """)
        #expect(try container(spec).image == "")
        #expect(try container(spec).env == [EnvironmentVariable(name: "E", value: nil), EnvironmentVariable(name: "F", value: "f")])
        let text = try SpecWriter().write(spec)
        let executor = """
            deploymentSpec:
              executors:
                exec-empty:
                  container:
                    command:
                    - sh
                    env:
                    - name: E
                    - name: F
                      value: f
            pipelineInfo:
            """
        #expect(text.contains(executor))
        #expect(!text.contains("image"))
        let reloaded = try #require(try SpecLoader().load(text).pipelineSpec)
        #expect(try container(reloaded) == (try container(spec)))
        let json = try SpecWriter().write(spec, format: .json)
        #expect(json.contains(#""container": {"#) && !json.contains(#""image""#))
    }

    @Test("String defaults keep their text: n, 007, 1e3")
    func stringDefaultsKeepText() throws {
        let spec = try convert(
            """
            name: defaults
            inputs:
            - {name: a, type: String, default: n}
            - {name: b, type: String, default: 007}
            - {name: c, type: String, default: 1e3}
            - {name: d, type: String, default: true}
            implementation: {container: {image: busybox}}
            """)
        let parameters = try #require(try component(spec).inputDefinitions?.parameters)
        #expect(parameters["a"]?.defaultValue == .string("n"))
        #expect(parameters["b"]?.defaultValue == .string("007"))
        #expect(parameters["c"]?.defaultValue == .string("1e3"))
        #expect(parameters["d"]?.defaultValue == .string("true"))
        #expect(parameters["b"]?.isOptional == true)
        #expect(parameters["b"]?.parameterType == .string)
    }

    @Test("typed defaults are cast as KFP casts them")
    func typedDefaults() throws {
        let spec = try convert(
            """
            name: typed
            inputs:
            - {name: flag, type: Boolean, default: "True"}
            - {name: off, type: Bool, default: "off"}
            - {name: count, type: Integer, default: "5"}
            - {name: rate, type: Float, default: "1e3"}
            - {name: items, type: JsonArray, default: '[1, "a", {"k": null}]'}
            - {name: config, type: JsonObject, default: '{"a": {"b": true}, "c": [2.5]}'}
            - {name: text, type: JsonObject, default: 'not json'}
            - {name: maybe, type: String, optional: true}
            implementation: {container: {image: busybox}}
            """)
        let parameters = try #require(try component(spec).inputDefinitions?.parameters)
        #expect(parameters["flag"]?.defaultValue == .bool(true))
        #expect(parameters["flag"]?.parameterType == .boolean)
        #expect(parameters["off"]?.defaultValue == .bool(false))
        #expect(parameters["count"]?.defaultValue == .int(5))
        #expect(parameters["count"]?.parameterType == .numberInteger)
        #expect(parameters["rate"]?.defaultValue == .double(1000))
        #expect(parameters["items"]?.defaultValue == .array([.int(1), .string("a"), .object(["k": .null])]))
        #expect(parameters["items"]?.parameterType == .list)
        #expect(parameters["config"]?.defaultValue == .object(["a": .object(["b": .bool(true)]), "c": .array([.double(2.5)])]))
        #expect(parameters["config"]?.parameterType == .struct)
        #expect(parameters["text"]?.defaultValue == .string("not json"))
        #expect(parameters["maybe"]?.defaultValue == nil)
        #expect(parameters["maybe"]?.isOptional == true)
    }

    @Test("a default that cannot be cast is an error naming the input")
    func badDefault() throws {
        let yaml = """
            name: bad
            inputs:
            - {name: count, type: Integer, default: many}
            implementation: {container: {image: busybox}}
            """
        let error = try #require(throws: SpecError.self) { try convert(yaml) }
        #expect(error.kind == .validation)
        #expect(error.description.contains("default of input 'count' of type 'Integer': 'many' is not an integer"))
    }

    @Test("if isPresent converts to KFP's IfPresent string, key order InputName, Then, Else")
    func ifPresent() throws {
        let spec = try convert(
            """
            name: optional
            inputs:
            - {name: Extra arg, type: String, optional: true}
            implementation:
              container:
                image: busybox
                args:
                - if:
                    cond: {isPresent: Extra arg}
                    then: [--extra, {inputValue: Extra arg}]
                    else: [--no-extra]
                - if: {cond: {isPresent: Extra arg}, then: {inputValue: Extra arg}, else: ""}
                - ifPresent: {inputName: Extra arg, then: [é]}
            """)
        #expect(
            try container(spec).args == [
                #"{"IfPresent": {"InputName": "extra_arg", "Then": ["--extra", "{{$.inputs.parameters['extra_arg']}}"], "Else": ["--no-extra"]}}"#,
                #"{"IfPresent": {"InputName": "extra_arg", "Then": "{{$.inputs.parameters['extra_arg']}}"}}"#,
                #"{"IfPresent": {"InputName": "extra_arg", "Then": ["\u00e9"]}}"#,
            ])
    }

    @Test("concat converts to KFP's Concat string, nested placeholders as objects")
    func concat() throws {
        let spec = try convert(
            """
            name: joined
            inputs:
            - {name: prefix, type: String}
            - {name: n, type: Integer, optional: true}
            implementation:
              container:
                image: busybox
                command:
                - concat: [{inputValue: prefix}, "-", {if: {cond: {isPresent: n}, then: {inputValue: n}, else: "none"}}]
            """)
        #expect(
            try container(spec).command == [
                #"{"Concat": ["{{$.inputs.parameters['prefix']}}", "-", {"IfPresent": {"InputName": "n", "Then": "{{$.inputs.parameters['n']}}", "Else": "none"}}]}"#
            ])
    }

    @Test("a URI input used with inputValue becomes a STRING parameter")
    func uriInputValue() throws {
        let spec = try convert(
            """
            name: Download
            inputs:
            - {name: Url, type: URI}
            - {name: Mirror, type: {GCSPath: {data_type: CSV}}, default: 007}
            - {name: Data, type: CSV}
            implementation:
              container:
                image: curl
                args: [{inputValue: Url}, {concat: [--mirror=, {inputValue: Mirror}]}, {inputPath: Data}]
            """)
        let inputs = try #require(try component(spec).inputDefinitions)
        #expect(inputs.parameters?["url"] == InputParameterDefinition(parameterType: .string))
        #expect(inputs.parameters?["mirror"]?.defaultValue == .string("007"))
        #expect(inputs.parameters?["mirror"]?.isOptional == true)
        #expect(inputs.artifacts?["data"]?.artifactType == ArtifactTypeSchema(schemaTitle: "system.Artifact"))
        #expect(
            try container(spec).args == [
                "{{$.inputs.parameters['url']}}", #"{"Concat": ["--mirror=", "{{$.inputs.parameters['mirror']}}"]}"#,
                "{{$.inputs.artifacts['data'].path}}",
            ])
        #expect(spec.root.dag?.tasks?["download"]?.inputs?.artifacts?["data"] == TaskInputArtifact(componentInputArtifact: "data"))
    }

    @Test("outputPath of a String output writes the output parameter file")
    func outputParameter() throws {
        let spec = try convert(
            """
            name: produce
            outputs:
            - {name: Result, type: String}
            - {name: Model, type: Model}
            implementation:
              container:
                image: busybox
                args: [{outputPath: Result}, {outputPath: Model}, {outputUri: Model}]
            """)
        #expect(
            try container(spec).args == [
                "{{$.outputs.parameters['result'].output_file}}", "{{$.outputs.artifacts['model'].path}}",
                "{{$.outputs.artifacts['model'].uri}}",
            ])
        let outputs = try #require(try component(spec).outputDefinitions)
        #expect(outputs.parameters?["result"] == OutputParameterDefinition(parameterType: .string))
        #expect(outputs.artifacts?["model"] == OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Model")))
        #expect(spec.root.outputDefinitions == outputs)
        #expect(
            spec.root.dag?.outputs?.parameters?["result"]
                == DagOutputParameter(valueFromParameter: ParameterSelector(producerSubtask: "produce", outputParameterKey: "result")))
        #expect(spec.root.dag?.tasks?["produce"]?.cachingOptions == CachingOptions(enableCache: true))
        #expect(spec.sdkVersion == "swift-kfp-0.1.0")
        #expect(spec.schemaVersion == "2.1.0")
    }

    @Test("env variables keep the file's order")
    func envOrder() throws {
        let spec = try convert(
            """
            name: env
            implementation:
              container:
                image: busybox
                env: {ZED: "1", ALPHA: two}
            """)
        #expect(try container(spec).env == [EnvironmentVariable(name: "ZED", value: "1"), EnvironmentVariable(name: "ALPHA", value: "two")])
    }

    @Test("a graph component is refused with a validation error")
    func graphComponent() throws {
        let yaml = """
            name: Pipeline
            implementation:
              graph:
                tasks:
                  step: {componentRef: {name: other}}
            """
        let error = try #require(throws: SpecError.self) { try convert(yaml) }
        #expect(error.kind == .validation)
        #expect(error.description.contains("'Pipeline' is a graph component"))
        #expect(error.diagnostics.first?.path == SpecPath("implementation", "graph"))
        #expect(error.diagnostics.first?.mark != nil)
    }

    @Test("placeholders without a KFP 2.x form are refused with a clear message")
    func unconvertible() throws {
        let cases: [(String, String)] = [
            ("[{outputMetadata: null}]", "'outputMetadata' has no KFP 2.x equivalent"),
            ("[{inputValue: missing}]", "names input 'missing', which the component does not have"),
            ("[{inputValue: file}, {inputPath: file}]", "used both as a value (inputValue) and as a file"),
            ("[{inputPath: count}]", "is a parameter and cannot be used with 'inputPath'"),
            ("[{if: {cond: {inputValue: count}, then: [x]}}]", "KFP 2.x has only isPresent conditions"),
        ]
        for (args, message) in cases {
            let yaml = """
                name: odd
                inputs: [{name: count, type: Integer}, {name: file}]
                implementation: {container: {image: busybox, args: \(args)}}
                """
            let error = try #require(throws: SpecError.self) { try convert(yaml) }
            #expect(error.kind == .validation)
            #expect(error.description.contains(message), "\(args): \(error)")
        }
    }

    @Test("an if on a constant expands to the chosen branch")
    func constantCondition() throws {
        let spec = try convert(
            """
            name: constant
            implementation:
              container:
                image: busybox
                args: [a, {if: {cond: true, then: [b, c], else: [d]}}, {if: {cond: "False", then: [e]}}, 5]
            """)
        #expect(try container(spec).args == ["a", "b", "c", "5"])
    }
}
