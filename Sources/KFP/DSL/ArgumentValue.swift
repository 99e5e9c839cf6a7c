public import KFPSpec

/// What a task input receives: a run-time value (``Ref``) or a constant, possibly with `Ref`s
/// interpolated into strings or nested in lists and dicts.
public struct TaskArgument: Sendable {
    package enum Value: Sendable {
        /// A channel passed as is.
        case channel(Channel)
        /// A constant; strings inside may hold channel patterns (`"Hello \(name)"`), which the
        /// compiler turns into injected `pipelinechannel--` inputs.
        case constant(JSONValue)
    }

    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// The argument as a JSON value, channels written as their patterns (used inside lists and
    /// dicts).
    package var jsonValue: JSONValue {
        switch value {
        case .channel(let channel): return .string(channel.pattern)
        case .constant(let constant): return constant
        }
    }
}

/// A value a task input accepts: ``Ref``, `String`, `Int`, `Double`, `Bool`, ``KFPSpec/JSONValue``,
/// and lists and dicts of them.
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
    public var taskArgument: TaskArgument { TaskArgument(.constant(.array(map(\.taskArgument.jsonValue)))) }
}

extension Dictionary: ArgumentValue where Key == String, Value: ArgumentValue {
    public var taskArgument: TaskArgument {
        TaskArgument(.constant(.object(mapValues(\.taskArgument.jsonValue))))
    }
}

extension TaskArgument: ArgumentValue {
    public var taskArgument: TaskArgument { self }
}
