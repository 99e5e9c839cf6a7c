import Foundation
import KFPCEL
import KFPSpec

/// A task's resolved inputs: values by input name, and which inputs the task supplied itself
/// (IfPresent counts only those, as on the cluster; defaults are added afterwards).
struct ResolvedInputs: Sendable {
    var parameters: [String: JSONValue] = [:]
    var artifacts: [String: [RuntimeArtifact]] = [:]
    var supplied: Set<String> = []
}

/// Resolves the `inputs` of a task from its DAG's scope and its sibling tasks' outcomes, following
/// the driver: constants (with pipeline placeholders and references to the task's other inputs
/// substituted once), parent inputs, upstream outputs, final statuses, CEL sub-field selectors;
/// then converts each value to the component's declared `parameterType`.
struct TaskInputResolver {
    let run: RunContext
    let taskName: String
    let task: PipelineTaskSpec
    let scope: DagScope
    let siblings: [String: TaskOutcome]
    /// The component's declared inputs (for types and defaults).
    let definitions: ComponentInputs?

    func resolve() throws(TaskFailure) -> ResolvedInputs {
        var resolved = ResolvedInputs()
        var constants: [String: String] = [:]
        for (name, input) in task.inputs?.parameters ?? [:] {
            if let value = try parameterValue(name, input) {
                resolved.parameters[name] = value
                resolved.supplied.insert(name)
                if input.runtimeValue != nil, case .string(let text) = value, text.contains(RuntimePlaceholder.opening) {
                    constants[name] = text
                }
            }
        }
        // f-string arguments: a constant may name the task's other inputs.
        let pipelineValues = PipelinePlaceholders(run: run, taskName: taskName)
        for (name, text) in constants {
            let substituted = PlaceholderText.substitute(text) { reference in
                if let value = pipelineValues.value(for: reference) { return value }
                if let input = PlaceholderText.inputParameterName(reference), input != name,
                    let value = resolved.parameters[input]
                {
                    return PlaceholderText.format(value)
                }
                return nil
            }
            resolved.parameters[name] = .string(substituted)
        }
        for (name, input) in task.inputs?.artifacts ?? [:] {
            // An optional input the enclosing DAG did not get stays absent (checked against the
            // component's definition when the executor input is built).
            guard let artifacts = try artifactValue(name, input) else { continue }
            resolved.artifacts[name] = artifacts
            resolved.supplied.insert(name)
        }
        for (name, value) in resolved.parameters {
            resolved.parameters[name] = try convert(value, input: name)
        }
        return resolved
    }

    private func parameterValue(_ name: String, _ input: TaskInputParameter) throws(TaskFailure) -> JSONValue? {
        var value: JSONValue?
        if let constant = input.runtimeValue?.constant {
            value = constant
        } else if let legacy = input.runtimeValue?.constantValue?.objectValue {
            value = legacy["stringValue"] ?? legacy["doubleValue"] ?? legacy["intValue"].map { v in
                v.stringValue.flatMap(Int.init).map(JSONValue.int) ?? v
            }
        } else if let parameter = input.runtimeValue?.runtimeParameter {
            value = scope.parameters[parameter]
        } else if let parent = input.componentInputParameter {
            value = scope.parameters[parent]
        } else if let reference = input.taskOutputParameter {
            guard let producer = siblings[reference.producerTask] else {
                throw TaskFailure("input '\(name)': producer task '\(reference.producerTask)' has not run")
            }
            guard producer.state == .succeeded else {
                // ignore_upstream_failure: the input falls back to the component's default.
                if task.triggerPolicy?.strategy == .allUpstreamTasksCompleted,
                    definitions?.parameters?[name]?.mayBeOmitted == true
                {
                    return nil
                }
                throw TaskFailure("input '\(name)': producer task '\(reference.producerTask)' ended \(producer.state.rawValue)")
            }
            guard let output = producer.outputs.parameters[reference.outputParameterKey] else {
                throw TaskFailure("input '\(name)': task '\(reference.producerTask)' has no output parameter '\(reference.outputParameterKey)'")
            }
            value = output
        } else if let status = input.taskFinalStatus {
            value = finalStatus(of: status.producerTask)
        }
        if let selector = input.parameterExpressionSelector, let base = value {
            do {
                value = try CELProgram.selectField(selector, from: base)
            } catch {
                throw TaskFailure("input '\(name)': selector \(selector) cannot be evaluated: \(error)")
            }
        }
        return value
    }

    private func artifactValue(_ name: String, _ input: TaskInputArtifact) throws(TaskFailure) -> [RuntimeArtifact]? {
        if let parent = input.componentInputArtifact {
            return scope.artifacts[parent]
        }
        guard let reference = input.taskOutputArtifact else {
            throw TaskFailure("input artifact '\(name)' has no source")
        }
        guard let producer = siblings[reference.producerTask], producer.state == .succeeded else {
            let state = siblings[reference.producerTask]?.state.rawValue ?? "NOT RUN"
            throw TaskFailure("input artifact '\(name)': producer task '\(reference.producerTask)' ended \(state)")
        }
        guard let artifacts = producer.outputs.artifacts[reference.outputArtifactKey] else {
            throw TaskFailure("input artifact '\(name)': task '\(reference.producerTask)' has no output artifact '\(reference.outputArtifactKey)'")
        }
        return artifacts
    }

    /// `PipelineTaskFinalStatus` of a sibling, with the cluster's state words (`COMPLETE`, `FAILED`).
    private func finalStatus(of producer: String) -> JSONValue {
        let outcome = siblings[producer]
        var error: [String: JSONValue] = [:]
        if let outcome, outcome.state == .failed {
            error = ["code": .int(2), "message": .string(outcome.message ?? "task '\(producer)' failed")]
        }
        return .object([
            "state": .string(outcome?.state.finalStatusWord ?? "RUNNING"),
            "pipelineJobResourceName": .string(run.jobResourceName),
            "pipelineTaskName": .string(producer),
            "error": .object(error),
        ])
    }

    private func convert(_ value: JSONValue, input: String) throws(TaskFailure) -> JSONValue {
        guard let type = definitions?.parameters?[input]?.parameterType else { return value }
        do {
            return try ParameterValues.convert(value, to: type)
        } catch {
            throw TaskFailure("input '\(input)': \(error.message)")
        }
    }
}

/// Why a task failed, as the run summary shows it.
struct TaskFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
