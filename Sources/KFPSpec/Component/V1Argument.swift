/// One command-line element of a v1 container: a literal or a placeholder.
///
/// The YAML forms are `{inputValue: x}`, `{inputPath: x}`, `{inputUri: x}`, `{outputPath: x}`,
/// `{outputUri: x}`, `{inputMetadata: x}`, `{outputMetadata: null}`, `{inputOutputPortName: x}`,
/// `{executorInput: null}`, `{concat: [...]}`, `{if: {cond: ..., then: ..., else: ...}}`, and the
/// v2-style `{ifPresent: {inputName: x, then: [...], else: [...]}}`.
public indirect enum V1Argument: Sendable, Hashable {
    /// A literal, kept as written (a YAML number stays a number).
    case literal(JSONValue)
    case inputValue(String)
    case inputPath(String)
    case inputUri(String)
    case outputPath(String)
    case outputUri(String)
    case inputMetadata(String)
    case outputMetadata
    case inputOutputPortName(String)
    case executorInput
    case concat([V1Argument])
    /// `if: {cond, then, else}`; a branch written as a single element rather than a list is `isList == false`.
    case ifPlaceholder(condition: V1Condition, then: V1ArgumentBranch, else: V1ArgumentBranch?)
    /// `ifPresent: {inputName, then, else}`.
    case ifPresent(inputName: String, then: [V1Argument], else: [V1Argument]?)
}

/// The `cond` of a v1 `if` placeholder.
public enum V1Condition: Sendable, Hashable {
    case isPresent(String)
    case inputValue(String)
    case constant(JSONValue)
}

/// A `then` or `else` branch: a list of elements, or one element written without a list.
public struct V1ArgumentBranch: Sendable, Hashable {
    public var elements: [V1Argument]
    public var isList: Bool

    public init(elements: [V1Argument], isList: Bool = true) {
        self.elements = elements
        self.isList = isList
    }
}

extension V1Argument: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            self = try V1Argument(json: json)
        } catch let problem as V1ArgumentProblem {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}

struct V1ArgumentProblem: Error {
    var message: String
}

extension V1Argument {
    static let placeholderKeys = [
        "inputValue", "inputPath", "inputUri", "outputPath", "outputUri", "inputMetadata", "outputMetadata",
        "inputOutputPortName", "executorInput", "concat", "if", "ifPresent",
    ]

    init(json: JSONValue) throws {
        guard case .object(let members) = json else {
            if json.arrayValue != nil {
                throw V1ArgumentProblem(message: "expected a string or a placeholder, found a list")
            }
            self = .literal(json)
            return
        }
        guard members.count == 1, let (key, value) = members.first else {
            let keys = members.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw V1ArgumentProblem(message: "expected a placeholder with exactly one key, found keys \(keys)")
        }
        func name() throws -> String {
            guard let text = value.stringValue ?? value.numericValue.map({ _ in value.compactJSON() }) else {
                throw V1ArgumentProblem(message: "placeholder '\(key)' expects an input or output name, found \(value.kindName)")
            }
            return text
        }
        switch key {
        case "inputValue": self = .inputValue(try name())
        case "inputPath": self = .inputPath(try name())
        case "inputUri": self = .inputUri(try name())
        case "outputPath": self = .outputPath(try name())
        case "outputUri": self = .outputUri(try name())
        case "inputMetadata": self = .inputMetadata(try name())
        case "inputOutputPortName": self = .inputOutputPortName(try name())
        case "outputMetadata": self = .outputMetadata
        case "executorInput": self = .executorInput
        case "concat":
            guard let items = value.arrayValue else {
                throw V1ArgumentProblem(message: "placeholder 'concat' expects a list, found \(value.kindName)")
            }
            self = .concat(try items.map(V1Argument.init(json:)))
        case "if": self = try V1Argument.ifPlaceholder(from: value)
        case "ifPresent": self = try V1Argument.ifPresent(from: value)
        default:
            let allowed = V1Argument.placeholderKeys.joined(separator: ", ")
            throw V1ArgumentProblem(message: "unknown placeholder '\(key)'; expected one of \(allowed)")
        }
    }

    private static func ifPlaceholder(from value: JSONValue) throws -> V1Argument {
        guard let structure = value.objectValue, let cond = structure["cond"], let then = structure["then"] else {
            throw V1ArgumentProblem(message: "placeholder 'if' expects a mapping with 'cond' and 'then'")
        }
        let condition: V1Condition
        if let present = cond.objectValue?["isPresent"]?.stringValue, cond.objectValue?.count == 1 {
            condition = .isPresent(present)
        } else if let input = cond.objectValue?["inputValue"]?.stringValue, cond.objectValue?.count == 1 {
            condition = .inputValue(input)
        } else if cond.objectValue == nil, cond.arrayValue == nil {
            condition = .constant(cond)
        } else {
            throw V1ArgumentProblem(
                message: "placeholder 'if' expects 'cond' to be {isPresent: NAME}, {inputValue: NAME} or a constant")
        }
        return .ifPlaceholder(
            condition: condition, then: try branch(then), else: try structure["else"].map(branch))
    }

    private static func branch(_ value: JSONValue) throws -> V1ArgumentBranch {
        if let items = value.arrayValue {
            return V1ArgumentBranch(elements: try items.map(V1Argument.init(json:)), isList: true)
        }
        return V1ArgumentBranch(elements: [try V1Argument(json: value)], isList: false)
    }

    private static func ifPresent(from value: JSONValue) throws -> V1Argument {
        guard let structure = value.objectValue, let name = structure["inputName"]?.stringValue else {
            throw V1ArgumentProblem(message: "placeholder 'ifPresent' expects a mapping with 'inputName'")
        }
        let then = try (structure["then"]?.arrayValue ?? []).map(V1Argument.init(json:))
        let otherwise = try structure["else"]?.arrayValue.map { try $0.map(V1Argument.init(json:)) }
        return .ifPresent(inputName: name, then: then, else: otherwise)
    }

    /// The YAML/JSON form of this element, as it was read.
    public var json: JSONValue {
        switch self {
        case .literal(let value): return value
        case .inputValue(let name): return ["inputValue": .string(name)]
        case .inputPath(let name): return ["inputPath": .string(name)]
        case .inputUri(let name): return ["inputUri": .string(name)]
        case .outputPath(let name): return ["outputPath": .string(name)]
        case .outputUri(let name): return ["outputUri": .string(name)]
        case .inputMetadata(let name): return ["inputMetadata": .string(name)]
        case .inputOutputPortName(let name): return ["inputOutputPortName": .string(name)]
        case .outputMetadata: return ["outputMetadata": .null]
        case .executorInput: return ["executorInput": .null]
        case .concat(let items): return ["concat": .array(items.map(\.json))]
        case .ifPlaceholder(let condition, let then, let otherwise):
            var structure: [String: JSONValue] = ["cond": condition.json, "then": then.json]
            if let otherwise { structure["else"] = otherwise.json }
            return ["if": .object(structure)]
        case .ifPresent(let name, let then, let otherwise):
            var structure: [String: JSONValue] = ["inputName": .string(name), "then": .array(then.map(\.json))]
            if let otherwise { structure["else"] = .array(otherwise.map(\.json)) }
            return ["ifPresent": .object(structure)]
        }
    }
}

extension V1Condition {
    var json: JSONValue {
        switch self {
        case .isPresent(let name): return ["isPresent": .string(name)]
        case .inputValue(let name): return ["inputValue": .string(name)]
        case .constant(let value): return value
        }
    }
}

extension V1ArgumentBranch {
    var json: JSONValue {
        isList || elements.count != 1 ? .array(elements.map(\.json)) : elements[0].json
    }
}
