public import KFPSpec

/// A task added to a pipeline by `PipelineBuilder.task(_:_:after:options:)`: a handle
/// on its outputs, used to wire later tasks.
///
/// ```swift
/// let flip = p.task(flipCoin)
/// p.task(printMessage, ["msg": flip.output])            // the single output
/// p.task(train, ["data": split.outputs["train_data"]])  // a named output
/// ```
public struct PipelineTask: Sendable {
    /// The task's unique name in the pipeline (`flip-coin`, `flip-coin-2`): the Kubernetes-safe
    /// component name, numbered from 2 when taken.
    public let name: String
    package let outputDefinitions: ComponentOutputs?

    package init(name: String, outputDefinitions: ComponentOutputs?) {
        self.name = name
        self.outputDefinitions = outputDefinitions
    }

    /// The output named `name`. A name the component does not declare gives a handle that records
    /// a definition error where it is used.
    public subscript(output name: String) -> Ref { outputs[name] }

    /// The task's outputs by name.
    public var outputs: Outputs { Outputs(task: self) }

    /// The single output (KFP's `.output`); a task with no outputs or several gives a handle that
    /// records a definition error where it is used.
    public var output: Ref {
        let parameters = outputDefinitions?.parameters ?? [:]
        let artifacts = outputDefinitions?.artifacts ?? [:]
        let names = (Array(parameters.keys) + Array(artifacts.keys)).sorted()
        guard names.count == 1, let only = names.first else {
            let found = names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
            return Ref(
                Channel(
                    name: "Output", taskName: name, kind: .parameter(.string),
                    origin: .invalid(
                        message: "task '\(name)' has \(names.count) outputs (\(found)); '.output' needs exactly one, use outputs[\"name\"]")))
        }
        return outputs[only]
    }

    /// A task's outputs, by output name.
    public struct Outputs: Sendable {
        let task: PipelineTask

        /// The output `name`.
        public subscript(name: String) -> Ref {
            if let parameter = task.outputDefinitions?.parameters?[name] {
                return Ref(
                    Channel(name: name, taskName: task.name, kind: .parameter(parameter.parameterType ?? .string)))
            }
            if let artifact = task.outputDefinitions?.artifacts?[name] {
                return Ref(
                    Channel(
                        name: name, taskName: task.name,
                        kind: .artifact(artifact.artifactType, isList: artifact.isArtifactList == true)))
            }
            let declared = (Array(task.outputDefinitions?.parameters?.keys ?? [:].keys)
                + Array(task.outputDefinitions?.artifacts?.keys ?? [:].keys)).sorted()
            let hint = NameSuggestion.closest(to: name, in: declared).map { "; did you mean '\($0)'" } ?? ""
            return Ref(
                Channel(
                    name: name, taskName: task.name, kind: .parameter(.string),
                    origin: .invalid(message: "task '\(task.name)' has no output named '\(name)'\(hint)")))
        }
    }
}
