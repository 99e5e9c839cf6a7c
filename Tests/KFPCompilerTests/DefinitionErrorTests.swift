import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Every definition mistake is reported with its exact message and the line of the DSL call.
@Suite("Definition errors name the mistake and the line")
struct DefinitionErrorTests {
    static let produce = try! Component.container(  // fixture: constant, valid definition
        name: "produce", inputs: [.parameter("message", .string)], outputs: [.artifact("data", .dataset), .parameter("count", .numberInteger)],
        image: "alpine:3.20", command: ["sh", "-c", "echo \(.inputValue("message")) > \(.outputPath("data"))"])
    static let consume = try! Component.container(
        name: "consume", inputs: [.artifact("data", .dataset)], image: "alpine:3.20", command: ["cat", .inputPath("data")])
    static let train = try! Component.container(
        name: "train", inputs: [.artifact("model", .model)], image: "alpine:3.20", command: ["cat", .inputPath("model")])
    static let echo = try! Component.container(
        name: "echo", inputs: [.parameter("text", .string)], image: "alpine:3.20", command: ["echo", .inputValue("text")])

    /// The diagnostics of a definition that must fail.
    func diagnostics(_ make: () throws -> Pipeline) -> [DefinitionError.Diagnostic] {
        do {
            let pipeline = try make()
            _ = try PipelineCompiler().compile(pipeline)
        } catch let error as DefinitionError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return []
    }

    @Test("an unknown input name, with a hint")
    func unknownInput() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                line = #line + 1
                p.task(Self.produce, ["mesage": "hi"])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: task 'produce' has no input named 'mesage'; did you mean 'message'",
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: task 'produce' is missing required input 'message'",
        ])
        #expect(found.map(\.kind) == [.unknownInput, .missingInput])
    }

    @Test("a parameter passed to an artifact input")
    func parameterForArtifact() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                let made = p.task(Self.produce, ["message": "hi"])
                line = #line + 1
                p.task(Self.consume, ["data": made.outputs["count"]])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: input 'data' of task 'consume' is an artifact of type system.Dataset; found parameter 'count' of type NUMBER_INTEGER of task 'produce'"
        ])
    }

    @Test("an artifact of another type")
    func incompatibleArtifact() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                let made = p.task(Self.produce, ["message": "hi"])
                line = #line + 1
                p.task(Self.train, ["model": made.outputs["data"]])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: input 'model' of task 'train' expects artifact type system.Model; found system.Dataset 'data' of task 'produce'"
        ])
    }

    @Test("a loop task's output used outside the loop without Collected")
    func loopOutputOutside() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                var inner: PipelineTask?
                p.parallelFor(["a", "b"]) { p, item in
                    inner = p.task(Self.produce, ["message": item])
                }
                line = #line + 1
                p.task(Self.consume, ["data": inner!.outputs["data"]])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: task 'consume' uses an output of task 'produce' inside loop 'for-loop-2'; outside the loop use the list the loop returns (Collected)"
        ])
    }

    @Test("a branch task's output used outside the branch without OneOf")
    func branchOutputOutside() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                let text = p.parameter("text", .string)
                var inner: PipelineTask?
                p.if(text == "go") { p in
                    inner = p.task(Self.produce, ["message": text])
                }
                line = #line + 1
                p.task(Self.consume, ["data": inner!.outputs["data"]])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: task 'consume' depends on task 'produce' inside condition branch 'condition-1'; a task outside 'condition-1' cannot use its outputs or run after it (return the value from the branches to use a OneOf)"
        ])
    }

    @Test("an exit task that reads another task's output")
    func exitTaskDependency() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                let made = p.task(Self.produce, ["message": "hi"])
                p.exitHandler { p in
                    p.task(Self.echo, ["text": "body"])
                } onExit: { p, _ in
                    line = #line + 1
                    return p.task(Self.consume, ["data": made.outputs["data"]])
                }
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: exit task 'consume' cannot depend on other tasks; it reads 'data' of task 'produce'"
        ])
    }

    @Test("an invalid pipeline name")
    func invalidName() {
        var line = 0
        let found = diagnostics {
            line = #line + 1
            return try Pipeline("My_Pipeline") { p in
                p.task(Self.echo, ["text": "x"])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: pipeline name 'My_Pipeline' must match ^[a-z0-9][a-z0-9-]{0,127}$: lowercase letters, digits and '-', starting with a letter or digit, at most 128 characters"
        ])
        #expect(found.first?.kind == .invalidName)
    }

    @Test("tasks ordered after each other in a cycle")
    func cycle() {
        var line = 0
        let found = diagnostics {
            try Pipeline("p") { p in
                line = #line + 1
                let first = p.task(Self.echo, ["text": "1"])
                let second = p.task(Self.echo, ["text": "2"], after: [first])
                p.addDependency(first, after: [second])
            }
        }
        #expect(found.map(\.description) == [
            "KFPCompilerTests/DefinitionErrorTests.swift:\(line): error: tasks depend on each other in a cycle: 'echo' -> 'echo-2' -> 'echo'"
        ])
        #expect(found.first?.kind == .cycle)
    }

    @Test("all mistakes of a body are thrown together")
    func collected() {
        let found = diagnostics {
            try Pipeline("Bad Name") { p in
                p.task(Self.echo, [:])
                p.task(Self.consume, ["data": "not an artifact"])
            }
        }
        #expect(found.map(\.kind) == [.invalidName, .missingInput, .typeMismatch])
    }
}
