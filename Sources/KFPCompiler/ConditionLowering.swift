import Foundation
import KFP
import KFPSpec

/// Turns ``KFP/Condition``s into the CEL text KFP writes in `triggerPolicy.condition`
/// (`_binary_operations_to_cel_conjunctive`): operands of different types are promoted
/// (string > boolean > double > integer), integer inputs are wrapped in `int(...)`, and negated
/// comparisons are written `!(...)`.
enum ConditionLowering {
    static func cel(_ conditions: [Condition]) -> String {
        conditions.map(single).joined(separator: " && ")
    }

    private enum Kind: Int { case integer, double, boolean, string }

    private static func kind(of operand: Condition.Operand) -> Kind {
        switch operand.value {
        case .channel(let channel):
            switch channel.parameterType {
            case .numberInteger?: return .integer
            case .numberDouble?: return .double
            case .boolean?: return .boolean
            default: return .string
            }
        case .string: return .string
        case .int: return .integer
        case .double: return .double
        case .bool: return .boolean
        }
    }

    private static func single(_ condition: Condition) -> String {
        let kinds = [kind(of: condition.left), kind(of: condition.right)]
        let canonical = kinds.max { $0.rawValue < $1.rawValue } ?? .string
        let values = [condition.left, condition.right].map { operand in
            render(operand, as: canonical)
        }
        let text = "\(values[0]) \(condition.comparison) \(values[1])"
        return condition.negated ? "!(\(text))" : text
    }

    private static func render(_ operand: Condition.Operand, as canonical: Kind) -> String {
        let own = kind(of: operand)
        var text: String
        switch operand.value {
        case .channel(let channel):
            text = "inputs.parameter_values['\(channel.injectedInputName)']"
            if channel.parameterType == .numberInteger { text = "int(\(text))" }
        case .string(let value): text = "'\(value)'"
        case .bool(let value): text = value ? "true" : "false"
        case .int(let value): text = String(value)
        case .double(let value): text = PythonNumber.repr(value)
        }
        guard own != canonical else { return text }
        switch canonical {
        case .string: return "'\(text)'"
        case .boolean:
            if case .int(let value) = operand.value { return value == 0 ? "true" : "false" }
            return text
        case .double: return "double(\(text))"
        case .integer: return text
        }
    }
}

/// Python's `repr` of a float: `1.0`, `0.5`, `1e-05`.
enum PythonNumber {
    static func repr(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e16 {
            return String(format: "%.1f", value)
        }
        return "\(value)"
    }
}
