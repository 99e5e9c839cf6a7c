public import KFP
public import KFPSpec

extension PipelineCompiler {
    /// The IR of `pipeline` with compile-time values for its parameters (KFP's
    /// `Compiler.compile(..., pipeline_parameters=...)`): each value becomes the `defaultValue` of
    /// the root input of that name, which keeps its `isOptional` as declared (a required parameter
    /// stays required, with a default).
    ///
    /// - Throws: ``KFP/DefinitionError`` with the definition's mistakes, or at this call for a name
    ///   that is no parameter of the pipeline, an artifact input, or a value of the wrong type.
    public func compile(
        _ pipeline: Pipeline, parameters: [String: JSONValue], fileID: String = #fileID, line: Int = #line
    ) throws(DefinitionError) -> PipelineSpec {
        try Self.overridingDefaults(compile(pipeline), parameters, at: CallSite(fileID: fileID, line: line))
    }

    /// A component's IR with compile-time values for its parameters, as KFP writes a component
    /// compiled with `pipeline_parameters` (see ``compile(_:parameters:fileID:line:)``).
    public func compile(
        _ component: Component, parameters: [String: JSONValue], fileID: String = #fileID, line: Int = #line
    ) throws(DefinitionError) -> PipelineSpec {
        try Self.overridingDefaults(component.spec, parameters, at: CallSite(fileID: fileID, line: line))
    }

    /// `modify_pipeline_spec_with_override` and `_fill_in_component_input_default_value`: a `nil`
    /// (JSON null) value leaves the input as it is.
    static func overridingDefaults(
        _ spec: PipelineSpec, _ parameters: [String: JSONValue], at site: CallSite
    ) throws(DefinitionError) -> PipelineSpec {
        var spec = spec
        var diagnostics: [DefinitionError.Diagnostic] = []
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            if var definition = spec.root.inputDefinitions?.parameters?[name] {
                guard value != .null else { continue }
                if let type = definition.parameterType, !type.accepts(value) {
                    diagnostics.append(
                        DefinitionError.Diagnostic(
                            .typeMismatch,
                            "pipeline parameter '\(name)' is \(type.rawValue); found \(value.kindName) \(value.compactJSON())", at: site))
                    continue
                }
                definition.defaultValue = value
                spec.root.inputDefinitions?.parameters?[name] = definition
            } else if spec.root.inputDefinitions?.artifacts?[name] != nil {
                diagnostics.append(
                    DefinitionError.Diagnostic(.typeMismatch, "pipeline input '\(name)' is an artifact; only parameters take a default", at: site))
            } else {
                diagnostics.append(
                    DefinitionError.Diagnostic(.unknownInput, "pipeline parameter '\(name)' does not match any pipeline input", at: site))
            }
        }
        if !diagnostics.isEmpty { throw DefinitionError(diagnostics) }
        return spec
    }
}
