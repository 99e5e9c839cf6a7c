import Foundation
import KFP
import KFPSpec
import Testing

/// Container components: placeholders render as KFP writes them, and wrong placeholders are
/// definition errors at the call.
@Suite("Container components")
struct ContainerComponentTests {
    @Test("a component file that is not there says 'no such file'")
    func missingComponentFile() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).yaml")
        let error = try #require(throws: SpecError.self) { try Component(contentsOf: missing) }
        #expect(error.description == "\(missing.path): error: cannot read the component file: no such file")
    }

    @Test("placeholders interpolated into text render as IR placeholders")
    func interpolation() throws {
        let component = try Component.container(
            name: "Say Hello", inputs: [.parameter("name", .string), .artifact("data", .dataset)],
            outputs: [.artifact("out", .dataset), .parameter("n", .numberInteger)], image: "alpine:3.20",
            command: ["sh", "-c", "cat \(.inputPath("data")); echo hi \(.inputValue("name")) > \(.outputPath("out"))"],
            args: [.outputParameterFile("n"), .executorInput])
        let step = try #require(component.singleStep)
        #expect(
            step.executor.container?.command == [
                "sh", "-c",
                "cat {{$.inputs.artifacts['data'].path}}; echo hi {{$.inputs.parameters['name']}} > {{$.outputs.artifacts['out'].path}}",
            ])
        #expect(step.executor.container?.args == ["{{$.outputs.parameters['n'].output_file}}", "{{$}}"])
        #expect(component.spec.pipelineInfo.name == "say-hello")
        #expect(component.requiredInputNames == ["data", "name"])
    }

    @Test("a placeholder for an undeclared or mismatched input is an error at the call")
    func wrongPlaceholders() {
        var line = 0
        do {
            line = #line + 1
            _ = try Component.container(
                name: "bad", inputs: [.parameter("text", .string), .artifact("data", .dataset)], image: "alpine",
                command: [.inputValue("txt"), .inputPath("text"), .inputValue("data"), .outputPath("missing")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == """
                KFPTests/ContainerComponentTests.swift:\(line): error: inputValue names input 'txt', which is not declared
                KFPTests/ContainerComponentTests.swift:\(line): error: inputPath needs an artifact input; 'text' is a parameter
                KFPTests/ContainerComponentTests.swift:\(line): error: inputValue needs a parameter input; 'data' is an artifact
                KFPTests/ContainerComponentTests.swift:\(line): error: outputPath names output 'missing', which is not declared
                """)
        }
    }
}
