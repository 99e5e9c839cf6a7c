import Foundation
import KFP
import KFPImages
import KFPSpec
import Testing

/// Pinning the image of v1 and v2 component files: only the image's text changes (comments, key
/// order and quoting stay), the parsed component is the same but for the image, and files that
/// cannot be pinned are refused before anything is written.
@Suite("Component files: pinning the image")
struct ComponentImageFileTests {
    static let strict = "127.0.0.1:5000/kfp-test/greet@sha256:" + String(repeating: "ab", count: 32)

    static let v1 = """
        # The greeter, as in the KFP tutorial.
        name: Greet
        description: Says hello.
        metadata:
          annotations: {author: kfp-test}
        inputs:
        - {name: name, type: String, default: World}
        outputs:
        - {name: greeting, type: String}
        implementation:
          container:
            image: python:3.11   # replaced by the build
            command: [/opt/greeter/greet.sh, {inputValue: name}, {outputPath: greeting}]

        """

    static func write(_ text: String, name: String = "component.yaml") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("component-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func document(_ text: String) throws -> SpecDocument {
        try SpecLoader().load(text).document
    }

    /// The v1 component `text` holds, with its image replaced by `image`.
    static func v1Document(_ text: String, image: String) throws -> SpecDocument {
        guard case .componentV1(var component) = try document(text) else { throw Failure("not a v1 component") }
        component.implementation.container?.image = image
        return .componentV1(component)
    }

    /// `text` written to a file, checked, pinned to ``strict`` and read back.
    static func pinned(_ text: String) throws -> (file: ComponentImageFile, after: String) {
        let url = try write(text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let file = try ComponentImageFile(contentsOf: url)
        try file.write(image: strict)
        return (file, try String(contentsOf: url, encoding: .utf8))
    }

    @Test("a v1 component.yaml: only the image's text changes")
    func v1InPlace() throws {
        let (file, after) = try Self.pinned(Self.v1)
        #expect(file.format == .v1)
        #expect(file.image == "python:3.11")
        #expect(after == Self.v1.replacingOccurrences(of: "image: python:3.11 ", with: "image: \(Self.strict) "))
        #expect(try Self.document(after) == (try Self.v1Document(Self.v1, image: Self.strict)))
    }

    @Test("a v2 component (IR) written by our writer, with a comment header: only the image's text changes")
    func v2InPlace() throws {
        let component = try Component.container(
            name: "shout", inputs: [.parameter("text", .string)], outputs: [.parameter("loud", .string)],
            image: "python:3.11", command: ["sh", "-c", "echo \(.inputValue("text")) | tr a-z A-Z > \(.outputParameterFile("loud"))"])
        let text = "# PIPELINE DEFINITION\n# Name: shout\n" + (try SpecWriter().write(component.spec))
        let (file, after) = try Self.pinned(text)
        #expect(file.format == .v2)
        #expect(after == text.replacingOccurrences(of: "image: python:3.11", with: "image: \(Self.strict)"))
        #expect(try Self.document(after) == .pipeline(try component.withImage(Self.strict).spec))
    }

    @Test("quoted images stay quoted; JSON stays JSON", arguments: [
        ("name: q\nimplementation:\n  container:\n    image: \"python:3.11\"\n    command: [echo]\n", "image: \"\(strict)\""),
        ("name: q\nimplementation:\n  container:\n    image: 'python:3.11'\n    command: [echo]\n", "image: '\(strict)'"),
        ("name: q\nimplementation: {container: {image: python:3.11, command: [echo]}}\n", "{image: \(strict), command"),
        ("{\"name\": \"q\", \"implementation\": {\"container\": {\"image\": \"python:3.11\", \"command\": [\"echo\"]}}}\n", "\"image\": \"\(strict)\""),
    ])
    func styles(text: String, expected: String) throws {
        let after = try Self.pinned(text).after
        #expect(after.contains(expected), "\(after)")
        #expect(after.count == text.count + Self.strict.count - "python:3.11".count)
    }

    @Test("a block scalar image is written again whole, in the v1 format, equal but for the image")
    func blockScalar() throws {
        let text = "name: q\nimplementation:\n  container:\n    image: >-\n      python:3.11\n    command: [echo]\n"
        let after = try Self.pinned(text).after
        #expect(try Self.document(after) == (try Self.v1Document(text, image: Self.strict)))
    }

    @Test("files that cannot be pinned are refused, and stay as they were", arguments: [
        ("name: g\nimplementation:\n  graph:\n    tasks: {}\n", "is a v1 graph component; it runs no image of its own"),
        ("name: q\nimplementation:\n  container:\n    command: [echo]\n", "is not a valid component: "),
        ("just text\n", "is not a valid component: "),
    ])
    func refusals(text: String, reason: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        do {
            _ = try ComponentImageFile(contentsOf: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .componentFile)
            #expect(error.message.hasPrefix("component file \(url.path) \(reason)"), "\(error.message)")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test("a missing file is named")
    func missing() {
        do {
            _ = try ComponentImageFile(contentsOf: URL(fileURLWithPath: "/nonexistent/component.yaml"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .componentFile)
            #expect(error.message.hasPrefix("component file /nonexistent/component.yaml cannot be read: "), "\(error.message)")
        }
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
