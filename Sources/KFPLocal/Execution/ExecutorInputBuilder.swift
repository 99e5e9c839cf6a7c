import Foundation
import KFPSpec

/// Builds a task's `ExecutorInput`: its inputs (declared defaults added, as the launcher does) and
/// its pre-provisioned outputs under the task folder: parameters in `outputs/<name>`, artifacts at
/// `artifacts/<name>` (absolute paths as URIs), and `executor_output.json`.
struct ExecutorInputBuilder {
    let component: ComponentSpec
    let inputs: ResolvedInputs
    let taskRoot: URL

    func build() throws(TaskFailure) -> ExecutorInput {
        var parameters = inputs.parameters
        for (name, definition) in component.inputDefinitions?.parameters ?? [:] where parameters[name] == nil {
            guard let value = definition.defaultValue else { continue }
            do {
                parameters[name] = try ParameterValues.convert(value, to: definition.parameterType ?? .unspecified)
            } catch {
                throw TaskFailure("default of input '\(name)': \(error.message)")
            }
        }
        let missing = (component.inputDefinitions?.parameters ?? [:]).filter { name, definition in
            parameters[name] == nil && !definition.mayBeOmitted && definition.parameterType != .taskFinalStatus
        }.keys.sorted()
        if let first = missing.first {
            throw TaskFailure("missing required input parameter '\(first)'")
        }
        var inputArtifacts: [String: ArtifactList] = [:]
        for (name, artifacts) in inputs.artifacts { inputArtifacts[name] = ArtifactList(artifacts: artifacts) }
        for (name, definition) in component.inputDefinitions?.artifacts ?? [:]
        where inputArtifacts[name] == nil && definition.isOptional != true {
            throw TaskFailure("missing required input artifact '\(name)'")
        }

        let outputsFolder = taskRoot.appendingPathComponent("outputs", isDirectory: true)
        let artifactsFolder = taskRoot.appendingPathComponent("artifacts", isDirectory: true)
        do {
            if !(component.outputDefinitions?.parameters ?? [:]).isEmpty {
                try FileManager.default.createDirectory(at: outputsFolder, withIntermediateDirectories: true)
            }
            if !(component.outputDefinitions?.artifacts ?? [:]).isEmpty {
                try FileManager.default.createDirectory(at: artifactsFolder, withIntermediateDirectories: true)
            }
        } catch {
            throw TaskFailure("cannot create the task folder \(taskRoot.path): \(error)")
        }
        var outputParameters: [String: ExecutorInput.OutputParameter] = [:]
        for name in (component.outputDefinitions?.parameters ?? [:]).keys {
            outputParameters[name] = .init(outputFile: outputsFolder.appendingPathComponent(name).path)
        }
        var outputArtifacts: [String: ArtifactList] = [:]
        for (name, definition) in component.outputDefinitions?.artifacts ?? [:] {
            let artifact = RuntimeArtifact(
                name: name, type: definition.artifactType, uri: artifactsFolder.appendingPathComponent(name).path,
                metadata: definition.metadata?.objectValue ?? [:])
            outputArtifacts[name] = ArtifactList(artifacts: [artifact])
        }
        return ExecutorInput(
            inputs: .init(parameterValues: parameters, artifacts: inputArtifacts.isEmpty ? nil : inputArtifacts),
            outputs: .init(
                parameters: outputParameters.isEmpty ? nil : outputParameters,
                artifacts: outputArtifacts.isEmpty ? nil : outputArtifacts,
                outputFile: taskRoot.appendingPathComponent("executor_output.json").path))
    }
}
