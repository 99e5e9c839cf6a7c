import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// ``V1ComponentExporter``: container component IR → v1 `component.yaml`, the inverse of
/// ``V1ComponentConverter``. Exported components convert back to the same IR, KFP 2.17.3 loads
/// them to the IR we convert them to, and what v1 cannot express is refused by name.
@Suite("v1 export")
struct V1ExportTests {
    static func spec(
        name: String = "demo", inputs: ComponentInputs? = nil, outputs: ComponentOutputs? = nil, command: [String]? = nil,
        args: [String]? = nil, env: [EnvironmentVariable]? = nil
    ) -> PipelineSpec {
        let container = ContainerSpec(image: "busybox", command: command, args: args, env: env)
        return SingleComponentIR.make(
            name: name, inputs: inputs, outputs: outputs, executor: ExecutorSpec(container: container),
            sdkVersion: V1ComponentConverter.sdkVersion)
    }

    static func parameter(_ type: ParameterType, _ value: JSONValue? = nil, optional: Bool = false) -> InputParameterDefinition {
        InputParameterDefinition(parameterType: type, defaultValue: value, isOptional: optional || value != nil ? true : nil)
    }

    static func artifact(_ title: String, optional: Bool = false) -> InputArtifactDefinition {
        InputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: title), isOptional: optional ? true : nil)
    }

    /// Every parameter type, artifact class and placeholder the export maps, nested Concat and IfPresent included.
    static let everything: PipelineSpec = spec(
        name: "every-type",
        inputs: ComponentInputs(
            parameters: [
                "i": parameter(.numberInteger, 3), "f": parameter(.numberDouble, 0.5), "s": parameter(.string, "007"),
                "b": parameter(.boolean, false), "l": parameter(.list, [1, "a"]), "st": parameter(.struct, ["k": [true]]),
                "req": parameter(.string), "opt": parameter(.numberInteger, optional: true), "j": parameter(.struct, "not json"),
                "status": InputParameterDefinition(parameterType: .taskFinalStatus, isOptional: true),
            ],
            artifacts: [
                "art": artifact("system.Artifact"), "model": artifact("system.Model", optional: true),
                "ds": artifact("system.Dataset"), "g": artifact("google.VertexModel"), "md": artifact("system.Markdown"),
            ]),
        outputs: ComponentOutputs(
            parameters: [
                "o_int": OutputParameterDefinition(parameterType: .numberInteger), "o_list": OutputParameterDefinition(parameterType: .list),
            ],
            artifacts: [
                "metrics": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Metrics")),
                "cm": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.ClassificationMetrics")),
                "scm": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.SlicedClassificationMetrics")),
                "html": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.HTML")),
            ]),
        command: ["sh", "-c", "echo \"$0\"", "{{$}}"],
        args: [
            "{{$.inputs.parameters['i']}}", "{{$.inputs.parameters['f']}}", "{{$.inputs.parameters['b']}}",
            "{{$.inputs.parameters['l']}}", "{{$.inputs.parameters['st']}}", "{{$.inputs.parameters['req']}}",
            "{{$.inputs.parameters['status']}}", "{{$.inputs.parameters['j']}}", "{{$.inputs.artifacts['art'].path}}",
            "{{$.inputs.artifacts['ds'].uri}}", "{{$.inputs.artifacts['g'].path}}", "{{$.inputs.artifacts['md'].path}}",
            "{{$.outputs.parameters['o_int'].output_file}}", "{{$.outputs.parameters['o_list'].output_file}}",
            "{{$.outputs.artifacts['metrics'].path}}", "{{$.outputs.artifacts['cm'].uri}}",
            "{{$.outputs.artifacts['scm'].path}}", "{{$.outputs.artifacts['html'].path}}",
            #"{"Concat": ["--s=", "{{$.inputs.parameters['s']}}", "", {"IfPresent": {"InputName": "opt", "Then": "x"}}]}"#,
            #"{"IfPresent": {"InputName": "model", "Then": ["--m", "{{$.inputs.artifacts['model'].path}}"], "Else": ["--no-model", "\u00e9 \ud83d\ude00"]}}"#,
            #"{"IfPresent": {"InputName": "opt", "Then": {"Concat": ["-o", "{{$.inputs.parameters['opt']}}"]}}}"#,
            #"{"a": "{not a placeholder}"}"#,
        ],
        env: [EnvironmentVariable(name: "ZED", value: "1"), EnvironmentVariable(name: "ALPHA", value: "{{pod.name}}")])

    /// Exports, then converts the YAML back with ``V1ComponentConverter``.
    static func roundTrip(_ spec: PipelineSpec) throws -> (yaml: String, spec: PipelineSpec) {
        let yaml = try V1ComponentExporter().yaml(from: spec)
        let loaded = try SpecLoader().load(yaml)
        #expect(loaded.v1Component == (try V1ComponentExporter().component(from: spec)))
        let sorted = try SpecWriter().write(try V1ComponentExporter().component(from: spec))
        #expect(try SpecLoader().load(sorted).v1Component == loaded.v1Component)
        return (yaml, try V1ComponentConverter().pipelineSpec(for: loaded))
    }

    @Test("every type, default and placeholder converts back to the same IR")
    func everythingRoundTrips() throws {
        let back = try Self.roundTrip(Self.everything)
        let differences = V1ConversionOracleTests.differences(try SpecWriter().tree(of: back.spec), try SpecWriter().tree(of: Self.everything))
        #expect(back.spec == Self.everything, "exported:\n\(back.yaml)\ndifferences:\n\(differences.joined(separator: "\n"))")
    }

    @Test("every corpus v1 container component exports and converts back to the same IR")
    func corpusRoundTrip() throws {
        let files = TestEnvironment.corpusFiles("components-v1")
        guard !files.isEmpty else { return }
        var convertible = 0
        var equal = 0
        var refused: [String] = []
        for url in files {
            guard let loaded = try? SpecLoader(file: url.path).load(try Data(contentsOf: url)),
                let first = try? V1ComponentConverter().pipelineSpec(for: loaded), first.isSingleComponent
            else { continue }
            convertible += 1
            do {
                let second = try Self.roundTrip(first).spec
                #expect(second == first, "\(url.lastPathComponent) converts back to a different IR")
                if second == first { equal += 1 }
            } catch {
                refused.append("\(url.lastPathComponent): \(error)")
            }
        }
        print("v1 export round trip: \(equal) of \(convertible) components equal (of \(files.count) files, the others are not container components)")
        for reason in refused { print("v1 export refused \(reason)") }
        #expect(refused.isEmpty, "refused:\n\(refused.joined(separator: "\n"))")
        #expect(equal == convertible)
        #expect(convertible >= 40)
    }

    @Test("a small component exports to this exact YAML")
    func exactYAML() throws {
        let spec = Self.spec(
            name: "add",
            inputs: ComponentInputs(parameters: ["a": Self.parameter(.numberDouble, 1), "b": Self.parameter(.string, optional: true)]),
            outputs: ComponentOutputs(artifacts: ["sum": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Dataset"))]),
            command: ["sh", "-c", "echo $0 > $1"],
            args: [
                "--a={{$.inputs.parameters['a']}}", "{{$.outputs.artifacts['sum'].path}}",
                #"{"IfPresent": {"InputName": "b", "Then": ["--b", "{{$.inputs.parameters['b']}}"]}}"#,
            ],
            env: [EnvironmentVariable(name: "Z", value: "yes"), EnvironmentVariable(name: "A", value: "two words")])
        let expected = """
            name: add
            inputs:
            - {name: a, type: Float, default: '1.0', optional: true}
            - {name: b, type: String, optional: true}
            outputs:
            - {name: sum, type: Dataset}
            implementation:
              container:
                image: busybox
                command: [sh, -c, echo $0 > $1]
                args:
                - concat:
                  - --a=
                  - {inputValue: a}
                - {outputPath: sum}
                - if:
                    cond: {isPresent: b}
                    then:
                    - --b
                    - {inputValue: b}
                env: {Z: 'yes', A: two words}

            """
        let yaml = try V1ComponentExporter().yaml(from: spec)
        #expect(yaml == expected, "exported:\n\(yaml)")
    }

    @Test("KFP 2.17.3 loads the exported components to the IR we convert them to", .enabled(if: TestEnvironment.oraclePython != nil, "no oracle Python; the v1 export oracle test is skipped"))
    func matchesKFP() async throws {
        var cases: [String: (yaml: String, spec: PipelineSpec)] = ["every-type": try Self.roundTrip(Self.everything)]
        for url in TestEnvironment.corpusFiles("components-v1") {
            guard let loaded = try? SpecLoader(file: url.path).load(try Data(contentsOf: url)),
                let spec = try? V1ComponentConverter().pipelineSpec(for: loaded), spec.isSingleComponent
            else { continue }
            cases[url.lastPathComponent] = try Self.roundTrip(spec)
        }
        let output = try await TestEnvironment.runOracle(
            script: "v1_export_ir.py", arguments: [], stdin: try JSONEncoder().encode(cases.mapValues(\.yaml)))
        let answers = try JSONDecoder().decode([String: V1ConversionOracleTests.OracleAnswer].self, from: output)
        var equal = 0
        for (name, exported) in cases.sorted(by: { $0.key < $1.key }) {
            guard let expected = answers[name]?.spec else {
                Issue.record("KFP refused the export of \(name): \(answers[name]?.error ?? "no answer")")
                continue
            }
            let ours = V1ConversionOracleTests.withoutSDKVersion(try SpecWriter().tree(of: exported.spec))
            let differences = V1ConversionOracleTests.differences(ours, V1ConversionOracleTests.withoutSDKVersion(expected))
            #expect(differences.isEmpty, "\(name) differs from KFP:\n\(differences.prefix(10).joined(separator: "\n"))")
            if differences.isEmpty { equal += 1 }
        }
        print("v1 export oracle: \(equal) of \(cases.count) exported components load in KFP 2.17.3 as we convert them")
        #expect(cases.count >= 21)
    }

    /// A component with parameter `x`, artifact `data`, output artifact `out`, and these args.
    static func refusing(_ args: [String], inputs: ComponentInputs? = nil, outputs: ComponentOutputs? = nil) -> PipelineSpec {
        spec(
            inputs: inputs ?? ComponentInputs(parameters: ["x": parameter(.string)], artifacts: ["data": artifact("system.Dataset")]),
            outputs: outputs ?? ComponentOutputs(artifacts: ["out": OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Model"))]),
            args: args)
    }

    static func mutated(_ change: (inout PipelineSpec) -> Void) -> PipelineSpec {
        var spec = refusing(["{{$.inputs.parameters['x']}}"])
        change(&spec)
        return spec
    }

    /// What v1 cannot express: the spec, the message after `cannot export 'demo' as a v1 component: `, the path.
    static let refusals: [(PipelineSpec, String, String)] = {
        let exec = "deploymentSpec.executors.exec-demo"
        let comp = "components.comp-demo"
        let listInput = InputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Dataset"), isArtifactList: true)
        var enumInput = parameter(.string)
        enumInput.literals = ["a", "b"]
        var metadataOutput = OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: "system.Model"))
        metadataOutput.metadata = ["k": "v"]
        return [
            (mutated { $0.root.dag?.tasks?["other"] = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-demo")) },
             "it is a pipeline (its root DAG has 2 tasks); a v1 component.yaml holds one container component", "root"),
            (mutated {
                $0.deploymentSpec?.executors?["exec-demo"] = ExecutorSpec(
                    importer: ImporterSpec(artifactUri: ValueOrRuntimeParameter(constant: "gs://b/x"), typeSchema: ArtifactTypeSchema(schemaTitle: "system.Dataset")))
            }, "it is an importer; a v1 component.yaml holds a container", "\(exec).importer"),
            (refusing(["--job={{$.pipeline_job_name}}"]),
             "placeholder {{$.pipeline_job_name}} is a pipeline-level placeholder, which v1 components cannot express", "\(exec).container.args[0]"),
            (refusing(["{{$.inputs.artifacts['data'].metadata}}"]),
             "placeholder {{$.inputs.artifacts['data'].metadata}} is an artifact metadata placeholder, which v1 components cannot express", "\(exec).container.args[0]"),
            (refusing(["{{$.outputs.artifacts['out'].metadata}}"]),
             "placeholder {{$.outputs.artifacts['out'].metadata}} is an artifact metadata placeholder, which v1 components cannot express", "\(exec).container.args[0]"),
            (refusing(["{{$.inputs.artifacts['data']}}"]),
             "placeholder {{$.inputs.artifacts['data']}} is a list-of-artifacts placeholder, which v1 components cannot express", "\(exec).container.args[0]"),
            (refusing(["{{$.workspace}}"]), "placeholder {{$.workspace}} is not a known KFP placeholder, which v1 components cannot express", "\(exec).container.args[0]"),
            (refusing(["{{$.inputs.parameters['y']}}"]),
             "placeholder {{$.inputs.parameters['y']}} names input parameter 'y', which the component does not declare", "\(exec).container.args[0]"),
            (refusing([#"{"IfPresent": {"InputName": "nope", "Then": ["a"]}}"#]),
             "IfPresent names input 'nope', which the component does not declare", "\(exec).container.args[0]"),
            (refusing([], inputs: ComponentInputs(artifacts: ["data": listInput])),
             "input 'data' is a list of artifacts, which v1 components cannot declare", "\(comp).inputDefinitions.artifacts.data"),
            (refusing([], outputs: ComponentOutputs(artifacts: ["out": metadataOutput])),
             "output 'out' sets artifact metadata or properties, which v1 components cannot declare", "\(comp).outputDefinitions.artifacts.out"),
            (refusing([], inputs: ComponentInputs(artifacts: ["data": artifact("acme.Thing")])),
             "input 'data': artifact type 'acme.Thing' has no v1 type; v1 types load as system.* classes or google.* types only",
             "\(comp).inputDefinitions.artifacts.data.artifactType"),
            (refusing([], inputs: ComponentInputs(parameters: ["x": enumInput])),
             "input 'x': enum values (literals) have no v1 form", "\(comp).inputDefinitions.parameters.x"),
            (refusing([], inputs: ComponentInputs(parameters: ["learningRate": parameter(.numberDouble)])),
             "input 'learningRate' would be renamed 'learningrate' when KFP 2.x loads the v1 component (names are [a-z0-9_])",
             "\(comp).inputDefinitions.parameters.learningRate"),
            (refusing([], inputs: ComponentInputs(parameters: ["cfg": parameter(.taskConfig)])),
             "input 'cfg': parameter type TASK_CONFIG has no v1 type", "\(comp).inputDefinitions.parameters.cfg"),
            (refusing([], inputs: ComponentInputs(parameters: ["l": parameter(.list, "[1]")])),
             "input 'l': the LIST default is the string '[1]', which KFP would load as JSON; v1 cannot tell them apart",
             "\(comp).inputDefinitions.parameters.l"),
            (refusing([], inputs: ComponentInputs(parameters: ["n": parameter(.numberInteger, 2.5)])),
             "input 'n': the NUMBER_INTEGER default 2.5 is not a whole number", "\(comp).inputDefinitions.parameters.n"),
            (mutated { $0.deploymentSpec?.executors?["exec-demo"]?.container?.resources = ResourceSpec() },
             "the container sets resources (CPU, memory or accelerator), which v1 components cannot declare", "\(exec).container.resources"),
            (mutated { $0.deploymentSpec?.executors?["exec-demo"]?.container?.env = [EnvironmentVariable(name: "X", value: "{{$.inputs.parameters['x']}}")] },
             "env variable 'X' uses a placeholder ('{{$.inputs.parameters['x']}}'); v1 env values are plain strings", "\(exec).container.env[0].value"),
            (mutated { $0.platformSpec = ["platforms": ["kubernetes": [:]]] },
             "the platform spec (Kubernetes settings such as volumes, secrets or node selectors) has no v1 form", "platforms"),
            (mutated { $0.root.dag?.tasks?["demo"]?.retryPolicy = RetryPolicy(maxRetryCount: 2) },
             "the task setting 'retryPolicy' has no v1 form", "root.dag.tasks.demo.retryPolicy"),
        ]
    }()

    @Test("what v1 cannot express is refused with the component, the construct and its path")
    func refusalMessages() {
        for (spec, detail, path) in Self.refusals {
            #expect(throws: SpecError.self) { try V1ComponentExporter().yaml(from: spec) }
            do {
                _ = try V1ComponentExporter().component(from: spec)
            } catch {
                #expect(error.kind == .validation)
                #expect(error.diagnostics.map(\.message) == ["cannot export 'demo' as a v1 component: \(detail)"])
                #expect(error.diagnostics.first?.path?.description == path)
            }
        }
    }
}
