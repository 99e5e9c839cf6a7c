import Foundation
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

    /// The canonical text of the IR of a loaded spec: a v1 graph component converted to a pipeline
    /// (``V1GraphConverter``), a v1 container component converted as by ``canonicalText(of:format:)``,
    /// a pipeline or v2 component as it is.
    ///
    /// - Parameter catalogFolder: a folder whose v1 component files references may name.
    func irText(
        of loaded: LoadedSpec, catalogFolder: URL?, fetchURLs: Bool, format: SpecWriter.Format
    ) async throws(SpecError) -> String {
        guard case .componentV1 = loaded.document else { return try canonicalText(of: loaded, format: format) }
        let catalog = try catalogFolder.map { (folder) throws(SpecError) in try V1ComponentCatalog(indexing: folder) }
        let converter = V1GraphConverter(catalog: catalog ?? V1ComponentCatalog(), fetchURLs: fetchURLs)
        return try SpecWriter().write(try await converter.pipelineSpec(for: loaded), format: format)
    }
}
