import Foundation
import KFP
import KFPSpec
import Testing

/// What a ``SwiftComponent`` type compiles to, and the definition errors of declarations KFP
/// cannot take.
@Suite("Swift components: definition")
struct SwiftComponentDefinitionTests {
    @Test("Properties become KFP inputs and outputs with types, defaults, optionality and descriptions")
    func interface() throws {
        let component = try Component(swift: Summarize.self, image: ProgramImage(image: "registry/tool@sha256:ab", programPath: "/usr/local/bin/tool"))
        #expect(component.name == "Summarize")
        let yaml = try SpecWriter().write(component.spec)
        let head = try #require(yaml.components(separatedBy: "root:\n").first)
        #expect(
            head == """
                components:
                  comp-summarize:
                    executorLabel: exec-summarize
                    inputDefinitions:
                      artifacts:
                        data:
                          artifactType:
                            schemaTitle: system.Dataset
                            schemaVersion: 0.0.1
                        extras:
                          artifactType:
                            schemaTitle: system.Model
                            schemaVersion: 0.0.1
                          isArtifactList: true
                          isOptional: true
                      parameters:
                        numbers:
                          description: Numbers to add
                          parameterType: LIST
                        scale:
                          defaultValue: 2.0
                          isOptional: true
                          parameterType: NUMBER_DOUBLE
                        style:
                          parameterType: STRUCT
                        title:
                          isOptional: true
                          parameterType: STRING
                    outputDefinitions:
                      artifacts:
                        metrics:
                          artifactType:
                            schemaTitle: system.Metrics
                            schemaVersion: 0.0.1
                        report:
                          artifactType:
                            schemaTitle: system.Dataset
                            schemaVersion: 0.0.1
                      parameters:
                        count:
                          parameterType: NUMBER_INTEGER
                        total:
                          description: The scaled sum
                          parameterType: NUMBER_DOUBLE
                deploymentSpec:
                  executors:
                    exec-summarize:
                      container:
                        args:
                        - --executor-input
                        - '{{$}}'
                        - --component
                        - summarize
                        command:
                        - /usr/local/bin/tool
                        - execute
                        image: registry/tool@sha256:ab
                pipelineInfo:
                  description: Sums numbers and writes a report.
                  name: summarize

                """)
        let executor = try #require(component.spec.deploymentSpec?.executors?["exec-summarize"]?.container)
        #expect(executor.image == "registry/tool@sha256:ab")
        #expect(executor.command == ["/usr/local/bin/tool", "execute"])
        #expect(executor.args == ["--executor-input", "{{$}}", "--component", "summarize"])
        #expect(component.spec.pipelineInfo.description == "Sums numbers and writes a report.")
    }

    @Test("Without an image the task runs this program at its own path in the default image")
    func defaultPlacement() throws {
        let component = try Component(swift: Fails.self)
        let container = try #require(component.spec.deploymentSpec?.executors?["exec-fails"]?.container)
        #expect(container.image == "debian:bookworm-slim")
        #expect(container.command?.first == URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path)
        #expect(component.requiredInputNames == ["reason"])
    }

    @Test("Type names read as KFP names components", arguments: [
        ("TrainModel", "Train model"), ("SplitCSV", "Split csv"), ("CSVSplitter", "Csv splitter"), ("Evaluate", "Evaluate"),
        ("Step2Go", "Step2 go"),
    ])
    func names(typeName: String, expected: String) {
        #expect(ComponentConfiguration.words(of: typeName) == expected)
    }

    @Test("Each declaration KFP cannot take is an error at its own line")
    func badDeclarations() {
        let error = #expect(throws: DefinitionError.self) { try Component(swift: BadDeclarations.self) }
        let lines = error?.diagnostics.map(\.description) ?? []
        #expect(
            lines == [
                "KFPTests/SwiftComponentFixtures.swift:57: error: input 'same' is declared twice",
                "KFPTests/SwiftComponentFixtures.swift:58: error: artifact input 'data' cannot have a default value; make it optional ('Dataset?')",
                "KFPTests/SwiftComponentFixtures.swift:59: error: output 'maybe' cannot be optional: run() sets every output",
                "KFPTests/SwiftComponentFixtures.swift:60: error: output 'models' cannot be a list of artifacts: KFP components output one artifact per output",
                "KFPTests/SwiftComponentFixtures.swift:61: error: 'with space' cannot name an input or output: use letters, digits, '_' and '-'",
            ])
        #expect(error?.diagnostics.allSatisfy { $0.kind == .invalidComponent } == true)
    }
}
