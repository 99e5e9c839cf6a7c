/// Evaluates a parsed CEL expression over variable bindings, with cel-go's runtime semantics
/// (the evaluator in KFP's driver):
///
/// - `&&` and `||` are commutative and absorb errors: `false && <error>` and `<error> && false`
///   are `false`, `true || <error>` and `<error> || true` are `true`; otherwise the error wins.
///   A non-boolean operand counts as an error. `all` and `exists` absorb the same way.
/// - `c ? a : b` evaluates only the chosen branch; `c` must be a bool.
/// - Field selection `m.f` and indexing `m['k']` look a key up in a map (a missing key is an
///   error); `l[i]` takes an element of a list by integer (or integral double) position.
/// - Other operators and functions evaluate every argument first; errors propagate.
///
/// The recursive functions use untyped `throws` (the error travels in a register instead of a
/// stack slot per call site) but only ever throw ``CELError``.
struct CELEvaluator {
    let source: String
    let bindings: [String: CELValue]

    /// Evaluates `node`; `locals` holds comprehension variables, which shadow `bindings`.
    ///
    /// Each kind of node is handled by its own function, which takes the node apart itself: this
    /// keeps the recursion's frames small, so that the deepest accepted expression (see
    /// ``CELParser/maxDepth``) evaluates within a 512 KiB thread stack even in a debug build.
    func evaluate(_ node: CELNode, _ locals: [String: CELValue] = [:]) throws -> CELValue {
        switch node.kind {
        case .literal(let value): return value
        case .identifier: return try identifier(node, locals)
        case .select, .has: return try select(node, locals)
        case .index: return try index(node, locals)
        case .call, .method: return try call(node, locals)
        case .not, .negate: return try unary(node, locals)
        case .binary: return try binary(node, locals)
        case .conditional: return try conditional(node, locals)
        case .list, .map: return try collection(node, locals)
        case .comprehension: return try CELComprehensionRunner(evaluator: self).run(node, locals)
        }
    }

    private func identifier(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        guard case .identifier(let name) = node.kind else { throw misplaced(node) }
        if let value = locals[name] ?? bindings[name] { return value }
        if CELValue.typeNames.contains(name) { return .type(name) }
        throw error("undeclared reference to '\(name)'", node)
    }

    /// `operand.field`, and `has(operand.field)`.
    private func select(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        let operand: CELNode
        let field: String
        let isTest: Bool
        switch node.kind {
        case .select(let target, let name): (operand, field, isTest) = (target, name, false)
        case .has(let target, let name): (operand, field, isTest) = (target, name, true)
        default: throw misplaced(node)
        }
        let target = try evaluate(operand, locals)
        guard case .map(let map) = target else {
            let message = isTest ? "has() cannot test field '\(field)' of" : "cannot select field '\(field)' from"
            throw error("\(message) \(target.typeName) \(target.quoted)", node)
        }
        if isTest { return .bool(map.contains(.string(field))) }
        guard let value = map.value(for: .string(field)) else { throw missingKey(.string(field), in: map, node) }
        return value
    }

    private func index(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        guard case .index(let operand, let keyNode) = node.kind else { throw misplaced(node) }
        let target = try evaluate(operand, locals)
        let key = try evaluate(keyNode, locals)
        return try index(target, key, node)
    }

    private func evaluateAll(_ nodes: [CELNode], _ locals: [String: CELValue]) throws -> [CELValue] {
        var values: [CELValue] = []
        values.reserveCapacity(nodes.count)
        for node in nodes { values.append(try evaluate(node, locals)) }
        return values
    }

    /// A function or method call: the target and every argument are evaluated first.
    private func call(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        var target: CELValue?
        let name: String
        let arguments: [CELValue]
        switch node.kind {
        case .call(let function, let argumentNodes):
            name = function
            arguments = try evaluateAll(argumentNodes, locals)
        case .method(let targetNode, let function, let argumentNodes):
            target = try evaluate(targetNode, locals)
            name = function
            arguments = try evaluateAll(argumentNodes, locals)
        default:
            throw misplaced(node)
        }
        return try run(node) { () throws(CELFailure) in
            if let target { return try CELFunctions.callMethod(name, on: target, arguments) }
            return try CELFunctions.call(name, arguments)
        }
    }

    private func unary(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        switch node.kind {
        case .not(let operand):
            let value = try evaluate(operand, locals)
            return try run(node) { () throws(CELFailure) in try CELOperators.not(value) }
        case .negate(let operand):
            let value = try evaluate(operand, locals)
            return try run(node) { () throws(CELFailure) in try CELOperators.negate(value) }
        default:
            throw misplaced(node)
        }
    }

    private func binary(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        guard case .binary(let op, let lhsNode, let rhsNode) = node.kind else { throw misplaced(node) }
        if op == .and || op == .or { return try logical(op, lhsNode, rhsNode, locals) }
        let lhs = try evaluate(lhsNode, locals)
        let rhs = try evaluate(rhsNode, locals)
        return try run(node) { () throws(CELFailure) in try CELOperators.apply(op, lhs, rhs) }
    }

    private func conditional(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        guard case .conditional(let conditionNode, let then, let otherwise) = node.kind else { throw misplaced(node) }
        let condition = try evaluate(conditionNode, locals)
        guard case .bool(let flag) = condition else {
            throw error("the condition of '?:' must be a bool, found \(condition.typeName)", node)
        }
        return try evaluate(flag ? then : otherwise, locals)
    }

    /// List and map literals.
    private func collection(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        if case .list(let elements) = node.kind { return .list(try evaluateAll(elements, locals)) }
        guard case .map(let entries) = node.kind else { throw misplaced(node) }
        var map = CELMap()
        for entry in entries {
            let key = try evaluate(entry.key, locals)
            guard let mapKey = CELMapKey(key) else {
                throw error("a map key must be a bool, int, uint or string, found \(key.typeName)", entry.key)
            }
            guard !map.contains(key) else { throw error("repeated key \(key.quoted) in a map literal", entry.key) }
            map.insert(mapKey, try evaluate(entry.value, locals))
        }
        return .map(map)
    }

    /// `&&` and `||` with CEL's error absorption.
    private func logical(
        _ op: CELBinaryOperator, _ lhsNode: CELNode, _ rhsNode: CELNode, _ locals: [String: CELValue]
    ) throws -> CELValue {
        let absorbing = op == .or  // `true || x` is true; `false && x` is false
        var pending: (any Error)?
        for operand in [lhsNode, rhsNode] {
            do {
                let value = try evaluate(operand, locals)
                guard case .bool(let flag) = value else {
                    throw error("'\(op.rawValue)' needs bool operands, found \(value.typeName) \(value.quoted)", operand)
                }
                if flag == absorbing { return .bool(flag) }
            } catch {
                if pending == nil { pending = error }
            }
        }
        if let pending { throw pending }
        return .bool(!absorbing)
    }

    private func index(_ target: CELValue, _ key: CELValue, _ node: CELNode) throws -> CELValue {
        switch target {
        case .map(let map):
            guard CELMapKey(key) != nil || key.typeName == "double" else {
                throw error("a map cannot be indexed with \(key.typeName) \(key.quoted)", node)
            }
            guard let value = map.value(for: key) else { throw missingKey(key, in: map, node) }
            return value
        case .list(let elements):
            let position: Int64
            switch key {
            case .int(let number): position = number
            case .uint(let number): position = Int64(exactly: number) ?? .max
            case .double(let number):
                guard let exact = Int64(exactly: number) else {
                    throw error("a list index must be a whole number, found \(key.quoted)", node)
                }
                position = exact
            default:
                throw error("a list cannot be indexed with \(key.typeName) \(key.quoted)", node)
            }
            guard position >= 0, position < elements.count else {
                throw error("index \(key.quoted) out of range for a list of size \(elements.count)", node)
            }
            return elements[Int(position)]
        default:
            throw error("cannot index \(target.typeName) \(target.quoted) with \(key.typeName) \(key.quoted)", node)
        }
    }

    private func missingKey(_ key: CELValue, in map: CELMap, _ node: CELNode) -> CELError {
        let known = map.keys.prefix(10).map { $0.value.quoted }.joined(separator: ", ")
        let more = map.count > 10 ? ", ..." : ""
        let hint = map.count == 0 ? " (the map is empty)" : " (keys: \(known)\(more))"
        return error("no such key \(key.quoted) in map\(hint)", node)
    }

    /// Runs an operator or function, giving a failure the node's position.
    func run(_ node: CELNode, _ body: () throws(CELFailure) -> CELValue) throws(CELError) -> CELValue {
        do throws(CELFailure) {
            return try body()
        } catch {
            throw self.error(error.message, node)
        }
    }

    /// A node handed to the wrong function (not reached).
    func misplaced(_ node: CELNode) -> CELError {
        error("internal error: unexpected node", node)
    }

    func error(_ message: String, _ node: CELNode) -> CELError {
        CELError(message, phase: .evaluation, offset: node.offset, in: source)
    }
}
