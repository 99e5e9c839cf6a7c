/// A v1 `component.yaml`: the format of thousands of public KFP components.
///
/// Fields follow KFP's `v1_structures.ComponentSpec`. A v1 component is implemented by a container
/// (``V1ContainerSpec``) or by a graph of other components (``V1GraphSpec``). Convert a container
/// component to the IR with ``V1ComponentConverter``.
public struct V1ComponentSpec: Codable, Sendable, Hashable {
    public var name: String?
    public var description: String?
    /// `metadata`: `annotations` and `labels`, kept as written.
    public var metadata: JSONValue?
    public var inputs: [V1InputSpec]?
    public var outputs: [V1OutputSpec]?
    public var implementation: V1Implementation

    public init(
        name: String?, description: String? = nil, inputs: [V1InputSpec]? = nil, outputs: [V1OutputSpec]? = nil,
        implementation: V1Implementation
    ) {
        self.name = name
        self.description = description
        self.inputs = inputs
        self.outputs = outputs
        self.implementation = implementation
    }
}

/// A v1 input: `{name, type, description, default, optional, annotations}`.
public struct V1InputSpec: Codable, Sendable, Hashable {
    public var name: String
    /// `type`: a name such as `String`, `Integer`, `CSV`, or a struct such as `{GCSPath: {data_type: CSV}}`.
    public var type: JSONValue?
    public var description: String?
    /// `default`: a string in the v1 format; numbers and booleans written unquoted are kept as read.
    public var `default`: JSONValue?
    public var optional: Bool?
    public var annotations: JSONValue?
    /// The text of `default` as written, when it is a plain YAML scalar read as a number or a
    /// boolean (`007`, `1e3`, `True`); `nil` otherwise. Not encoded. A `String` input keeps this
    /// text as its default, as the v1 format says defaults are strings.
    public var defaultText: String?

    public init(name: String, type: JSONValue? = nil, default: JSONValue? = nil, optional: Bool? = nil) {
        self.name = name
        self.type = type
        self.default = `default`
        self.optional = optional
    }

    enum CodingKeys: String, CodingKey {
        case name, type, description, `default`, optional, annotations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decodeIfPresent(JSONValue.self, forKey: .type)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        self.default = try container.decodeIfPresent(JSONValue.self, forKey: .default)
        optional = try container.decodeIfPresent(Bool.self, forKey: .optional)
        annotations = try container.decodeIfPresent(JSONValue.self, forKey: .annotations)
        switch self.default {
        case .int?, .double?, .bool?:
            if decoder.userInfo[.kfpRawScalars] != nil {
                defaultText = try? container.decode(String.self, forKey: .default)
            }
        default:
            break
        }
    }

    /// The type name when `type` is a plain name (`String`, `CSV`), `nil` for struct types or no type.
    public var typeName: String? { type?.stringValue }
}

/// A v1 output: `{name, type, description, annotations}`.
public struct V1OutputSpec: Codable, Sendable, Hashable {
    public var name: String
    public var type: JSONValue?
    public var description: String?
    public var annotations: JSONValue?

    public init(name: String, type: JSONValue? = nil) {
        self.name = name
        self.type = type
    }

    /// The type name when `type` is a plain name.
    public var typeName: String? { type?.stringValue }
}

/// `implementation`: a container or a graph.
public struct V1Implementation: Codable, Sendable, Hashable {
    public var container: V1ContainerSpec?
    public var graph: V1GraphSpec?

    public init(container: V1ContainerSpec) {
        self.container = container
    }

    public init(graph: V1GraphSpec) {
        self.graph = graph
    }
}

/// `implementation.container`: image, command and args with placeholders, env, file outputs.
public struct V1ContainerSpec: Codable, Sendable, Hashable {
    public var image: String
    public var command: [V1Argument]?
    public var args: [V1Argument]?
    public var env: [String: V1Argument]?
    /// `fileOutputs`: legacy output paths by output name.
    public var fileOutputs: [String: String]?

    public init(image: String, command: [V1Argument]? = nil, args: [V1Argument]? = nil) {
        self.image = image
        self.command = command
        self.args = args
    }
}
