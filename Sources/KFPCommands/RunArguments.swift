import Foundation
import KFPSpec

/// Pipeline arguments from `--param NAME=VALUE` and `--params-file`, converted by each root
/// input's declared `parameterType`, never by guessing: `n=3` is an integer for NUMBER_INTEGER and
/// the string "3" for STRING; LIST and STRUCT take JSON; BOOLEAN takes true/false (and Go's forms).
struct RunArguments {
    let spec: PipelineSpec
    /// How error messages name an argument (`--param x`, or `argument x` for `kfp run create`).
    var label = "--param"

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    func parse(parameters: [String], file: String?) throws -> [String: JSONValue] {
        var arguments: [String: JSONValue] = [:]
        if let file {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw Problem(description: "cannot read the params file \(file): \(FileReadProblem.reason(readingPath: file, error: error))")
            }
            guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw Problem(description: "the params file \(file) must hold a JSON object of NAME: VALUE")
            }
            arguments = members
        }
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else {
                throw Problem(description: "\(label) expects NAME=VALUE, found '\(parameter)'")
            }
            let name = String(parameter[..<equals])
            let text = String(parameter[parameter.index(after: equals)...])
            arguments[name] = try convert(text, for: name)
        }
        return arguments
    }

    private func convert(_ text: String, for name: String) throws -> JSONValue {
        guard let inputs = spec.root.inputDefinitions else {
            throw Problem(description: "the pipeline takes no inputs, found \(label) \(name)")
        }
        if inputs.artifacts?[name] != nil { return .string(text) }
        guard let definition = inputs.parameters?[name] else {
            let known = ((inputs.parameters ?? [:]).keys.sorted() + (inputs.artifacts ?? [:]).keys.sorted()).map { "'\($0)'" }
            throw Problem(description: "the pipeline has no input '\(name)'; its inputs are \(known.joined(separator: ", "))")
        }
        let type = definition.parameterType ?? .string
        switch type {
        case .string, .unspecified: return .string(text)
        case .numberInteger:
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Problem(description: "\(label) \(name): expected an integer (NUMBER_INTEGER), found '\(text)'")
            }
            return .int(value)
        case .numberDouble:
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw Problem(description: "\(label) \(name): expected a number (NUMBER_DOUBLE), found '\(text)'")
            }
            return .double(value)
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "t": return .bool(true)
            case "false", "0", "f": return .bool(false)
            default: throw Problem(description: "\(label) \(name): expected true or false (BOOLEAN), found '\(text)'")
            }
        case .list, .struct, .taskFinalStatus, .taskConfig:
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
                type == .list ? value.arrayValue != nil : value.objectValue != nil
            else {
                throw Problem(description: "\(label) \(name): expected JSON \(type == .list ? "list" : "object") (\(type.rawValue)), found '\(text)'")
            }
            return value
        }
    }
}
