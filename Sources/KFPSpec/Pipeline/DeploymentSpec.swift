/// `PipelineDeploymentConfig`: the executors, by label.
public struct DeploymentSpec: Codable, Sendable, Hashable {
    public var executors: [String: ExecutorSpec]?

    public init(executors: [String: ExecutorSpec]? = nil) {
        self.executors = executors
    }
}

/// `ExecutorSpec`: exactly one of a container, an importer, a resolver or a (deprecated) custom job.
public struct ExecutorSpec: Codable, Sendable, Hashable {
    public var container: ContainerSpec?
    public var importer: ImporterSpec?
    public var resolver: ResolverSpec?
    /// `customJob`: `AIPlatformCustomJobSpec`, kept as written.
    public var customJob: JSONValue?

    public init(container: ContainerSpec) {
        self.container = container
    }

    public init(importer: ImporterSpec) {
        self.importer = importer
    }
}

/// `PipelineContainerSpec`: image, command and args (with placeholders), env, resources.
public struct ContainerSpec: Codable, Sendable, Hashable {
    public var image: String
    public var command: [String]?
    public var args: [String]?
    public var lifecycle: ContainerLifecycle?
    public var resources: ResourceSpec?
    public var env: [EnvironmentVariable]?

    public init(image: String, command: [String]? = nil, args: [String]? = nil, env: [EnvironmentVariable]? = nil) {
        self.image = image
        self.command = command
        self.args = args
        self.env = env
    }

    enum CodingKeys: String, CodingKey {
        case image, command, args, lifecycle, resources, env
    }

    /// Decodes the container; an absent `image` is the empty string, its proto3 default (KFP writes
    /// no `image` for a v1 component whose image is `''`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        image = try container.decodeIfPresent(String.self, forKey: .image) ?? ""
        command = try container.decodeIfPresent([String].self, forKey: .command)
        args = try container.decodeIfPresent([String].self, forKey: .args)
        lifecycle = try container.decodeIfPresent(ContainerLifecycle.self, forKey: .lifecycle)
        resources = try container.decodeIfPresent(ResourceSpec.self, forKey: .resources)
        env = try container.decodeIfPresent([EnvironmentVariable].self, forKey: .env)
    }
}

/// `PipelineContainerSpec.EnvVar`.
public struct EnvironmentVariable: Codable, Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// `PipelineContainerSpec.Lifecycle`.
public struct ContainerLifecycle: Codable, Sendable, Hashable {
    public var preCacheCheck: LifecycleExec?
}

/// `PipelineContainerSpec.Lifecycle.Exec`.
public struct LifecycleExec: Codable, Sendable, Hashable {
    public var command: [String]?
    public var args: [String]?
}

/// `PipelineContainerSpec.ResourceSpec`. The `resource*` fields are strings that may hold placeholders;
/// `cpuLimit` is in cores and `memoryLimit` in GB (deprecated forms).
public struct ResourceSpec: Codable, Sendable, Hashable {
    public var cpuLimit: Double?
    public var memoryLimit: Double?
    public var cpuRequest: Double?
    public var memoryRequest: Double?
    public var resourceCpuLimit: String?
    public var resourceMemoryLimit: String?
    public var resourceCpuRequest: String?
    public var resourceMemoryRequest: String?
    public var accelerator: AcceleratorConfig?

    public init() {}
}

/// `ResourceSpec.AcceleratorConfig`. `count` is an int64, written as a string in proto JSON.
public struct AcceleratorConfig: Codable, Sendable, Hashable {
    public var type: String?
    public var count: String?
    public var resourceType: String?
    public var resourceCount: String?

    public init() {}
}

/// `ImporterSpec`: imports an existing artifact by URI.
public struct ImporterSpec: Codable, Sendable, Hashable {
    /// `artifactUri`: a constant URI or `runtimeParameter: uri`.
    public var artifactUri: ValueOrRuntimeParameter?
    public var typeSchema: ArtifactTypeSchema?
    public var properties: [String: ValueOrRuntimeParameter]?
    public var customProperties: [String: ValueOrRuntimeParameter]?
    public var reimport: Bool?
    /// `metadata`: a Struct; placeholders are allowed in keys and values.
    public var metadata: JSONValue?
    public var downloadToWorkspace: Bool?

    public init(artifactUri: ValueOrRuntimeParameter, typeSchema: ArtifactTypeSchema) {
        self.artifactUri = artifactUri
        self.typeSchema = typeSchema
    }
}

/// `ResolverSpec`: artifact queries by output name.
public struct ResolverSpec: Codable, Sendable, Hashable {
    public var outputArtifactQueries: [String: ArtifactQuery]?
}

/// `ResolverSpec.ArtifactQuerySpec`.
public struct ArtifactQuery: Codable, Sendable, Hashable {
    public var filter: String?
    public var limit: Int?
}
