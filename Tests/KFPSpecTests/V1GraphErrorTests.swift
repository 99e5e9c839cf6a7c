import Foundation
import KFPSpec
import Testing

/// ``V1GraphConverter`` errors: each names the task and the inputs or outputs at fault, at the
/// line and column of the graph file where they are written.
@Suite("v1 graph conversion errors")
struct V1GraphErrorTests {
    func failure(_ yaml: String) async throws -> SpecError {
        try await V1GraphFixtures.failure(yaml)
    }

    @Test("a constant that does not fit the input's type names the task, the argument and the line")
    func badConstant() async throws {
        let error = try await failure(V1GraphFixtures.graph(makeArguments: "Count: abc"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "task 'Make data' argument 'Count' of type 'Integer': 'abc' is not an integer")
        #expect(diagnostic.path == SpecPath("implementation", "graph", "tasks", "Make data", "arguments", "Count"))
        #expect(diagnostic.file == "graph.yaml")
        #expect(diagnostic.mark == SourceMark(line: 15, column: 18))
    }

    @Test("a constant that stays a string for a JsonObject input is an error")
    func constantNotJSON() async throws {
        let error = try await failure(V1GraphFixtures.graph(makeArguments: "Count: \"1\"\n          Config: not json"))
        #expect(error.diagnostics.first?.message
            == "task 'Make data' argument 'Config': expected a struct for a STRUCT parameter, found \"not json\"")
    }

    @Test("a constant for an artifact input is an error naming the input")
    func constantForArtifact() async throws {
        let error = try await failure(V1GraphFixtures.graph(useArguments: "Data: some text\n          rows: \"1\""))
        #expect(error.diagnostics.first?.message
            == "task 'Use data' passes the constant \"some text\" to input 'Data', which is an artifact (system.Artifact); only parameters take constants")
        #expect(error.diagnostics.first?.path == SpecPath("implementation", "graph", "tasks", "Use data", "arguments", "Data"))
    }

    @Test("a parameter passed to an artifact input, or the reverse, names both ends")
    func kindMismatch() async throws {
        let taskOutput = try await failure(V1GraphFixtures.graph(useArguments: """
            Data: {taskOutput: {taskId: Make data, outputName: Table}}
                      rows: {taskOutput: {taskId: Make data, outputName: Table}}
            """))
        #expect(taskOutput.diagnostics.first?.message
            == "output 'Table' of task 'Make data' is an artifact (system.Artifact), but input 'rows' of task 'Use data' is a parameter (NUMBER_INTEGER)")
        #expect(taskOutput.diagnostics.first?.mark?.line == 24)
        let graphInput = try await failure(V1GraphFixtures.graph(useArguments: """
            Data: {graphInput: {inputName: Item count}}
                      rows: "1"
            """))
        #expect(graphInput.diagnostics.first?.message
            == "graph input 'Item count' is a parameter (NUMBER_INTEGER), but input 'Data' of task 'Use data' is an artifact (system.Artifact)")
    }

    @Test("missing, unknown and misdirected arguments are errors naming the task")
    func argumentErrors() async throws {
        let missing = try await failure(V1GraphFixtures.graph(makeArguments: "rate: \"1\""))
        #expect(missing.diagnostics.first?.message == "task 'Make data' gives no argument for required input 'Count' of component 'Produce'")
        let unknown = try await failure(V1GraphFixtures.graph(makeArguments: "Cuont: \"1\""))
        #expect(unknown.diagnostics.first?.message == "task 'Make data': component 'Produce' has no input 'Cuont'; did you mean 'Count'")
        let producer = try await failure(V1GraphFixtures.graph(useArguments: """
            Data: {taskOutput: {taskId: Make dat, outputName: Table}}
                      rows: "1"
            """))
        #expect(producer.diagnostics.first?.message == "task 'Make dat' does not exist in the graph; did you mean 'Make data'")
        let output = try await failure(V1GraphFixtures.graph(useArguments: """
            Data: {taskOutput: {taskId: Make data, outputName: Tables}}
                      rows: "1"
            """))
        #expect(output.diagnostics.first?.message == "task 'Make data' has no output 'Tables'; did you mean 'Table'")
    }

    @Test("an unresolved name reference names the task and the name, at the componentRef")
    func unresolvedName() async throws {
        let yaml = V1GraphFixtures.graph().replacingOccurrences(of: "{name: Consume}", with: "{name: Consumer, digest: abc}")
        let error = try await failure(yaml)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.message
            == "task 'Use data' references component name 'Consumer', digest 'abc', which is not in the catalog")
        #expect(error.diagnostics.first?.mark == SourceMark(line: 21, column: 23))
        #expect(error.diagnostics.first?.description.hasPrefix("graph.yaml:21:23: error: implementation.graph.tasks.Use data.componentRef: ") == true)
    }

    @Test("an error inside an inline spec points into the graph's file")
    func nestedErrorLocation() async throws {
        let yaml = V1GraphFixtures.nested.replacingOccurrences(of: "{text: {graphInput: {inputName: k}}}", with: "{text: not a number}")
        let error = try await failure(yaml)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "task 'leaf' argument 'text' of type 'Integer': 'not a number' is not an integer")
        #expect(diagnostic.file == "graph.yaml")
        #expect(diagnostic.mark?.line == 27)
        #expect(diagnostic.path?.description
            == "implementation.graph.tasks.inner.componentRef.spec.implementation.graph.tasks.deepest.componentRef.spec.implementation.graph.tasks.leaf.arguments.text")
    }

    @Test("a reference cycle between graph files is an error naming the chain")
    func referenceCycle() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write("""
            name: A
            implementation:
              graph:
                tasks:
                  to b: {componentRef: {url: sub/b.yaml}}
            """, to: "a.yaml")
        try folder.write("""
            name: B
            implementation:
              graph:
                tasks:
                  back to a: {componentRef: {url: ../a.yaml}}
            """, to: "sub/b.yaml")
        let loaded = try await ComponentLoader().load(contentsOf: a)
        let error = try await #require(throws: SpecError.self) {
            try await V1GraphConverter(fetchURLs: false).pipelineSpec(for: loaded)
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.message == "task 'back to a' makes a component reference cycle: 'A' -> 'sub/b.yaml' -> '../a.yaml'")
        #expect(diagnostic.file == folder.url.appendingPathComponent("sub/b.yaml").standardizedFileURL.path)
        #expect(diagnostic.mark == SourceMark(line: 5, column: 33))
    }

    @Test("a graph that references itself through the catalog is a cycle, not a hang")
    func catalogSelfReference() async throws {
        let yaml = """
            name: Loop
            implementation:
              graph:
                tasks:
                  again: {componentRef: {name: Loop}}
            """
        let loaded = try SpecLoader(file: "loop.yaml").load(yaml)
        let converter = V1GraphConverter(catalog: ["Loop": .loaded(loaded)], fetchURLs: false)
        let error = try await #require(throws: SpecError.self) { try await converter.pipelineSpec(for: loaded) }
        #expect(error.diagnostics.first?.message.contains("component reference cycle") == true)
    }

    @Test("outputValues must cover every output and come from tasks")
    func outputErrors() async throws {
        let missing = V1GraphFixtures.graph().replacingOccurrences(
            of: "\n      table: {taskOutput: {taskId: Make data, outputName: Table}}", with: "")
        let error = try await failure(missing)
        #expect(error.diagnostics.first?.message == "output 'table' of graph component 'My Graph' has no value in 'outputValues'")
        let constant = V1GraphFixtures.graph().replacingOccurrences(
            of: "table: {taskOutput: {taskId: Make data, outputName: Table}}", with: "table: a constant")
        let constantError = try await failure(constant)
        #expect(constantError.diagnostics.first?.message
            == "graph output 'table' must be a taskOutput; KFP 2.x DAG outputs come from the DAG's tasks")
    }
}
