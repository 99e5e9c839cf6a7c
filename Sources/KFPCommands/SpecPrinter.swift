import KFPSpec

/// The canonical text of a loaded spec, as `kfp spec print` shows it.
struct SpecPrinter {
    /// Pipelines and v2 components as they are; v1 container components converted to the v2
    /// component form; v1 graph components in their v1 form.
    func canonicalText(of loaded: LoadedSpec, format: SpecWriter.Format) throws(SpecError) -> String {
        switch loaded.document {
        case .pipeline(let spec):
            return try SpecWriter().write(spec, format: format)
        case .componentV1(let component):
            if component.implementation.graph != nil {
                return try SpecWriter().write(component, format: format)
            }
            return try SpecWriter().write(V1ComponentConverter().pipelineSpec(for: loaded), format: format)
        }
    }
}
