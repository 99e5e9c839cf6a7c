public import KFPSpec

extension TaskArgument: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Literal text.
    public init(stringLiteral value: String) {
        self.init(.constant(.string(value)))
    }

    /// Text with run-time values interpolated as values: `"Hello \(name)" as TaskArgument`.
    public init(stringInterpolation: Interpolation) {
        self.init(.text(stringInterpolation.text))
    }

    /// Builds text with ``Ref``s and ``ValueRef``s interpolated; anything else is interpolated as
    /// its description.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ArgumentText()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            text.append(.literal(literal))
        }

        /// Interpolates a run-time value.
        public mutating func appendInterpolation(_ value: Ref) {
            text.append(.channel(value.channel))
        }

        /// Interpolates a typed value: a run-time value, or a constant as its text.
        public mutating func appendInterpolation<Value: Codable & Sendable>(_ value: ValueRef<Value>) {
            text.append(contentsOf: value.argument.value.interpolatedText)
        }

        /// Interpolates anything else as `String(describing:)`.
        public mutating func appendInterpolation<Value>(_ value: Value) {
            text.append(.literal(String(describing: value)))
        }
    }
}

extension ValueRef: ExpressibleByStringInterpolation where Value == String {
    /// Text with run-time values interpolated: `$0.$greeting = "Hello \(name)"`.
    public init(stringInterpolation: TaskArgument.Interpolation) {
        self.init(TaskArgument(.text(stringInterpolation.text)))
    }
}

extension TaskArgument.Value {
    /// The argument as text: a channel as itself, a constant string as its characters, another
    /// constant as compact JSON.
    var interpolatedText: ArgumentText {
        switch self {
        case .channel(let channel): return ArgumentText([.channel(channel)])
        case .text(let text): return text
        case .constant(let constant): return ArgumentText(literal: constant.stringValue ?? constant.compactJSON())
        case .list, .object: return ArgumentText(literal: written.compactJSON())
        }
    }
}
