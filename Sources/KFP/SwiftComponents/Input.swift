public import KFPSpec

/// An input of a Swift component (KFP's function parameters and `Input[...]`): a parameter
/// (`String`, `Int`, `Double`, `Bool`, arrays, dictionaries, `Codable` values) or an artifact
/// (``Dataset``, ``Model``, ... or an array of them). A default value makes a parameter optional
/// and is its IR `defaultValue`; an `Optional` type makes an input optional without a default.
///
/// ```swift
/// @Input(description: "Rows to keep") var rows: Int = 100
/// @Input var data: Dataset
/// @Input var labels: [String]?
/// ```
///
/// In a pipeline, `$name` is the input's typed handle: set it in a typed task's wiring closure
/// (`p.task(Train.self) { $0.$data = split.outputs.$train }`).
///
/// The input is named after the property unless `name:` is given. The value is set by the
/// executor (``SwiftComponent``'s `execute` command) before `run()` is called; reading it at any
/// other time stops the program with a message saying so.
@propertyWrapper
public struct Input<Value: Codable & Sendable>: Sendable {
    let storage: FieldStorage<Value>
    let wiring = FieldStorage<ValueRef<Value>>(nil)
    let declaration: FieldDeclaration

    /// An input with a default value.
    public init(
        wrappedValue: Value, name: String? = nil, description: String? = nil, fileID: String = #fileID, line: Int = #line
    ) {
        storage = FieldStorage(wrappedValue)
        var problem: String?
        var json: JSONValue?
        do {
            json = try ParameterCoding.encode(wrappedValue)
        } catch {
            problem = "\(error)"
        }
        declaration = FieldDeclaration(
            direction: .input, name: name, description: description, defaultValue: json, defaultProblem: problem,
            site: CallSite(fileID: fileID, line: line))
    }

    /// An input without a default value (optional when `Value` is `Optional`).
    public init(name: String? = nil, description: String? = nil, fileID: String = #fileID, line: Int = #line) {
        storage = FieldStorage(nil)
        declaration = FieldDeclaration(
            direction: .input, name: name, description: description, defaultValue: nil, defaultProblem: nil,
            site: CallSite(fileID: fileID, line: line))
    }

    /// The input's value.
    public var wrappedValue: Value {
        guard let value = storage.value else {
            preconditionFailure(
                "\(declaration.site): input read before the executor set it; a Swift component's run() is called by its program's 'execute' command"
            )
        }
        return value
    }

    /// What a typed task passes to this input (``PipelineBuilder/task(_:after:options:fileID:line:_:)``).
    public var projectedValue: ValueRef<Value> {
        get {
            wiring.value
                ?? ValueRef(channel: Channel(
                    name: declaration.name ?? "input", taskName: nil, kind: .parameter(.string),
                    origin: .invalid(message: "an input's handle is only an argument to set, not a value to read")))
        }
        nonmutating set { wiring.value = newValue }
    }
}

extension Input: ComponentField {
    var valueType: Any.Type { Value.self }
    var wiredArgument: TaskArgument? { wiring.value?.argument }
    func wire(_ channel: Channel) {}

    func bind(_ name: String, from executorInput: ExecutorInput) throws(ExecutionError) {
        let type = FieldType(of: Value.self)
        switch type.kind {
        case .parameter(let parameterType):
            guard let json = executorInput.inputs.parameterValues?[name], json != .null else {
                if storage.value != nil { return }
                if let none = (Value.self as? any OptionalMarker.Type)?.noneValue as? Value {
                    storage.value = none
                    return
                }
                throw ExecutionError("input parameter '\(name)' has no value in the executor input and no default")
            }
            do {
                storage.value = try ParameterCoding.decode(json, as: Value.self)
            } catch {
                throw ExecutionError(
                    "input parameter '\(name)' is declared \(parameterType.rawValue) (\(Value.self)); the executor input gives \(json.compactJSON()): \(error)"
                )
            }
        case .artifact(_, let isList):
            let artifacts = executorInput.inputs.artifacts?[name]?.artifacts ?? []
            storage.value = try artifactValue(name, artifacts, isList: isList, isOptional: type.isOptional)
        }
    }

    private func artifactValue(
        _ name: String, _ artifacts: [RuntimeArtifact], isList: Bool, isOptional: Bool
    ) throws(ExecutionError) -> Value {
        let bareType = (Value.self as? any OptionalMarker.Type)?.wrappedType ?? Value.self
        if isList, let list = bareType as? any ArtifactListMarker.Type, let value = list.make(from: artifacts) as? Value {
            return value
        }
        if let first = artifacts.first, let single = bareType as? any ArtifactValue.Type,
            let value = single.init(runtime: first) as? Value
        {
            return value
        }
        if isOptional, let none = (Value.self as? any OptionalMarker.Type)?.noneValue as? Value {
            return none
        }
        throw ExecutionError("input artifact '\(name)' has no artifact in the executor input")
    }

    func outputValue(_ name: String) throws(ExecutionError) -> OutputValue {
        throw ExecutionError("'\(name)' is an input")
    }
}
