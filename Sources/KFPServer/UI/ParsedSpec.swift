import KFPSpec

/// A run's spec as the web UI pages use it: parsed, and as the YAML the run page shows.
struct ParsedSpec: Sendable {
    let spec: PipelineSpec
    let yaml: String

    init(_ spec: PipelineSpec) {
        self.spec = spec
        self.yaml = WebUIPages.yaml(spec)
    }
}
