import Foundation
import KFPSpec
import Testing

/// Small v1 components and graphs shared by the graph conversion tests.
enum V1GraphFixtures {
    static let produce = """
        name: Produce
        inputs:
        - {name: Count, type: Integer}
        - {name: rate, type: Float, default: "0.5"}
        - {name: flag, type: Boolean, optional: true}
        - {name: Config, type: JsonObject, optional: true}
        - {name: label, type: String, optional: true}
        outputs:
        - {name: Table, type: CSV}
        - {name: Row count, type: Integer}
        implementation:
          container:
            image: busybox
            command: [produce, {inputValue: Count}, {inputValue: rate}, {inputValue: flag}, {inputValue: Config},
                      {inputValue: label}, {outputPath: Table}, {outputPath: Row count}]
        """

    static let consume = """
        name: Consume
        inputs:
        - {name: Data, type: CSV}
        - {name: rows, type: Integer}
        - {name: note, optional: true}
        outputs:
        - {name: Summary, type: String}
        - {name: Report}
        implementation:
          container:
            image: busybox
            command: [consume, {inputPath: Data}, {inputValue: rows}, {inputValue: note}, {outputPath: Summary},
                      {outputPath: Report}]
        """

    static let echo = """
        name: Echo
        inputs: [{name: text, type: Integer}]
        outputs: [{name: echoed, type: String}]
        implementation:
          container: {image: busybox, command: [echo, {inputValue: text}, {outputPath: echoed}]}
        """

    static func catalog() throws -> V1ComponentCatalog {
        [
            "Produce": .loaded(try SpecLoader(file: "produce.yaml").load(produce)),
            "Consume": .loaded(try SpecLoader(file: "consume.yaml").load(consume)),
            "Echo": .loaded(try SpecLoader(file: "echo.yaml").load(echo)),
        ]
    }

    /// A graph using both components; `makeArguments` and `useArguments` replace the argument lines.
    static func graph(
        makeArguments: String = """
            Count: {graphInput: {inputName: Item count}}
                      rate: "1.5"
                      flag: "true"
                      Config: '{"a": [1, 2]}'
                      label: 007
            """,
        useArguments: String = """
            Data: {taskOutput: {taskId: Make data, outputName: Table}}
                      rows: {taskOutput: {taskId: Make data, outputName: Row count}}
                      note: {graphInput: {inputName: note}}
            """
    ) -> String {
        """
        name: My Graph
        inputs:
        - {name: Item count, type: Integer, default: "7"}
        - {name: note}
        outputs:
        - {name: summary}
        - {name: Report}
        - {name: table, type: CSV}
        implementation:
          graph:
            tasks:
              Make data:
                componentRef: {name: Produce}
                arguments:
                  \(makeArguments)
              Use data:
                componentRef: {name: Consume}
                arguments:
                  \(useArguments)
            outputValues:
              summary: {taskOutput: {taskId: Use data, outputName: Summary}}
              Report: {taskOutput: {taskId: Use data, outputName: Report}}
              table: {taskOutput: {taskId: Make data, outputName: Table}}
        """
    }

    static func convert(_ yaml: String, file: String = "graph.yaml") async throws -> PipelineSpec {
        let spec = try await V1GraphConverter(catalog: try Self.catalog(), fetchURLs: false)
            .pipelineSpec(for: try SpecLoader(file: file).load(yaml))
        #expect(SpecValidator().problems(in: spec).isEmpty)
        return spec
    }

    static func failure(_ yaml: String) async throws -> SpecError {
        let loaded = try SpecLoader(file: "graph.yaml").load(yaml)
        let converter = V1GraphConverter(catalog: try Self.catalog(), fetchURLs: false)
        return try await #require(throws: SpecError.self) { try await converter.pipelineSpec(for: loaded) }
    }

    static let nested = """
        name: Outer
        inputs: [{name: n, type: Integer}]
        outputs: [{name: result, type: String}]
        implementation:
          graph:
            tasks:
              inner:
                componentRef:
                  spec:
                    name: Middle
                    inputs: [{name: m, type: Integer}]
                    outputs: [{name: out, type: String}]
                    implementation:
                      graph:
                        tasks:
                          deepest:
                            componentRef:
                              spec:
                                name: Innermost
                                inputs: [{name: k}]
                                outputs: [{name: out}]
                                implementation:
                                  graph:
                                    tasks:
                                      leaf:
                                        componentRef: {name: Echo}
                                        arguments: {text: {graphInput: {inputName: k}}}
                                    outputValues:
                                      out: {taskOutput: {taskId: leaf, outputName: echoed}}
                            arguments: {k: {graphInput: {inputName: m}}}
                        outputValues:
                          out: {taskOutput: {taskId: deepest, outputName: out}}
                arguments: {m: {graphInput: {inputName: n}}}
            outputValues:
              result: {taskOutput: {taskId: inner, outputName: out}}
        """
}
