public import KFPSpec

extension Component {
    /// This component as a v1 `component.yaml` (KFP 1.x's `output_component_file` format), for
    /// container components: KFP 2.x's `load_component_from_text` and `V1ComponentConverter`
    /// load it back to the same IR as ``spec`` (`sdkVersion` aside).
    ///
    /// The v1 `name` is ``name`` (`Download data`), or `spec.pipelineInfo.name` when ``name`` does
    /// not rename to it; inputs and outputs keep their names, types, defaults, optional flags and
    /// descriptions; placeholders become v1 placeholders (`{inputValue: x}`, `{outputPath: y}`,
    /// `concat`, `if: {cond: {isPresent: x}}`), and text with placeholders interpolated becomes a
    /// `concat`. See `V1ComponentExporter` for the mapping and the layout of the text.
    ///
    /// ```swift
    /// try component.v1ComponentYAML().write(toFile: "component.yaml", atomically: true, encoding: .utf8)
    /// ```
    ///
    /// Save the v2 form (the IR) with `SpecWriter().write(component.spec)`.
    ///
    /// - Throws: `SpecError` of kind `.validation` naming the component and the construct
    ///   when v1 cannot express it: a pipeline used as a component, an importer, metadata or
    ///   pipeline-level placeholders, lists of artifacts, resource or platform settings, custom
    ///   artifact types, enum inputs, env values with placeholders, or names KFP 2.x would rename.
    public func v1ComponentYAML() throws(SpecError) -> String {
        try V1ComponentExporter().yaml(from: spec, named: name)
    }
}
