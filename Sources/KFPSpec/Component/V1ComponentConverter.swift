/// Converts a v1 container component to the v2 component form: the single-component IR that
/// KFP 2.x's loader produces (`load_component_from_file(...).pipeline_spec`).
public struct V1ComponentConverter: Sendable {
    public init() {}

    /// The IR of `component`.
    ///
    /// - Throws: ``SpecError`` of kind `.validation` when the component is a graph component or a
    ///   placeholder cannot be converted.
    public func pipelineSpec(for component: V1ComponentSpec) throws(SpecError) -> PipelineSpec {
        throw SpecError(.validation, file: nil, message: "v1 conversion is not built yet")
    }
}
