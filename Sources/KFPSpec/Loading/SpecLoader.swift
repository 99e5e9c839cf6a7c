import Foundation

/// Reads KFP specs from YAML or JSON text: pipelines (IR), v2 components and v1 `component.yaml`.
///
/// ```swift
/// let loaded = try SpecLoader(file: "pipeline.yaml").load(data)
/// if let spec = loaded.pipelineSpec { print(spec.pipelineInfo.name) }
/// ```
///
/// Reading follows YAML 1.2 core-schema rules (see ``CoreSchema``). Every field must be one the
/// KFP proto (or v1 format) has; an unknown field is an error, as in KFP's own loader
/// (`json_format.ParseDict`). Loading does not validate references; call ``SpecValidator``.
public struct SpecLoader: Sendable {
    /// The file name used in diagnostics.
    public var file: String?

    public init(file: String? = nil) {
        self.file = file
    }

    /// Loads a spec from the contents of a file.
    ///
    /// - Throws: ``SpecError``: `.syntax` for text that is not YAML (binary, zip, invalid UTF-8,
    ///   empty), `.structure` for a document that is not a KFP spec.
    public func load(_ data: Data) throws(SpecError) -> LoadedSpec {
        if SpecArchive.isZip(data) {
            let inner = try SpecArchive(file: file).singleFile(in: data)
            let name = (file.map { $0 + "!" } ?? "") + inner.name
            return try SpecLoader(file: name).load(documents: YAMLDocuments(file: name).parse(inner.data))
        }
        return try load(documents: YAMLDocuments(file: file).parse(data))
    }

    /// Loads a spec from YAML or JSON text.
    public func load(_ text: String) throws(SpecError) -> LoadedSpec {
        try load(documents: YAMLDocuments(file: file).parse(text))
    }

    /// Loads and returns a pipeline spec (or v2 component); a v1 component is an error.
    public func loadPipelineSpec(_ text: String) throws(SpecError) -> PipelineSpec {
        let loaded = try load(text)
        guard let spec = loaded.pipelineSpec else {
            throw SpecError(.structure, file: file, message: "expected a pipeline spec, found a v1 component")
        }
        return spec
    }

    private func load(documents: [SourceNode]) throws(SpecError) -> LoadedSpec {
        guard let first = documents.first else {
            throw SpecError(.syntax, file: file, message: "the file is empty: expected a pipeline spec or a component")
        }
        guard case .mapping(let mapping) = first.content else {
            throw SpecError(
                .structure, file: file, message: "expected a mapping (a pipeline spec or a component) at the top level",
                mark: first.mark)
        }
        if let wrapped = unwrapAPIForm(mapping) {
            guard documents.count == 1 else {
                throw SpecError(.structure, file: file, message: "the pipeline_spec wrapper is one document, found \(documents.count)")
            }
            return try load(documents: wrapped)
        }
        let source = YAMLSource(root: first)
        let diagnostics = DecodingDiagnostics(file: file, source: source)
        if mapping["implementation"] != nil {
            guard documents.count == 1 else {
                throw SpecError(.structure, file: file, message: "a v1 component has one YAML document, found \(documents.count)")
            }
            let component = try diagnostics.decode(V1ComponentSpec.self, from: first)
            try checkUnknownFields(component, node: first, diagnostics)
            return LoadedSpec(document: .componentV1(component), kind: .componentV1, file: file, source: source)
        }
        guard documents.count <= 2 else {
            throw SpecError(
                .structure, file: file,
                message: "expected one or two YAML documents (pipeline spec, platform spec), found \(documents.count)")
        }
        var spec = try diagnostics.decode(PipelineSpec.self, from: first)
        try checkUnknownFields(spec, node: first, diagnostics)
        if documents.count == 2 {
            spec.platformSpec = JSONValue(source: documents[1])
        }
        return LoadedSpec(
            document: .pipeline(spec), kind: .pipeline, file: file,
            source: source)
    }

    /// The documents inside KFP's REST wrapper `{pipeline_spec: ..., platform_spec: ...}`, or `nil`.
    private func unwrapAPIForm(_ mapping: SourceNode.Mapping) -> [SourceNode]? {
        let keys = Set(mapping.keys)
        guard keys.contains("pipeline_spec"), keys.isSubset(of: ["pipeline_spec", "platform_spec"]),
            let pipeline = mapping["pipeline_spec"]
        else { return nil }
        return [pipeline] + (mapping["platform_spec"].map { [$0] } ?? [])
    }

    private func checkUnknownFields(
        _ value: some Encodable, node: SourceNode, _ diagnostics: DecodingDiagnostics
    ) throws(SpecError) {
        let encoded: JSONValue
        do {
            encoded = try JSONValueEncoder().encode(value)
        } catch {
            throw SpecError(.structure, file: file, message: "cannot re-encode the spec: \(error)")
        }
        let unknown = diagnostics.unknownFields(in: node, decoded: encoded)
        if !unknown.isEmpty { throw SpecError(.structure, unknown) }
    }
}

extension SpecLoader {
    /// Parses a JSON (or YAML) value with YAML 1.2 core-schema rules, e.g. an iterator's `raw` items.
    public func loadJSONValue(_ text: String) throws(SpecError) -> JSONValue {
        guard let node = try YAMLDocuments(file: file).parse(text).first else { return .null }
        return JSONValue(source: node)
    }
}
