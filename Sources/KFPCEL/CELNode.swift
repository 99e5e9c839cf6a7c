/// A node of a parsed CEL expression: the abstract syntax of cel-spec's grammar, with the macros
/// `has`, `all`, `exists`, `exists_one`, `map` and `filter` already expanded (as cel-go does).
///
/// Every node remembers where it starts in the source (for error columns) and its height, which
/// the parser keeps below ``CELParser/maxDepth`` so that evaluating (and freeing) a tree never
/// recurses deeply.
struct CELNode: Sendable {
    indirect enum Kind: Sendable {
        case literal(CELValue)
        case identifier(String)
        /// `operand.field`
        case select(CELNode, field: String)
        /// `operand[index]`
        case index(CELNode, CELNode)
        /// `name(arguments)`
        case call(String, [CELNode])
        /// `target.name(arguments)`
        case method(CELNode, String, [CELNode])
        case not(CELNode)
        case negate(CELNode)
        case binary(CELBinaryOperator, CELNode, CELNode)
        /// `condition ? then : otherwise`
        case conditional(CELNode, CELNode, CELNode)
        case list([CELNode])
        case map([(key: CELNode, value: CELNode)])
        /// `has(operand.field)`
        case has(CELNode, field: String)
        case comprehension(CELComprehension)
    }

    let kind: Kind
    /// The 0-based scalar offset of the token that names this node (operator, function, field).
    let offset: Int
    /// 1 for a leaf, otherwise 1 + the height of the tallest child.
    let height: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        height = 1 + (Self.children(of: kind).map(\.height).max() ?? 0)
    }

    /// Whether this is a name or a dotted name (`a`, `a.b`), which `{` may not follow.
    var isName: Bool {
        switch kind {
        case .identifier, .select: return true
        default: return false
        }
    }

    private static func children(of kind: Kind) -> [CELNode] {
        switch kind {
        case .literal, .identifier: return []
        case .select(let operand, _), .has(let operand, _), .not(let operand), .negate(let operand):
            return [operand]
        case .index(let operand, let index): return [operand, index]
        case .call(_, let arguments): return arguments
        case .method(let target, _, let arguments): return [target] + arguments
        case .binary(_, let lhs, let rhs): return [lhs, rhs]
        case .conditional(let condition, let then, let otherwise): return [condition, then, otherwise]
        case .list(let elements): return elements
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let comprehension):
            return [comprehension.range, comprehension.body] + (comprehension.filter.map { [$0] } ?? [])
        }
    }
}

/// The binary operators, from loosest to tightest: `||`; `&&`; the relations; `+ -`; `* / %`.
enum CELBinaryOperator: String, Sendable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// How tightly the operator binds: 0 for `||` up to 4 for `* / %`.
    var precedence: Int {
        switch self {
        case .or: return 0
        case .and: return 1
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return 2
        case .add, .subtract: return 3
        case .multiply, .divide, .remainder: return 4
        }
    }
}

/// An expanded comprehension macro: `range.all(x, body)`, `range.exists(x, body)`,
/// `range.exists_one(x, body)`, `range.map(x, body)`, `range.map(x, filter, body)`,
/// `range.filter(x, body)`.
struct CELComprehension: Sendable {
    enum Kind: String, Sendable {
        case all, exists
        case existsOne = "exists_one"
        case map, filter
    }

    let kind: Kind
    /// The element (for a map, the key) variable.
    let variable: String
    let range: CELNode
    /// The predicate (`all`, `exists`, `exists_one`, `filter`) or the transform (`map`).
    let body: CELNode
    /// The filter of the three-argument `map`.
    let filter: CELNode?
}
