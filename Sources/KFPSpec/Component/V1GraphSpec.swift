/// `implementation.graph` of a v1 component: tasks that run other components, and output values.
public struct V1GraphSpec: Codable, Sendable, Hashable {
    /// `tasks`: by task id (the name other tasks use in `taskOutput.taskId`).
    public var tasks: [String: V1TaskSpec]
    /// `outputValues`: graph outputs by name, each a `taskOutput` reference.
    public var outputValues: [String: V1ArgumentValue]?

    public init(tasks: [String: V1TaskSpec], outputValues: [String: V1ArgumentValue]? = nil) {
        self.tasks = tasks
        self.outputValues = outputValues
    }
}

/// A task of a v1 graph.
public struct V1TaskSpec: Codable, Sendable, Hashable {
    public var componentRef: V1ComponentReference
    /// `arguments`: by input name of the referenced component.
    public var arguments: [String: V1ArgumentValue]?
    /// `isEnabled`: a v1 predicate, kept as written.
    public var isEnabled: JSONValue?
    /// `executionOptions`: retry and caching strategy, kept as written.
    public var executionOptions: JSONValue?
    public var annotations: JSONValue?

    public init(componentRef: V1ComponentReference, arguments: [String: V1ArgumentValue]? = nil) {
        self.componentRef = componentRef
        self.arguments = arguments
    }
}

/// `componentRef`: a component by name, digest, tag, URL, or inline `spec`.
public struct V1ComponentReference: Codable, Sendable, Hashable {
    public var name: String?
    public var digest: String?
    public var tag: String?
    public var url: String?
    public var spec: V1ComponentSpec?

    public init(name: String? = nil, digest: String? = nil, url: String? = nil, spec: V1ComponentSpec? = nil) {
        self.name = name
        self.digest = digest
        self.url = url
        self.spec = spec
    }

    /// How the reference reads in messages: its URL, name or digest.
    public var displayName: String {
        url ?? name ?? digest.map { "digest \($0)" } ?? spec?.name ?? "an unnamed component"
    }
}

/// An argument of a v1 graph task or a graph output: a constant, `graphInput` or `taskOutput`.
public enum V1ArgumentValue: Sendable, Hashable {
    /// A constant, kept as written.
    case constant(JSONValue)
    /// `graphInput: {inputName, type}`.
    case graphInput(inputName: String, type: JSONValue?)
    /// `taskOutput: {taskId, outputName, type}`.
    case taskOutput(taskId: String, outputName: String, type: JSONValue?)
}

extension V1ArgumentValue: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        if let reference = json.objectValue?["graphInput"]?.objectValue, json.objectValue?.count == 1 {
            guard let name = reference["inputName"]?.stringValue else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'graphInput' needs 'inputName'"))
            }
            self = .graphInput(inputName: name, type: reference["type"])
        } else if let reference = json.objectValue?["taskOutput"]?.objectValue, json.objectValue?.count == 1 {
            guard let task = reference["taskId"]?.stringValue, let output = reference["outputName"]?.stringValue else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'taskOutput' needs 'taskId' and 'outputName'"))
            }
            self = .taskOutput(taskId: task, outputName: output, type: reference["type"])
        } else {
            self = .constant(json)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The YAML/JSON form, as it was read.
    public var json: JSONValue {
        switch self {
        case .constant(let value):
            return value
        case .graphInput(let name, let type):
            var reference: [String: JSONValue] = ["inputName": .string(name)]
            if let type { reference["type"] = type }
            return ["graphInput": .object(reference)]
        case .taskOutput(let task, let output, let type):
            var reference: [String: JSONValue] = ["taskId": .string(task), "outputName": .string(output)]
            if let type { reference["type"] = type }
            return ["taskOutput": .object(reference)]
        }
    }
}
