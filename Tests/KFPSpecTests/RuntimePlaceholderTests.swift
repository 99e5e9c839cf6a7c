import KFPSpec
import Testing

/// The one reader and writer of `{{$...}}`: what it writes, it reads back.
@Suite("Runtime placeholders render and parse")
struct RuntimePlaceholderTests {
    static let written: [(RuntimePlaceholder, String)] = [
        (.executorInput, "{{$}}"),
        (.inputParameter("x"), "{{$.inputs.parameters['x']}}"),
        (.outputParameterFile("y"), "{{$.outputs.parameters['y'].output_file}}"),
        (.artifact(.inputs, "a", .path), "{{$.inputs.artifacts['a'].path}}"),
        (.artifact(.inputs, "a", .uri), "{{$.inputs.artifacts['a'].uri}}"),
        (.artifact(.inputs, "a", .metadata), "{{$.inputs.artifacts['a'].metadata}}"),
        (.artifact(.inputs, "a", .list), "{{$.inputs.artifacts['a']}}"),
        (.artifact(.outputs, "b", .metadataValue(key: "k")), "{{$.outputs.artifacts['b'].metadata['k']}}"),
        (.outputFile, "{{$.outputs.output_file}}"),
        (.outputMetadataURI, "{{$.outputMetadataUri}}"),
        (.run(.jobName), "{{$.pipeline_job_name}}"),
        (.run(.workspacePath), "{{$.workspace_path}}"),
    ]

    @Test("each placeholder is written as KFP writes it and read back", arguments: 0..<written.count)
    func roundTrip(index: Int) {
        let (placeholder, text) = Self.written[index]
        #expect(placeholder.text == text)
        #expect(RuntimePlaceholder(text: text) == placeholder)
    }

    @Test("names may be quoted with double quotes; unknown references are nil")
    func reading() {
        #expect(RuntimePlaceholder(reference: "$.inputs.parameters[\"x y\"]") == .inputParameter("x y"))
        #expect(RuntimePlaceholder(reference: "$.inputs.parameters['x'].foo") == nil)
        #expect(RuntimePlaceholder(reference: "$.pipeline_unknown") == nil)
        #expect(RuntimePlaceholder(text: "--x={{$}}") == nil)
    }

    @Test("text splits into literals and placeholders in one pass")
    func parts() {
        #expect(
            RuntimePlaceholder.parts(of: "a {{$.inputs.parameters['x']}}b{{$") == [
                .literal("a "), .placeholder(reference: "$.inputs.parameters['x']"), .literal("b"), .unterminated("{{$"),
            ])
        let substituted = RuntimePlaceholder.substitute("{{$.inputs.parameters['x']}} {{$.other}}") { reference in
            reference == "$.inputs.parameters['x']" ? "{{$.inputs.parameters['x']}}" : nil
        }
        #expect(substituted == "{{$.inputs.parameters['x']}} {{$.other}}")
    }
}
