import KFPSpec

/// A compiled CEL (Common Expression Language) expression, the language KFP uses for task
/// trigger conditions and parameter selectors.
///
/// KFP's driver evaluates CEL with cel-go in two places, and the local runner mirrors both:
///
/// - **Trigger conditions** (`triggerPolicy.condition`, written by `dsl.If`/`dsl.Elif`/`dsl.Else`
///   and `dsl.Condition`) run over the task's resolved inputs, bound as `inputs` with
///   `parameter_values` and `artifacts` maps; see ``evaluateCondition(parameterValues:artifacts:)``.
///   A task whose condition is `false` is skipped.
/// - **Parameter selectors** (`parameterExpressionSelector`, e.g. the
///   `parseJson(string_value)["key"]` that `dsl.ParallelFor` writes for loop item fields) run over
///   one protobuf `Value` whose fields are bound as variables; see ``selectField(_:from:)``.
///
/// Compiling checks the syntax, the function names and their argument counts, so a broken
/// expression fails before any task runs. Evaluation never traps: every problem is a ``CELError``.
///
/// ```swift
/// let condition = try CELProgram("int(inputs.parameter_values['n']) > 5")
/// try condition.evaluateCondition(parameterValues: ["n": 7])   // true
/// try CELProgram.selectField("parseJson(string_value)['a']", from: #"{"a": 1}"#)  // 1
/// ```
package struct CELProgram: Sendable {
    /// The expression text.
    package let source: String
    private let root: CELNode

    /// How deeply an expression may nest (parentheses, calls, operands) before it is rejected.
    package static let maxDepth = CELParser.maxDepth

    /// Compiles `source`; throws a syntax ``CELError`` with the column of the problem.
    package init(_ source: String) throws(CELError) {
        self.source = source
        root = try CELParser.parse(source)
    }

    /// Evaluates the expression with the given variables and returns the result as JSON.
    ///
    /// JSON numbers that are integers are CEL `int`s, other numbers `double`s; objects are maps
    /// with string keys. A result that has no JSON form (a type, a map with non-string keys) is
    /// an error; `uint` results become integers and `bytes` base64 strings, as in protobuf JSON.
    package func evaluate(_ bindings: [String: JSONValue]) throws(CELError) -> JSONValue {
        var values: [String: CELValue] = [:]
        for (name, json) in bindings { values[name] = try convert(json, "variable '\(name)'") }
        let result = try evaluateValue(values)
        do throws(CELFailure) {
            return try result.jsonValue()
        } catch {
            throw CELError("the result: \(error.message)", phase: .evaluation, offset: nil, in: source)
        }
    }

    /// Evaluates a trigger condition over a task's inputs, as KFP's driver does before it
    /// schedules the task: `inputs.parameter_values[name]` is the resolved value of each input
    /// parameter and `inputs.artifacts[name]` the input artifacts.
    ///
    /// KFP runs the task when this is `true` and skips it when `false`; a result that is not a
    /// bool is an error (KFP: "return type is not bool").
    package func evaluateCondition(
        parameterValues: [String: JSONValue], artifacts: [String: JSONValue] = [:]
    ) throws(CELError) -> Bool {
        let inputs = try convert(.object(["parameter_values": .object(parameterValues), "artifacts": .object(artifacts)]), "inputs")
        let result = try evaluateValue(["inputs": inputs])
        guard case .bool(let flag) = result else {
            let message = "a trigger condition must give a bool, but this one gave \(result.typeName) \(result.quoted)"
            throw CELError(message, phase: .evaluation, offset: nil, in: source)
        }
        return flag
    }

    /// Evaluates a parameter selector over `value`, as KFP's driver does for
    /// `parameterExpressionSelector`.
    ///
    /// The protobuf `Value` field that is set is bound by its proto name: `number_value` (a CEL
    /// `double`, as protobuf stores numbers), `bool_value`, `list_value`, `struct_value` or
    /// `null_value`. `string_value` is always bound, to the value as text, as KFP does: the string
    /// itself, a number in Go's `%f`-style shortest form, `true`/`false`, compact JSON for lists
    /// and structs, and the empty string for null. So `parseJson(string_value)["key"]` reads a
    /// field of a struct, and `parseJson(string_value)[0]` an element of a list.
    package func select(from value: JSONValue) throws(CELError) -> JSONValue {
        var bindings: [String: JSONValue] = [:]
        switch value {
        case .null:
            bindings["string_value"] = ""
            bindings["null_value"] = .null
        case .string(let text):
            bindings["string_value"] = .string(text)
        case .int(let number):
            bindings["string_value"] = .string(String(number))
            bindings["number_value"] = .double(Double(number))
        case .double(let number):
            bindings["string_value"] = .string(CELNumberFormat.goF(number))
            bindings["number_value"] = .double(number)
        case .bool(let flag):
            bindings["string_value"] = .string(flag ? "true" : "false")
            bindings["bool_value"] = .bool(flag)
        case .array:
            bindings["string_value"] = .string(value.compactJSON())
            bindings["list_value"] = value
        case .object:
            bindings["string_value"] = .string(value.compactJSON())
            bindings["struct_value"] = value
        }
        return try evaluate(bindings)
    }

    /// Compiles `selector` and evaluates it over `value`; see ``select(from:)``.
    package static func selectField(_ selector: String, from value: JSONValue) throws(CELError) -> JSONValue {
        try CELProgram(selector).select(from: value)
    }

    private func evaluateValue(_ bindings: [String: CELValue]) throws(CELError) -> CELValue {
        do {
            return try CELEvaluator(source: source, bindings: bindings).evaluate(root)
        } catch let error as CELError {
            throw error
        } catch {
            throw CELError("\(error)", phase: .evaluation, offset: nil, in: source)  // not reached
        }
    }

    private func convert(_ json: JSONValue, _ what: String) throws(CELError) -> CELValue {
        do throws(CELFailure) {
            return try CELValue(json)
        } catch {
            throw CELError("\(what): \(error.message)", phase: .evaluation, offset: nil, in: source)
        }
    }
}
