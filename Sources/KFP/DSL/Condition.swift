public import KFPSpec

/// A run-time comparison for ``PipelineBuilder/if(_:name:fileID:line:_:)``: KFP's
/// `ConditionOperation`, compiled to a CEL `triggerPolicy.condition`.
///
/// Build one by comparing a ``Ref`` with a literal or another `Ref`:
/// `flip.output == "heads"`, `count.output > 5`, `score.output >= threshold`.
public struct Condition: Sendable {
    /// One side of a comparison.
    public struct Operand: Sendable, Hashable {
        package enum Value: Sendable, Hashable {
            case channel(Channel)
            case string(String)
            case int(Int)
            case double(Double)
            case bool(Bool)
        }

        package let value: Value

        package init(_ value: Value) {
            self.value = value
        }

        package static func channel(_ channel: Channel) -> Operand { Operand(.channel(channel)) }
        package static func string(_ text: String) -> Operand { Operand(.string(text)) }
        package static func int(_ number: Int) -> Operand { Operand(.int(number)) }
        package static func double(_ number: Double) -> Operand { Operand(.double(number)) }
        package static func bool(_ flag: Bool) -> Operand { Operand(.bool(flag)) }
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    package let comparison: String
    package let left: Operand
    package let right: Operand
    /// `true` when the comparison is negated (`!(...)`), as for the implied conditions of Elif and
    /// Else branches.
    package var negated: Bool = false

    package init(_ comparison: String, _ left: Operand, _ right: Operand) {
        self.comparison = comparison
        self.left = left
        self.right = right
    }

    /// The channels the condition reads.
    package var channels: [Channel] {
        [left, right].compactMap { operand in
            if case .channel(let channel) = operand.value { return channel }
            return nil
        }
    }

    /// This condition negated.
    package var negation: Condition {
        var copy = self
        copy.negated.toggle()
        return copy
    }
}

/// A value that can stand on either side of a ``Condition``: a ``Ref``, `String`, `Int`, `Double`
/// or `Bool`.
public protocol ConditionOperand: Sendable {
    /// The operand.
    var conditionOperand: Condition.Operand { get }
}

extension Ref: ConditionOperand {
    public var conditionOperand: Condition.Operand { .channel(channel) }
}

extension String: ConditionOperand {
    public var conditionOperand: Condition.Operand { .string(self) }
}

extension Int: ConditionOperand {
    public var conditionOperand: Condition.Operand { .int(self) }
}

extension Double: ConditionOperand {
    public var conditionOperand: Condition.Operand { .double(self) }
}

extension Bool: ConditionOperand {
    public var conditionOperand: Condition.Operand { .bool(self) }
}

extension Ref {
    /// `lhs == rhs` at run time.
    public static func == (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition("==", lhs.conditionOperand, rhs.conditionOperand)
    }

    /// `lhs != rhs` at run time.
    public static func != (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition("!=", lhs.conditionOperand, rhs.conditionOperand)
    }

    /// `lhs < rhs` at run time.
    public static func < (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition("<", lhs.conditionOperand, rhs.conditionOperand)
    }

    /// `lhs <= rhs` at run time.
    public static func <= (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition("<=", lhs.conditionOperand, rhs.conditionOperand)
    }

    /// `lhs > rhs` at run time.
    public static func > (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition(">", lhs.conditionOperand, rhs.conditionOperand)
    }

    /// `lhs >= rhs` at run time.
    public static func >= (lhs: Ref, rhs: some ConditionOperand) -> Condition {
        Condition(">=", lhs.conditionOperand, rhs.conditionOperand)
    }
}
