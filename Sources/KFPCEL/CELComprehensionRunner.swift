/// Runs the comprehension macros (cel-spec "Macros") over a list, or over a map's keys:
///
/// - `all(x, p)` is `true` when `p` holds for every element; like `&&` it is `false` as soon as
///   one element gives `false`, even if others gave errors.
/// - `exists(x, p)` is `true` when `p` holds for some element; like `||` a `true` absorbs errors.
/// - `exists_one(x, p)` is `true` when `p` holds for exactly one element; errors propagate.
/// - `map(x, t)` and `map(x, p, t)` transform (the elements passing `p`), `filter(x, p)` keeps
///   the elements for which `p` holds; errors propagate.
struct CELComprehensionRunner {
    let evaluator: CELEvaluator

    func run(_ node: CELNode, _ locals: [String: CELValue]) throws -> CELValue {
        guard case .comprehension(let comprehension) = node.kind else { throw evaluator.misplaced(node) }
        let items = try self.items(comprehension, node, locals)
        switch comprehension.kind {
        case .all, .exists: return try quantify(comprehension, items, locals)
        case .existsOne, .filter, .map: return try collect(comprehension, items, locals)
        }
    }

    /// The list's elements, or the map's keys.
    private func items(_ comprehension: CELComprehension, _ node: CELNode, _ locals: [String: CELValue]) throws -> [CELValue] {
        let range = try evaluator.evaluate(comprehension.range, locals)
        switch range {
        case .list(let elements): return elements
        case .map(let map): return map.keys.map(\.value)
        default: throw evaluator.error("\(comprehension.kind.rawValue)() cannot iterate over \(range.typeName)", node)
        }
    }

    /// `all` and `exists`, absorbing errors like `&&` and `||`.
    private func quantify(_ comprehension: CELComprehension, _ items: [CELValue], _ locals: [String: CELValue]) throws -> CELValue {
        let absorbing = comprehension.kind == .exists
        var scope = locals
        var pending: (any Error)?
        for item in items {
            scope[comprehension.variable] = item
            do {
                if try predicate(comprehension.body, scope) == absorbing { return .bool(absorbing) }
            } catch {
                if pending == nil { pending = error }
            }
        }
        if let pending { throw pending }
        return .bool(!absorbing)
    }

    /// `exists_one`, `filter` and `map`, where errors propagate.
    private func collect(_ comprehension: CELComprehension, _ items: [CELValue], _ locals: [String: CELValue]) throws -> CELValue {
        var scope = locals
        var kept: [CELValue] = []
        for item in items {
            scope[comprehension.variable] = item
            switch comprehension.kind {
            case .map:
                if let filter = comprehension.filter, try !predicate(filter, scope) { continue }
                kept.append(try evaluator.evaluate(comprehension.body, scope))
            default:
                if try predicate(comprehension.body, scope) { kept.append(item) }
            }
        }
        return comprehension.kind == .existsOne ? .bool(kept.count == 1) : .list(kept)
    }

    /// Evaluates a predicate that must give a bool.
    private func predicate(_ body: CELNode, _ scope: [String: CELValue]) throws -> Bool {
        let value = try evaluator.evaluate(body, scope)
        guard case .bool(let flag) = value else {
            throw evaluator.error("a predicate must give a bool, found \(value.typeName) \(value.quoted)", body)
        }
        return flag
    }
}
