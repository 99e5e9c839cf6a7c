import Foundation
import KFPSpec

/// Runs an importer: registers an existing artifact by URI (a constant, or the task's `uri` input
/// for `runtimeParameter`), with its type and metadata (placeholders in keys and values resolved
/// against the task's inputs). Nothing is downloaded, as on the cluster.
struct ImporterExecution {
    let run: RunContext
    let taskName: String
    let component: ComponentSpec
    let importer: ImporterSpec
    let inputs: ResolvedInputs

    func execute() -> TaskOutcome {
        let uri: String
        if let constant = importer.artifactUri?.constant {
            uri = PlaceholderText.format(constant)
        } else if let parameter = importer.artifactUri?.runtimeParameter {
            guard let value = inputs.parameters[parameter] ?? inputs.parameters["uri"] else {
                return .failed("importer: input parameter '\(parameter)' holding the artifact URI was not given")
            }
            uri = PlaceholderText.format(value)
        } else {
            return .failed("importer: 'artifactUri' has neither 'constant' nor 'runtimeParameter'")
        }
        let resolver = CommandResolver(
            executorInput: ExecutorInput(inputs: .init(parameterValues: inputs.parameters)),
            supplied: inputs.supplied, pipeline: PipelinePlaceholders(run: run, taskName: taskName))
        var metadata: [String: JSONValue] = [:]
        do {
            for (key, value) in importer.metadata?.objectValue ?? [:] {
                metadata[try resolver.substitute(key)] = try resolve(value, with: resolver)
            }
        } catch {
            return .failed("importer metadata: \(error.message)")
        }
        let outputName = component.outputDefinitions?.artifacts?.keys.sorted().first ?? "artifact"
        let artifact = RuntimeArtifact(name: outputName, type: importer.typeSchema, uri: uri, metadata: metadata)
        return TaskOutcome(state: .succeeded, outputs: TaskOutputs(artifacts: [outputName: [artifact]]))
    }

    /// A metadata value with placeholders resolved; a string that is exactly one input placeholder
    /// takes that input's value with its type.
    private func resolve(_ value: JSONValue, with resolver: CommandResolver) throws(TaskFailure) -> JSONValue {
        switch value {
        case .string(let text):
            if case .inputParameter(let name)? = RuntimePlaceholder(text: text), let input = inputs.parameters[name] {
                return input
            }
            return .string(try resolver.substitute(text))
        case .array(let items):
            var resolved: [JSONValue] = []
            for item in items { resolved.append(try resolve(item, with: resolver)) }
            return .array(resolved)
        case .object(let members):
            var resolved: [String: JSONValue] = [:]
            for (key, member) in members { resolved[try resolver.substitute(key)] = try resolve(member, with: resolver) }
            return .object(resolved)
        default:
            return value
        }
    }
}
