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

    func run(_ comprehension: CELComprehension, _ node: CELNode, _ locals: [String: CELValue]) throws(CELError) -> CELValue {
        let range = try evaluator.evaluate(comprehension.range, locals)
        let items: [CELValue]
        switch range {
        case .list(let elements): items = elements
        case .map(let map): items = map.keys.map(\.value)
        default:
            throw evaluator.error("\(comprehension.kind.rawValue)() cannot iterate over \(range.typeName)", node)
        }
        var scope = locals
        switch comprehension.kind {
        case .all, .exists:
            let absorbing = comprehension.kind == .exists
            var pending: CELError?
            for item in items {
                scope[comprehension.variable] = item
                do throws(CELError) {
                    if try predicate(comprehension.body, scope) == absorbing { return .bool(absorbing) }
                } catch {
                    if pending == nil { pending = error }
                }
            }
            if let pending { throw pending }
            return .bool(!absorbing)
        case .existsOne:
            var count = 0
            for item in items {
                scope[comprehension.variable] = item
                if try predicate(comprehension.body, scope) { count += 1 }
            }
            return .bool(count == 1)
        case .filter:
            var kept: [CELValue] = []
            for item in items {
                scope[comprehension.variable] = item
                if try predicate(comprehension.body, scope) { kept.append(item) }
            }
            return .list(kept)
        case .map:
            var mapped: [CELValue] = []
            for item in items {
                scope[comprehension.variable] = item
                if let filter = comprehension.filter, try !predicate(filter, scope) { continue }
                mapped.append(try evaluator.evaluate(comprehension.body, scope))
            }
            return .list(mapped)
        }
    }

    /// Evaluates a predicate that must give a bool.
    private func predicate(_ body: CELNode, _ scope: [String: CELValue]) throws(CELError) -> Bool {
        let value = try evaluator.evaluate(body, scope)
        guard case .bool(let flag) = value else {
            throw evaluator.error("a predicate must give a bool, found \(value.typeName) \(value.quoted)", body)
        }
        return flag
    }
}
