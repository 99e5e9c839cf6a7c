import Foundation
import KFPSpec

/// Runs a ``SwiftComponent``'s step on KFP's executor input, as `kfp.dsl.executor_main` runs a
/// Python function: sets the inputs (values converted to the declared types), provisions the
/// output artifacts (their folders made), calls `run()`, then writes `executor_output.json` at
/// `outputs.outputFile` with the output parameters' values (`parameterValues`) and every output
/// artifact's name, URI and metadata (`artifacts`).
struct SwiftComponentExecutor<Step: SwiftComponent> {
    func execute(_ executorInput: ExecutorInput) async throws -> ExecutorOutput {
        let step = Step()
        let interface: SwiftComponentInterface
        do {
            interface = try SwiftComponentInterface(of: step)
        } catch {
            throw ExecutionError("component '\(Step.componentName)' is not well defined:\n\(error)")
        }
        for field in interface.inputs + interface.outputs {
            try field.field.bind(field.name, from: executorInput)
        }
        try await step.run()
        var parameters: [String: JSONValue] = [:]
        var artifacts: [String: ArtifactList] = [:]
        for output in interface.outputs {
            switch try output.field.outputValue(output.name) {
            case .parameter(let value): parameters[output.name] = value
            case .artifacts(let list): artifacts[output.name] = ArtifactList(artifacts: list.map(Self.withMetadata))
            }
        }
        let output = ExecutorOutput(
            parameterValues: parameters.isEmpty ? nil : parameters, artifacts: artifacts.isEmpty ? nil : artifacts)
        if let path = executorInput.outputs.outputFile {
            try Self.write(output, to: path)
        }
        return output
    }

    /// KFP's executor writes every output artifact's metadata, `{}` when empty.
    private static func withMetadata(_ artifact: RuntimeArtifact) -> RuntimeArtifact {
        var artifact = artifact
        if artifact.metadata == nil { artifact.metadata = [:] }
        return artifact
    }

    private static func write(_ output: ExecutorOutput, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(output).write(to: url, options: .atomic)
        } catch {
            throw ExecutionError("cannot write the executor output \(path): \(error.localizedDescription)")
        }
    }
}
