import KFPSpec

/// Checks and converts a run's arguments against the root's input definitions: unknown names and
/// missing required inputs are errors; values are converted by `parameterType`; defaults fill the rest.
struct RootArguments {
    let spec: PipelineSpec

    func resolve(_ arguments: [String: JSONValue]) throws(LocalRunError) -> (parameters: [String: JSONValue], artifacts: [String: [RuntimeArtifact]]) {
        let parameters = spec.root.inputDefinitions?.parameters ?? [:]
        let artifacts = spec.root.inputDefinitions?.artifacts ?? [:]
        for name in arguments.keys.sorted() where parameters[name] == nil && artifacts[name] == nil {
            let known = (Array(parameters.keys) + Array(artifacts.keys)).sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw LocalRunError("the pipeline has no input '\(name)'" + (known.isEmpty ? "; it takes no inputs" : "; its inputs are \(known)"))
        }
        var resolvedParameters: [String: JSONValue] = [:]
        for (name, definition) in parameters {
            let type = definition.parameterType ?? .unspecified
            guard let value = arguments[name] ?? definition.defaultValue else {
                if definition.isOptional != true && type != .taskFinalStatus {
                    throw LocalRunError("missing required pipeline input '\(name)' (\(type.rawValue))")
                }
                continue
            }
            do {
                resolvedParameters[name] = try ParameterValues.convert(value, to: type)
            } catch {
                throw LocalRunError("pipeline input '\(name)': \(error.message)")
            }
        }
        var resolvedArtifacts: [String: [RuntimeArtifact]] = [:]
        for (name, definition) in artifacts {
            guard let value = arguments[name] else {
                if definition.isOptional != true { throw LocalRunError("missing required pipeline input artifact '\(name)' (give its URI)") }
                continue
            }
            let uris = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
            guard !uris.isEmpty else { throw LocalRunError("pipeline input artifact '\(name)': expected a URI, found \(value.kindName)") }
            resolvedArtifacts[name] = uris.map { RuntimeArtifact(name: name, type: definition.artifactType, uri: $0, metadata: [:]) }
        }
        return (resolvedParameters, resolvedArtifacts)
    }
}
