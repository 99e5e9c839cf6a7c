import KFP
import KFPCompiler
import KFPSpec
import Testing

/// The DSL records groups and derived values by structure; the compiler names them as the Python
/// SDK does.
@Suite("IR names given by the compiler")
struct GraphNamingTests {
    static let echo = try! Component.container(  // fixture: constant, valid definition
        name: "echo", inputs: [.parameter("text", .string)], outputs: [.parameter("out", .string)], image: "alpine:3.20",
        command: ["echo", .inputValue("text")])

    /// An If/Else inside the If of an If/Else, and a loop over a literal list in the outer Else.
    static func nested() throws -> Pipeline {
        try Pipeline("p") { p in
            let x = p.parameter("x", .numberInteger)
            p.if(x == 1) { p in
                p.if(x == 2) { p in p.task(echo, ["text": "a"]) }
                    .else { p in p.task(echo, ["text": "b"]) }
            }.else { p in
                p.parallelFor([["k": 1], ["k": 2]]) { p, item in p.task(echo, ["text": "\(item["k"])"]) }
            }
        }
    }

    @Test("the DSL's graph names no group, loop item or field")
    func dslRecordsStructure() throws {
        let graph = try Self.nested().graph
        func walk(_ group: GroupNode) -> [GroupNode] { [group] + group.groups.flatMap(walk) }
        let groups = walk(graph.root).dropFirst()
        #expect(groups.map(\.name) == Array(repeating: "", count: groups.count))
        #expect(Set(groups.map(\.id)).count == groups.count)
        let loop = try #require(groups.first { $0.kind == .forLoop }?.loop)
        #expect(loop.argument.name.isEmpty)
        let fields = graph.tasks.values.flatMap(\.channelInputs).filter { $0.loopArgument != nil }
        #expect(!fields.isEmpty && fields.allSatisfy(\.name.isEmpty))
    }

    @Test("groups are numbered as kfp 2.17.3 numbers them: wrappers take their If's number")
    func numbering() throws {
        // kfp 2.17.3 compiles the same pipeline in Python to these component names.
        let spec = try PipelineCompiler().compile(Self.nested())
        #expect(spec.components.map { Array($0.keys).sorted() } == [
            "comp-condition-3", "comp-condition-4", "comp-condition-5", "comp-condition-6", "comp-condition-branches-1",
            "comp-condition-branches-2", "comp-echo", "comp-echo-2", "comp-echo-3", "comp-for-loop-8",
        ])
        let loop = try #require(spec.components?["comp-for-loop-8"])
        #expect(loop.inputDefinitions?.parameters?["pipelinechannel--loop-item-param-7"] != nil)
        let echo = try #require(loop.dag?.tasks?["echo-3"])
        #expect(echo.inputs?.parameters?["pipelinechannel--loop-item-param-7-subvar-k"] != nil)
        #expect(spec.root.dag?.tasks.map { Array($0.keys) } == ["condition-branches-1"])
    }

    @Test("a OneOf is named after its condition-branches group")
    func oneOf() throws {
        let pipeline = try Pipeline("p") { p in
            let x = p.parameter("x", .numberInteger)
            p.parallelFor([1, 2]) { p, _ in p.task(Self.echo, ["text": "loop"]) }
            let text = p.oneOf(if: x == 1) { p in p.task(Self.echo, ["text": "a"]).outputs["out"] }
                .else { p in p.task(Self.echo, ["text": "b"]).outputs["out"] }
            p.task(Self.echo, ["text": text])
        }
        let spec = try PipelineCompiler().compile(pipeline)
        let consumer = try #require(spec.root.dag?.tasks?["echo-4"])
        let input = try #require(consumer.inputs?.parameters?["text"])
        #expect(input.taskOutputParameter?.producerTask == "condition-branches-3")
        #expect(input.taskOutputParameter?.outputParameterKey == "pipelinechannel--condition-branches-3-oneof-1")
    }

    @Test("definition errors name loop items, their fields and branches by what they are")
    func messages() {
        let consume = try! Component.container(  // fixture: constant, valid definition
            name: "consume", inputs: [.artifact("data", .dataset)], image: "alpine:3.20", command: ["cat", .inputPath("data")])
        let found: [String]
        do {
            let pipeline = try Pipeline("p") { p in
                let x = p.parameter("x", .numberInteger)
                p.parallelFor([["k": 1]]) { p, item in
                    p.task(consume, ["data": item])
                    p.task(consume, ["data": item["k"]])
                    p.exitHandler({ _ in }, onExit: { p, _ in p.task(Self.echo, ["text": "bye"]) })
                }
                _ = p.oneOf(if: x == 1) { p in p.task(Self.echo, ["text": "a"]).outputs["out"] }
                    .else { _ in x }
            }
            _ = try PipelineCompiler().compile(pipeline)
            found = []
        } catch let error as DefinitionError {
            found = error.diagnostics.map(\.message)
        } catch {
            found = ["\(error)"]
        }
        #expect(found == [
            "input 'data' of task 'consume' is an artifact of type system.Dataset; found parameter the loop item of type STRUCT",
            "input 'data' of task 'consume-2' is an artifact of type system.Dataset; found parameter field 'k' of the loop item of type NUMBER_INTEGER",
            "an exit handler can only be used in the pipeline body, not inside a for-loop group",
            "OneOf takes outputs of tasks directly in each branch; the value of branch 2 is 'x'",
            "OneOf branches must have the same type; branch 1 gives STRING and branch 2 gives NUMBER_INTEGER",
        ])
    }
}
