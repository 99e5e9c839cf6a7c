public import KFPSpec

/// A typed handle on a value a task receives: a run-time value (a pipeline parameter, a task
/// output) or a constant, whose Swift type is the declared type of what it carries, so wiring a
/// `Dataset` output to an `Int` input does not compile.
///
/// ```swift
/// let rows = p.parameter("rows", Int.self, default: 100)        // ValueRef<Int>
/// let split = p.task(SplitData.self) { $0.$data = data; $0.$seed = 7 }
/// p.task(TrainClassifier.self) { $0.$train = split.outputs.$train }
/// ```
///
/// `ref` is the untyped ``Ref`` (for conditions, loops and untyped tasks); a `ValueRef` is also an
/// ``ArgumentValue``.
public struct ValueRef<Value: Codable & Sendable>: Sendable {
    package let argument: TaskArgument

    package init(_ argument: TaskArgument) {
        self.argument = argument
    }

    /// A run-time value.
    package init(channel: Channel) {
        self.argument = TaskArgument(.channel(channel))
    }

    /// A constant, written as KFP writes the value.
    ///
    /// A value that cannot be written as JSON becomes a handle that records a definition error
    /// where it is used.
    public static func constant(_ value: Value) -> ValueRef {
        do {
            return ValueRef(TaskArgument(.constant(try ParameterCoding.encode(value))))
        } catch {
            return ValueRef(channel: Channel(
                name: "constant", taskName: nil, kind: .parameter(.string),
                origin: .invalid(message: "the constant \(value) cannot be written as JSON: \(error)")))
        }
    }

    /// The untyped handle (a constant becomes nothing a condition can use: only run-time values
    /// have one).
    public var ref: Ref? {
        if case .channel(let channel) = argument.value { return Ref(channel) }
        return nil
    }
}

extension ValueRef: ArgumentValue {
    public var taskArgument: TaskArgument { argument }
}

extension ValueRef: ExpressibleByIntegerLiteral where Value == Int {
    public init(integerLiteral value: Int) { self = .constant(value) }
}

extension ValueRef: ExpressibleByFloatLiteral where Value == Double {
    public init(floatLiteral value: Double) { self = .constant(value) }
}

extension ValueRef: ExpressibleByBooleanLiteral where Value == Bool {
    public init(booleanLiteral value: Bool) { self = .constant(value) }
}

extension ValueRef: ExpressibleByUnicodeScalarLiteral where Value == String {
    public init(unicodeScalarLiteral value: String) { self = .constant(value) }
}

extension ValueRef: ExpressibleByExtendedGraphemeClusterLiteral where Value == String {
    public init(extendedGraphemeClusterLiteral value: String) { self = .constant(value) }
}

extension ValueRef: ExpressibleByStringLiteral where Value == String {
    public init(stringLiteral value: String) { self = .constant(value) }
}
