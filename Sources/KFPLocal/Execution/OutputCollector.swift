import Foundation
import KFPSpec

/// Reads a finished task's outputs with the cluster launcher's precedence: the executor output
/// file wins over per-parameter files; a declared parameter with neither is an error naming it;
/// declared output artifacts are registered even without an executor output file, with URI and
/// metadata merged from it when present.
struct OutputCollector {
    let executorInput: ExecutorInput
    let definitions: ComponentOutputs?

    func collect() throws(TaskFailure) -> TaskOutputs {
        let executorOutput = try readExecutorOutput()
        var outputs = TaskOutputs()
        for (name, definition) in definitions?.parameters ?? [:] {
            let type = definition.parameterType ?? .string
            if let value = executorOutput?.parameterValues?[name] {
                outputs.parameters[name] = try convert(value, type: type, name: name)
                continue
            }
            guard let file = executorInput.outputs.parameters?[name]?.outputFile else { continue }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TaskFailure("output parameter '\(name)' was not written: expected the file \(file) or a value in executor_output.json")
            }
            outputs.parameters[name] = try parse(String(decoding: data, as: UTF8.self), type: type, name: name)
        }
        for (name, list) in executorInput.outputs.artifacts ?? [:] {
            let written = executorOutput?.artifacts?[name]?.artifacts ?? []
            outputs.artifacts[name] = list.artifacts.enumerated().map { index, artifact in
                guard index < written.count else { return artifact }
                var merged = artifact
                let update = written[index]
                if !update.uri.isEmpty { merged.uri = update.uri }
                if let metadata = update.metadata {
                    merged.metadata = (merged.metadata ?? [:]).merging(metadata) { _, new in new }
                }
                if let custom = update.customPath { merged.customPath = custom }
                return merged
            }
        }
        return outputs
    }

    /// The declared output artifacts as provisioned, for executors that run nothing (`argostub/*`).
    func collectArtifactsOnly() -> TaskOutputs {
        TaskOutputs(artifacts: (executorInput.outputs.artifacts ?? [:]).mapValues(\.artifacts))
    }

    private func readExecutorOutput() throws(TaskFailure) -> ExecutorOutput? {
        guard let file = executorInput.outputs.outputFile, let data = FileManager.default.contents(atPath: file),
            !data.isEmpty
        else { return nil }
        do {
            return try JSONDecoder().decode(ExecutorOutput.self, from: data)
        } catch {
            throw TaskFailure("the executor output file \(file) is not valid ExecutorOutput JSON: \(error)")
        }
    }

    private func convert(_ value: JSONValue, type: ParameterType, name: String) throws(TaskFailure) -> JSONValue {
        do {
            return try ParameterValues.convert(value, to: type)
        } catch {
            throw TaskFailure("output parameter '\(name)': \(error.message)")
        }
    }

    /// A parameter file's text by type, as the launcher reads it: STRING as is, numbers and
    /// booleans trimmed, LIST and STRUCT as JSON.
    private func parse(_ text: String, type: ParameterType, name: String) throws(TaskFailure) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type {
        case .string, .unspecified: return .string(text)
        case .numberInteger:
            guard let number = Int(trimmed) else { throw TaskFailure("output parameter '\(name)': expected an integer, found '\(trimmed)'") }
            return .int(number)
        case .numberDouble:
            guard let number = Double(trimmed) else { throw TaskFailure("output parameter '\(name)': expected a number, found '\(trimmed)'") }
            return .double(number)
        case .boolean:
            guard let flag = ParameterValues.parseBool(trimmed) else {
                throw TaskFailure("output parameter '\(name)': expected a boolean, found '\(trimmed)'")
            }
            return .bool(flag)
        case .list, .struct, .taskFinalStatus, .taskConfig:
            guard let value = try? JSONValue.parse(json: trimmed) else {
                throw TaskFailure("output parameter '\(name)': expected JSON, found '\(trimmed.prefix(200))'")
            }
            return value
        }
    }
}
