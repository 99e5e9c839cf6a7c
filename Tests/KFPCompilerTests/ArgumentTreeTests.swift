import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Interpolated values reach the IR as injected inputs, whichever way the user interpolates them.
@Suite("Task arguments with interpolated values")
struct ArgumentTreeTests {
    static let echo = try! Component.container(  // fixture: constant, valid definition
        name: "echo", inputs: [.parameter("text", .string), .parameter("items", .list)], image: "alpine:3.20",
        command: ["echo", .inputValue("text"), .inputValue("items")])

    func compiled(_ body: @escaping (Ref) -> TaskArgument) throws -> PipelineSpec {
        let pipeline = try Pipeline("p") { p in
            let name = p.parameter("name", .string)
            p.task(Self.echo, ["text": body(name), "items": [name, name]])
        }
        return try PipelineCompiler().compile(pipeline)
    }

    @Test("a TaskArgument interpolation gives the IR of a String interpolation")
    func sameIR() throws {
        let viaString = try compiled { name in "Hello \(name)!".taskArgument }
        let viaTree = try compiled { name in "Hello \(name)!" as TaskArgument }
        #expect(try SpecWriter().write(viaString) == SpecWriter().write(viaTree))
        let task = try #require(viaTree.root.dag?.tasks?["echo"])
        let placeholder = "{{$.inputs.parameters['pipelinechannel--name']}}"
        #expect(task.inputs?.parameters?["text"]?.runtimeValue?.constant == .string("Hello \(placeholder)!"))
        #expect(task.inputs?.parameters?["items"]?.runtimeValue?.constant == .array([.string(placeholder), .string(placeholder)]))
        #expect(task.inputs?.parameters?["pipelinechannel--name"]?.componentInputParameter == "name")
    }

    @Test("a loop item's field interpolated into a string reads the field")
    func loopField() throws {
        let pipeline = try Pipeline("p") { p in
            p.parallelFor([["a": 1]]) { p, item in
                p.task(Self.echo, ["text": "a=\(item["a"])", "items": [String]()])
            }
        }
        let spec = try PipelineCompiler().compile(pipeline)
        let loop = try #require(spec.components?["comp-for-loop-2"]?.dag?.tasks?["echo"])
        let injected = try #require(loop.inputs?.parameters?["pipelinechannel--loop-item-param-1-subvar-a"])
        #expect(injected.componentInputParameter == "pipelinechannel--loop-item-param-1-subvar-a")
        #expect(loop.inputs?.parameters?["text"]?.runtimeValue?.constant == .string("a={{$.inputs.parameters['pipelinechannel--loop-item-param-1-subvar-a']}}"))
    }
}
