/// A compiled KFP pipeline: the `PipelineSpec` message of `pipeline_spec.proto` ("the IR").
///
/// Keys are the proto JSON names. Maps are Swift dictionaries; writers sort keys. The optional
/// second YAML document (the `PlatformSpec`, e.g. `platforms.kubernetes`) is kept intact in
/// ``platformSpec``. A single-component IR (the v2 `component.yaml` form) is a `PipelineSpec` too.
///
/// Load one with ``SpecLoader``; write one with ``SpecWriter``.
public struct PipelineSpec: Codable, Sendable, Hashable {
    /// `pipelineInfo`: the pipeline's name (KFP rule `^[a-z0-9][a-z0-9-]{0,127}$`), display name, description.
    public var pipelineInfo: PipelineInfo
    /// `deploymentSpec`: executors by label (`exec-<name>`).
    public var deploymentSpec: DeploymentSpec?
    /// `sdkVersion`, e.g. `kfp-2.14.3`.
    public var sdkVersion: String?
    /// `schemaVersion`, `2.1.0` for every SDK 2.x file.
    public var schemaVersion: String?
    /// `components`: component specs by name (`comp-<name>`).
    public var components: [String: ComponentSpec]?
    /// `root`: the pipeline's own DAG, inputs and outputs.
    public var root: ComponentSpec
    /// `defaultPipelineRoot`, e.g. `s3://bucket/path`.
    public var defaultPipelineRoot: String?
    /// The second YAML document (`PlatformSpec`), kept as written; `nil` when absent.
    public var platformSpec: JSONValue?

    public init(
        pipelineInfo: PipelineInfo, deploymentSpec: DeploymentSpec? = nil, sdkVersion: String? = nil,
        schemaVersion: String? = "2.1.0", components: [String: ComponentSpec]? = nil, root: ComponentSpec,
        defaultPipelineRoot: String? = nil, platformSpec: JSONValue? = nil
    ) {
        self.pipelineInfo = pipelineInfo
        self.deploymentSpec = deploymentSpec
        self.sdkVersion = sdkVersion
        self.schemaVersion = schemaVersion
        self.components = components
        self.root = root
        self.defaultPipelineRoot = defaultPipelineRoot
        self.platformSpec = platformSpec
    }

    enum CodingKeys: String, CodingKey {
        case pipelineInfo, deploymentSpec, sdkVersion, schemaVersion, components, root, defaultPipelineRoot
    }

    /// The component named `name` (`comp-...`), or `nil`.
    public func component(named name: String) -> ComponentSpec? {
        components?[name]
    }

    /// The executor with label `label` (`exec-...`), or `nil`.
    public func executor(labeled label: String) -> ExecutorSpec? {
        deploymentSpec?.executors?[label]
    }
}

/// `PipelineInfo`: the pipeline's name and optional display name and description.
public struct PipelineInfo: Codable, Sendable, Hashable {
    public var name: String
    public var displayName: String?
    public var description: String?

    public init(name: String, displayName: String? = nil, description: String? = nil) {
        self.name = name
        self.displayName = displayName
        self.description = description
    }
}
