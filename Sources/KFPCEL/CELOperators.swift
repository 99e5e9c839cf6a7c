/// CEL's operators on values (cel-spec `doc/langdef.md`, "Standard Definitions"), with the
/// runtime semantics of cel-go as KFP's driver configures it:
///
/// - Arithmetic needs operands of one type: `int` and `uint` overflow, division and modulus by
///   zero are errors; `double` follows IEEE 754; `+` also joins strings, bytes and lists (up to
///   ``maxConcatenation`` bytes or elements).
/// - `==` and `!=` are heterogeneous: values of different types are simply unequal, except that
///   `int`, `uint` and `double` compare by numeric value (`1 == 1.0`).
/// - `<`, `<=`, `>`, `>=` order numbers across `int`/`uint`/`double`, and `bool`, `string`
///   (by code point) and `bytes` within their type; anything else is an error.
/// - `x in list` tests membership with `==`; `k in map` tests for a key.
enum CELOperators {
    static func apply(_ op: CELBinaryOperator, _ lhs: CELValue, _ rhs: CELValue) throws(CELFailure) -> CELValue {
        switch op {
        case .equal: return .bool(equals(lhs, rhs))
        case .notEqual: return .bool(!equals(lhs, rhs))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = try compare(lhs, rhs, op.rawValue) else { return .bool(false) }  // NaN
            switch op {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .in: return .bool(try contains(rhs, lhs))
        case .add, .subtract, .multiply, .divide, .remainder: return try arithmetic(op, lhs, rhs)
        case .and, .or: throw CELFailure.noOverload(op.rawValue, lhs, rhs)  // handled by the evaluator
        }
    }

    static func not(_ value: CELValue) throws(CELFailure) -> CELValue {
        guard case .bool(let flag) = value else { throw CELFailure.noOverload("!", value) }
        return .bool(!flag)
    }

    static func negate(_ value: CELValue) throws(CELFailure) -> CELValue {
        switch value {
        case .int(let number):
            guard number != .min else { throw CELFailure("integer overflow in '-'") }
            return .int(-number)
        case .double(let number): return .double(-number)
        default: throw CELFailure.noOverload("-", value)
        }
    }

    /// CEL's heterogeneous equality.
    static func equals(_ lhs: CELValue, _ rhs: CELValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equals($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.entries.allSatisfy { entry in
                b.value(for: entry.key.value).map { equals(entry.value, $0) } ?? false
            }
        default:
            return numericOrder(lhs, rhs) == 0
        }
    }

    /// -1, 0 or 1; `nil` when a NaN makes the numbers unordered.
    static func compare(_ lhs: CELValue, _ rhs: CELValue, _ op: String) throws(CELFailure) -> Int? {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.string(let a), .string(let b)):
            if a.unicodeScalars.elementsEqual(b.unicodeScalars) { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.bytes(let a), .bytes(let b)):
            if a == b { return 0 }
            return a.lexicographicallyPrecedes(b) ? -1 : 1
        default:
            guard isNumber(lhs), isNumber(rhs) else { throw CELFailure.noOverload(op, lhs, rhs) }
            return numericOrder(lhs, rhs)
        }
    }

    private static func isNumber(_ value: CELValue) -> Bool {
        switch value {
        case .int, .uint, .double: return true
        default: return false
        }
    }

    /// Orders two numbers by exact value across `int`, `uint` and `double`; `nil` if either is not a
    /// number or is NaN.
    private static func numericOrder(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.uint(let a), .uint(let b)): return sign(a, b)
        case (.double(let a), .double(let b)): return a.isNaN || b.isNaN ? nil : sign(a, b)
        case (.int(let a), .uint(let b)): return a < 0 ? -1 : sign(UInt64(a), b)
        case (.uint, .int): return numericOrder(rhs, lhs).map { -$0 }
        case (.int(let a), .double(let b)):
            if b.isNaN { return nil }
            if b >= 9_223_372_036_854_775_808.0 { return -1 }
            if b < -9_223_372_036_854_775_808.0 { return 1 }
            let whole = Int64(b.rounded(.down))  // in range after the checks above
            if a != whole { return sign(a, whole) }
            return b > b.rounded(.down) ? -1 : 0
        case (.double, .int): return numericOrder(rhs, lhs).map { -$0 }
        case (.uint(let a), .double(let b)):
            if b.isNaN { return nil }
            if b >= 18_446_744_073_709_551_616.0 { return -1 }
            if b < 0 { return 1 }
            let whole = UInt64(b.rounded(.down))
            if a != whole { return sign(a, whole) }
            return b > b.rounded(.down) ? -1 : 0
        case (.double, .uint): return numericOrder(rhs, lhs).map { -$0 }
        default: return nil
        }
    }

    /// `element in collection`.
    static func contains(_ collection: CELValue, _ element: CELValue) throws(CELFailure) -> Bool {
        switch collection {
        case .list(let elements): return elements.contains { equals($0, element) }
        case .map(let map): return map.contains(element)
        default: throw CELFailure.noOverload("in", element, collection)
        }
    }

    /// The largest string, bytes or list `+` builds, so that repeated doubling in a macro ends
    /// in an error rather than exhausting memory.
    static let maxConcatenation = 10_000_000

    private static func checkSize(_ size: Int, _ what: String, _ unit: String) throws(CELFailure) {
        guard size > maxConcatenation else { return }
        throw CELFailure("'+' would make \(what) of more than \(maxConcatenation) \(unit)")
    }

    /// `+ - * / %` on two integers of one kind, with CEL's errors for division by zero and overflow.
    private static func integerArithmetic<T: FixedWidthInteger>(
        _ op: CELBinaryOperator, _ a: T, _ b: T, overflowName: String
    ) throws(CELFailure) -> T {
        if b == 0, op == .divide || op == .remainder {
            throw CELFailure(op == .divide ? "division by zero" : "modulus by zero")
        }
        let (value, overflow): (T, Bool)
        switch op {
        case .add: (value, overflow) = a.addingReportingOverflow(b)
        case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide: (value, overflow) = a.dividedReportingOverflow(by: b)
        default: (value, overflow) = a.remainderReportingOverflow(dividingBy: b)
        }
        guard !overflow else { throw CELFailure("\(overflowName) overflow in '\(op.rawValue)'") }
        return value
    }

    private static func arithmetic(_ op: CELBinaryOperator, _ lhs: CELValue, _ rhs: CELValue) throws(CELFailure) -> CELValue {
        let symbol = op.rawValue
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return .int(try integerArithmetic(op, a, b, overflowName: "integer"))
        case (.uint(let a), .uint(let b)):
            return .uint(try integerArithmetic(op, a, b, overflowName: "unsigned integer"))
        case (.double(let a), .double(let b)):
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide: return .double(a / b)
            default: break
            }
        case (.string(let a), .string(let b)) where op == .add:
            try checkSize(a.utf8.count + b.utf8.count, "a string", "bytes")
            return .string(a + b)
        case (.bytes(let a), .bytes(let b)) where op == .add:
            try checkSize(a.count + b.count, "bytes", "bytes")
            return .bytes(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            try checkSize(a.count + b.count, "a list", "elements")
            return .list(a + b)
        default: break
        }
        throw CELFailure.noOverload(symbol, lhs, rhs)
    }
}
