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
struct CELEvaluator {
    let source: String
    let bindings: [String: CELValue]

    /// Evaluates `node`; `locals` holds comprehension variables, which shadow `bindings`.
    func evaluate(_ node: CELNode, _ locals: [String: CELValue] = [:]) throws(CELError) -> CELValue {
        switch node.kind {
        case .literal(let value):
            return value
        case .identifier(let name):
            if let value = locals[name] ?? bindings[name] { return value }
            if CELValue.typeNames.contains(name) { return .type(name) }
            throw error("undeclared reference to '\(name)'", node)
        case .select(let operand, let field):
            let target = try evaluate(operand, locals)
            guard case .map(let map) = target else {
                throw error("cannot select field '\(field)' from \(target.typeName) \(target.quoted)", node)
            }
            guard let value = map.value(for: .string(field)) else { throw missingKey(.string(field), in: map, node) }
            return value
        case .index(let operand, let subscriptNode):
            let target = try evaluate(operand, locals)
            let key = try evaluate(subscriptNode, locals)
            return try index(target, key, node)
        case .call(let name, let argumentNodes):
            var arguments: [CELValue] = []
            for argument in argumentNodes { arguments.append(try evaluate(argument, locals)) }
            return try run(node) { () throws(CELFailure) in try CELFunctions.call(name, arguments) }
        case .method(let targetNode, let name, let argumentNodes):
            let target = try evaluate(targetNode, locals)
            var arguments: [CELValue] = []
            for argument in argumentNodes { arguments.append(try evaluate(argument, locals)) }
            return try run(node) { () throws(CELFailure) in try CELFunctions.callMethod(name, on: target, arguments) }
        case .not(let operand):
            let value = try evaluate(operand, locals)
            return try run(node) { () throws(CELFailure) in try CELOperators.not(value) }
        case .negate(let operand):
            let value = try evaluate(operand, locals)
            return try run(node) { () throws(CELFailure) in try CELOperators.negate(value) }
        case .binary(let op, let lhsNode, let rhsNode):
            if op == .and || op == .or { return try logical(op, lhsNode, rhsNode, node, locals) }
            let lhs = try evaluate(lhsNode, locals)
            let rhs = try evaluate(rhsNode, locals)
            return try run(node) { () throws(CELFailure) in try CELOperators.apply(op, lhs, rhs) }
        case .conditional(let conditionNode, let then, let otherwise):
            let condition = try evaluate(conditionNode, locals)
            guard case .bool(let flag) = condition else {
                throw error("the condition of '?:' must be a bool, found \(condition.typeName)", node)
            }
            return try evaluate(flag ? then : otherwise, locals)
        case .list(let elementNodes):
            var elements: [CELValue] = []
            for element in elementNodes { elements.append(try evaluate(element, locals)) }
            return .list(elements)
        case .map(let entries):
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
        case .has(let operand, let field):
            let target = try evaluate(operand, locals)
            guard case .map(let map) = target else {
                throw error("has() cannot test field '\(field)' of \(target.typeName) \(target.quoted)", node)
            }
            return .bool(map.contains(.string(field)))
        case .comprehension(let comprehension):
            return try CELComprehensionRunner(evaluator: self).run(comprehension, node, locals)
        }
    }

    /// `&&` and `||` with CEL's error absorption.
    private func logical(
        _ op: CELBinaryOperator, _ lhsNode: CELNode, _ rhsNode: CELNode, _ node: CELNode, _ locals: [String: CELValue]
    ) throws(CELError) -> CELValue {
        let absorbing = op == .or  // `true || x` is true; `false && x` is false
        var pending: CELError?
        for operand in [lhsNode, rhsNode] {
            do throws(CELError) {
                let value = try evaluate(operand, locals)
                guard case .bool(let flag) = value else {
                    throw error("no matching overload for '\(op.rawValue)' applied to \(value.typeName) \(value.quoted)", operand)
                }
                if flag == absorbing { return .bool(flag) }
            } catch {
                if pending == nil { pending = error }
            }
        }
        if let pending { throw pending }
        return .bool(!absorbing)
    }

    private func index(_ target: CELValue, _ key: CELValue, _ node: CELNode) throws(CELError) -> CELValue {
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

    func error(_ message: String, _ node: CELNode) -> CELError {
        CELError(message, phase: .evaluation, offset: node.offset, in: source)
    }
}
