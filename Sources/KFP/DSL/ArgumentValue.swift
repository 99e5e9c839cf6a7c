public import KFPSpec

/// What a task input receives: a run-time value (``Ref``), a constant, text with `Ref`s
/// interpolated, or lists and dicts of these.
///
/// Any ``ArgumentValue`` gives one. Written as a string literal, a `TaskArgument` interpolates
/// `Ref`s as values rather than as text:
///
/// ```swift
/// p.task(echo, ["text": "Hello \(name)" as TaskArgument])
/// ```
public struct TaskArgument: Sendable {
    /// The argument as a tree.
    package indirect enum Value: Sendable {
        /// A constant without run-time values.
        case constant(JSONValue)
        /// A channel passed as is.
        case channel(Channel)
        /// Text with channels interpolated; the compiler turns each channel into an injected input.
        case text(ArgumentText)
        /// A list holding channels or text.
        case list([Value])
        /// A dict holding channels or text (in keys or values).
        case object([ArgumentText: Value])
    }

    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }
}

extension TaskArgument.Value {
    /// The channels in the argument: the channel itself, or those inside text, lists and dicts, in
    /// order of appearance (dict entries by key), each once.
    package var channels: [Channel] {
        var result: [Channel] = []
        visitChannels { if !result.contains($0) { result.append($0) } }
        return result
    }

    private func visitChannels(_ visit: (Channel) -> Void) {
        switch self {
        case .constant: break
        case .channel(let channel): visit(channel)
        case .text(let text): text.channels.forEach(visit)
        case .list(let items): items.forEach { $0.visitChannels(visit) }
        case .object(let entries):
            for key in entries.keys.sorted(by: { $0.written < $1.written }) {
                key.channels.forEach(visit)
                entries[key]?.visitChannels(visit)
            }
        }
    }

    /// The argument as a JSON constant, each channel written by `placeholder`.
    package func rendered(_ placeholder: (Channel) -> String) -> JSONValue {
        switch self {
        case .constant(let constant): return constant
        case .channel(let channel): return .string(placeholder(channel))
        case .text(let text): return .string(text.rendered(placeholder))
        case .list(let items): return .array(items.map { $0.rendered(placeholder) })
        case .object(let entries):
            return .object(
                Dictionary(
                    entries.map { ($0.key.rendered(placeholder), $0.value.rendered(placeholder)) },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The argument as the user wrote it, channels in their interpolated form (for messages and
    /// type checks).
    package var written: JSONValue { rendered(\.pattern) }
}

/// A value a task input accepts: ``Ref``, `String`, `Int`, `Double`, `Bool`, ``KFPSpec/JSONValue``,
/// ``TaskArgument``, and lists and dicts of them.
///
/// ```swift
/// p.task(train, ["data": download.outputs["Data"], "epochs": 3, "note": "run \(p.jobName)"])
/// ```
public protocol ArgumentValue: Sendable {
    /// The argument.
    var taskArgument: TaskArgument { get }
}

extension Ref: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.channel(channel)) }
}

extension String: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.constant(.string(self))) }
}

extension Int: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.constant(.int(self))) }
}

extension Double: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.constant(.double(self))) }
}

extension Bool: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.constant(.bool(self))) }
}

extension JSONValue: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.constant(self)) }
}

extension Array: ArgumentValue where Element: ArgumentValue {
    public var taskArgument: TaskArgument { TaskArgument(.list(map(\.taskArgument.value))) }
}

extension Dictionary: ArgumentValue where Key == String, Value: ArgumentValue {
    public var taskArgument: TaskArgument {
        var entries: [ArgumentText: TaskArgument.Value] = [:]
        for (key, value) in self { entries[ArgumentText(literal: key)] = value.taskArgument.value }
        return TaskArgument(.object(entries))
    }
}

extension TaskArgument: ArgumentValue {
    public var taskArgument: TaskArgument { self }
}
