public import Foundation
public import KFPSpec

extension Component {
    /// A component from `component.yaml` text: a v1 component (converted to the IR exactly as
    /// KFP 2.x's `load_component_from_text` does) or a v2 component IR.
    ///
    /// - Parameter file: the file name used in error messages.
    /// - Throws: `SpecError` naming the file, line and field when the text is not a
    ///   component.
    public init(yaml text: String, file: String? = nil) throws(SpecError) {
        let loaded = try ComponentLoader().load(text, file: file)
        try self.init(loaded: loaded)
    }

    /// A component from a local `component.yaml` (v1 or v2).
    ///
    /// - Throws: `SpecError` when the file cannot be read or is not a component.
    public init(contentsOf url: URL) throws(SpecError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SpecError(.io, file: url.path, message: "cannot read the component file: \(FileReadProblem.reason(readingPath: url.path, error: error))")
        }
        try self.init(yaml: text, file: url.path)
    }

    /// A component from a file or an `http(s)` URL (KFP's `load_component_from_url`).
    ///
    /// - Throws: `SpecError` when it cannot be fetched (timeout 30 s, at most 16 MiB) or
    ///   is not a component.
    public static func load(from url: URL) async throws(SpecError) -> Component {
        let loaded = try await ComponentLoader().load(contentsOf: url)
        return try Component(loaded: loaded)
    }

    private init(loaded: LoadedSpec) throws(SpecError) {
        if let v1 = loaded.v1Component {
            let spec = try V1ComponentConverter().pipelineSpec(for: loaded)
            self.init(spec: spec, name: v1.name ?? spec.pipelineInfo.name)
        } else if let spec = loaded.pipelineSpec {
            self.init(spec: spec)
        } else {
            throw SpecError(.validation, file: loaded.file, message: "expected a component, found a \(loaded.kind.rawValue)")
        }
    }
}
