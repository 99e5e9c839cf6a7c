import Foundation
import KFP
import KFPSpec
import Testing

/// `Component.withImage(_:)`: a pure change of the one container's image.
@Suite("Components: pinning the image")
struct ComponentImageTests {
    static let strict = "127.0.0.1:5000/kfp-test/echo@sha256:7d88087b2f0fb976c96db46aec6877c9d493cc89f59d777dc88c4a6332b3bce9"

    static func echo() throws -> Component {
        try Component.container(
            name: "echo", inputs: [.parameter("text", .string)], outputs: [.parameter("out", .string)],
            image: "alpine:3.20", command: ["sh", "-c", "echo \(.inputValue("text")) > \(.outputParameterFile("out"))"])
    }

    @Test("only the executor's image changes; the original value is unchanged")
    func replacesOnlyTheImage() throws {
        let original = try Self.echo()
        let pinned = try original.withImage(Self.strict)
        var expected = original.spec
        expected.deploymentSpec?.executors?["exec-echo"]?.container?.image = Self.strict
        #expect(pinned.spec == expected)
        #expect(pinned.name == original.name)
        #expect(original.spec.deploymentSpec?.executors?["exec-echo"]?.container?.image == "alpine:3.20")
    }

    @Test("a v1 component.yaml loaded and pinned keeps its interface and command")
    func v1Component() throws {
        let component = try Component(yaml: """
            name: Greet
            inputs:
            - {name: name, type: String}
            outputs:
            - {name: greeting, type: String}
            implementation:
              container:
                image: python:3.11
                command: [/opt/greet.sh, {inputValue: name}, {outputPath: greeting}]
            """)
        let pinned = try component.withImage(Self.strict)
        #expect(pinned.spec.deploymentSpec?.executors?.values.first?.container?.image == Self.strict)
        #expect(pinned.spec.deploymentSpec?.executors?.values.first?.container?.command
            == component.spec.deploymentSpec?.executors?.values.first?.container?.command)
        #expect(pinned.spec.root == component.spec.root)
        #expect(pinned.spec.components == component.spec.components)
    }

    @Test("an empty image and a component with two containers are refused at the call site")
    func refusals() throws {
        let echo = try Self.echo()
        #expect(throws: DefinitionError.self) { try echo.withImage("") }
        do {
            _ = try echo.withImage("has space")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "KFPTests/ComponentImageTests.swift:\(#line - 3): error: image 'has space' for component 'echo' is not an image reference (empty or with white space)")
        }
        var twoExecutors = echo.spec
        let executor = twoExecutors.deploymentSpec?.executors?["exec-echo"]
        twoExecutors.deploymentSpec?.executors?["exec-echo-2"] = executor
        let odd = Component(spec: twoExecutors)
        do {
            _ = try odd.withImage(Self.strict)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "KFPTests/ComponentImageTests.swift:\(#line - 3): error: component 'echo' does not run exactly one container (found container executors 'exec-echo', 'exec-echo-2'); only a container component's image can be replaced")
        }
    }
}
