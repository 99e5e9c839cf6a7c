public import KFPSpec

/// A handle on a value produced at run time: a pipeline parameter or artifact, a task output, a
/// loop item, a `Collected` list, a `OneOf`, or an exit task's final status.
///
/// Pass a `Ref` as a task argument, interpolate it into a string argument (`"Hello \(name)"`),
/// compare it to build a ``Condition`` (`flip.output == "heads"`), or loop over it. A `Ref` is
/// only meaningful inside the ``Pipeline`` body that made it. It is deliberately not `Equatable`:
/// `==` builds conditions.
public struct Ref: Sendable, CustomStringConvertible {
    package let channel: Channel

    package init(_ channel: Channel) {
        self.channel = channel
    }

    /// The text that stands for the value inside a Swift `String` it is interpolated into
    /// (`"Hello \(name)"`); the DSL reads it back as the value where the string becomes a task
    /// argument or option, and the compiler writes it as the placeholder of an injected input.
    public var description: String { channel.pattern }

    /// The IR parameter type, or `nil` for artifacts.
    public var parameterType: ParameterType? { channel.parameterType }

    /// The field `key` of a loop item whose items are dicts (KFP's `item.key`), read at run time
    /// with `parseJson(string_value)["key"]`.
    ///
    /// Only loop items have fields; using the field of any other value records a definition error
    /// where it is used.
    public subscript(key: String) -> Ref {
        guard case .loopArgument(_, let items) = channel.origin else {
            return Ref(
                Channel(
                    name: key, taskName: nil, kind: .parameter(.string),
                    origin: .invalid(message: "only a loop item has fields; \(channel.label()) is not a loop item")))
        }
        let valueType = Self.fieldType(items: items, key: key)
        return Ref(
            Channel(
                name: "", taskName: channel.taskName, kind: .parameter(valueType),
                origin: .loopVariable(argument: channel, key: key)))
    }

    /// KFP types a field by the first item's first value (`Dict[str, int]` → integer) for literal
    /// lists, and as a string otherwise.
    private static func fieldType(items: Channel.LoopItems, key: String) -> ParameterType {
        guard case .raw(let values) = items, case .object(let first)? = values.first,
            let firstValue = first.sorted(by: { $0.key < $1.key }).first?.value ?? first.first?.value
        else { return .string }
        return ParameterType.pythonTypeOf(firstValue)
    }
}

extension ParameterType {
    /// The IR type KFP gives a Python value of this shape (`type(value).__name__` mapped through
    /// `PARAMETER_TYPES_MAPPING`).
    package static func pythonTypeOf(_ value: JSONValue) -> ParameterType {
        switch value {
        case .bool: return .boolean
        case .int: return .numberInteger
        case .double: return .numberDouble
        case .array: return .list
        case .object: return .struct
        case .string, .null: return .string
        }
    }
}
