/// Turns parsed calls into nodes: expands CEL's macros and checks that every other function
/// exists with that many arguments, as cel-go's parser and checker do when KFP compiles a
/// condition or selector.
///
/// Macros (cel-spec `doc/langdef.md`, "Macros"): `has(a.b)` tests whether a map has the key `b`;
/// `l.all(x, p)`, `l.exists(x, p)`, `l.exists_one(x, p)`, `l.filter(x, p)`, `l.map(x, t)` and
/// `l.map(x, p, t)` iterate over a list (or a map's keys).
enum CELMacros {
    /// A call `name(arguments)` without a target.
    static func global(_ name: String, _ arguments: [CELNode], at offset: Int, parser: CELParser) throws(CELError) -> CELNode {
        if name == "has" {
            guard arguments.count == 1, case .select(let operand, let field) = arguments[0].kind else {
                throw parser.fail("has() takes one field selection, such as has(m.key)", at: offset)
            }
            return try parser.node(.has(operand, field: field), at: offset)
        }
        guard let arity = CELFunctions.globalArity[name] else {
            if CELFunctions.methodArity[name] != nil || CELComprehension.Kind(rawValue: name) != nil {
                throw parser.fail("unknown function '\(name)'; it is called as a method, e.g. x.\(name)(...)", at: offset)
            }
            throw parser.fail("unknown function '\(name)'", at: offset)
        }
        try checkArity(name, arity, arguments.count, at: offset, parser: parser)
        return try parser.node(.call(name, arguments), at: offset)
    }

    /// A call `target.name(arguments)`.
    static func method(
        _ target: CELNode, _ name: String, _ arguments: [CELNode], at offset: Int, parser: CELParser
    ) throws(CELError) -> CELNode {
        if let kind = CELComprehension.Kind(rawValue: name) {
            return try comprehension(kind, target, arguments, at: offset, parser: parser)
        }
        guard let arity = CELFunctions.methodArity[name] else {
            if CELFunctions.globalArity[name] != nil || name == "has" {
                throw parser.fail("unknown method '\(name)'; it is called as a function, e.g. \(name)(x)", at: offset)
            }
            throw parser.fail("unknown function '\(name)'", at: offset)
        }
        try checkArity(name, arity, arguments.count, at: offset, parser: parser)
        return try parser.node(.method(target, name, arguments), at: offset)
    }

    private static func comprehension(
        _ kind: CELComprehension.Kind, _ range: CELNode, _ arguments: [CELNode], at offset: Int, parser: CELParser
    ) throws(CELError) -> CELNode {
        let name = kind.rawValue
        let allowed = kind == .map ? 2...3 : 2...2
        try checkArity(name, allowed, arguments.count, at: offset, parser: parser)
        guard case .identifier(let variable) = arguments[0].kind else {
            throw parser.fail("\(name)() needs a variable name first, e.g. list.\(name)(x, x > 0)", at: arguments[0].offset)
        }
        let comprehension = CELComprehension(
            kind: kind, variable: variable, range: range, body: arguments[arguments.count - 1],
            filter: arguments.count == 3 ? arguments[1] : nil)
        return try parser.node(.comprehension(comprehension), at: offset)
    }

    private static func checkArity(
        _ name: String, _ arity: ClosedRange<Int>, _ count: Int, at offset: Int, parser: CELParser
    ) throws(CELError) {
        guard !arity.contains(count) else { return }
        let expected = arity.count == 1 ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
        let noun = arity == 1...1 ? "argument" : "arguments"
        throw parser.fail("\(name)() takes \(expected) \(noun) but was given \(count)", at: offset)
    }
}
