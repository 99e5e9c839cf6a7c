import KFPCEL
import KFPSpec
import Testing

/// Trigger conditions in the forms the KFP SDK compiler writes (`_resolve_condition_operands`
/// in kfp/compiler/compiler_utils.py), evaluated over `inputs.parameter_values`.
@Suite("CEL trigger conditions")
struct CELConditionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let condition: String
        let parameters: [String: JSONValue]
        let expected: Bool

        var testDescription: String { "\(condition) with \(parameters)" }
    }

    static let coin = "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads'"
    static let elif = "!(inputs.parameter_values['pipelinechannel--flip-three-sided-die-Output'] == 'heads') && "
        + "inputs.parameter_values['pipelinechannel--flip-three-sided-die-Output'] == 'tails'"
    static let pick = "inputs.parameter_values['pipelinechannel--pick_a'] == true"
    static let random = "int(inputs.parameter_values['pipelinechannel--random-num-Output']) > 5"
    static let loop = "int(inputs.parameter_values['pipelinechannel--loop-item-param-1']) >= "
        + "int(inputs.parameter_values['pipelinechannel--threshold'])"
    static let mixed = "double(int(inputs.parameter_values['pipelinechannel--count'])) < 2.5"
    static let text = "inputs.parameter_values['pipelinechannel--code'] == '123'"
    static let rate = "inputs.parameter_values['pipelinechannel--rate'] >= 0.5"
    static let notEqual = "inputs.parameter_values['pipelinechannel--flip-coin-Output'] != 'heads'"

    static let cases: [Case] = [
        Case(condition: coin, parameters: ["pipelinechannel--flip-coin-Output": "heads"], expected: true),
        Case(condition: coin, parameters: ["pipelinechannel--flip-coin-Output": "tails"], expected: false),
        Case(condition: notEqual, parameters: ["pipelinechannel--flip-coin-Output": "tails"], expected: true),
        Case(condition: notEqual, parameters: ["pipelinechannel--flip-coin-Output": "heads"], expected: false),
        Case(condition: elif, parameters: ["pipelinechannel--flip-three-sided-die-Output": "tails"], expected: true),
        Case(condition: elif, parameters: ["pipelinechannel--flip-three-sided-die-Output": "heads"], expected: false),
        Case(condition: elif, parameters: ["pipelinechannel--flip-three-sided-die-Output": "draw"], expected: false),
        Case(condition: pick, parameters: ["pipelinechannel--pick_a": true], expected: true),
        Case(condition: pick, parameters: ["pipelinechannel--pick_a": false], expected: false),
        // Heterogeneous equality: a string is never equal to a bool (no error).
        Case(condition: pick, parameters: ["pipelinechannel--pick_a": "true"], expected: false),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": 7], expected: true),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": 5], expected: false),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": .double(6.0)], expected: true),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": .double(5.9)], expected: false),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": "9"], expected: true),
        Case(condition: random, parameters: ["pipelinechannel--random-num-Output": -3], expected: false),
        Case(
            condition: loop,
            parameters: ["pipelinechannel--loop-item-param-1": 3, "pipelinechannel--threshold": 3], expected: true),
        Case(
            condition: loop,
            parameters: ["pipelinechannel--loop-item-param-1": 2, "pipelinechannel--threshold": .double(3.0)],
            expected: false),
        Case(
            condition: loop,
            parameters: ["pipelinechannel--loop-item-param-1": "10", "pipelinechannel--threshold": 9], expected: true),
        Case(condition: mixed, parameters: ["pipelinechannel--count": 2], expected: true),
        Case(condition: mixed, parameters: ["pipelinechannel--count": 3], expected: false),
        Case(condition: text, parameters: ["pipelinechannel--code": "123"], expected: true),
        Case(condition: text, parameters: ["pipelinechannel--code": 123], expected: false),
        Case(condition: rate, parameters: ["pipelinechannel--rate": 0.75], expected: true),
        Case(condition: rate, parameters: ["pipelinechannel--rate": 1], expected: true),
        Case(condition: rate, parameters: ["pipelinechannel--rate": 0.25], expected: false),
    ]

    @Test("SDK condition forms", arguments: cases)
    func sdkForms(_ test: Case) throws {
        #expect(try CELProgram(test.condition).evaluateCondition(parameterValues: test.parameters) == test.expected)
    }

    @Test("A missing parameter is an evaluation error naming the key and the keys present")
    func missingParameter() {
        let error = #expect(throws: CELError.self) {
            try CELProgram(Self.coin).evaluateCondition(parameterValues: ["other": "x"])
        }
        #expect(error?.phase == .evaluation)
        #expect(error?.message == "no such key 'pipelinechannel--flip-coin-Output' in map (keys: 'other')")
        #expect(error?.column == 24)
    }

    @Test("int() of a non-number parameter is an error with the value")
    func badInt() {
        let error = #expect(throws: CELError.self) {
            try CELProgram(Self.random).evaluateCondition(parameterValues: ["pipelinechannel--random-num-Output": "abc"])
        }
        #expect(error?.message == "int(): cannot convert 'abc' to int")
        #expect(error?.column == 1)
    }

    @Test("A condition must give a bool")
    func nonBoolean() {
        let error = #expect(throws: CELError.self) {
            try CELProgram("inputs.parameter_values['x']").evaluateCondition(parameterValues: ["x": "yes"])
        }
        #expect(error?.message == "a trigger condition must give a bool, but this one gave string 'yes'")
        #expect(error?.column == nil)
    }

    @Test("Artifacts, field selection, has() and size() over inputs")
    func artifactsAndHas() throws {
        let artifacts: [String: JSONValue] = ["data": ["artifacts": [["name": "data", "uri": "/tmp/x"]]]]
        let params: [String: JSONValue] = ["n": 1]
        let program = try CELProgram(
            "has(inputs.artifacts.data) && size(inputs.artifacts.data.artifacts) == 1 && !has(inputs.parameter_values.m)")
        #expect(try program.evaluateCondition(parameterValues: params, artifacts: artifacts))
        #expect(try !program.evaluateCondition(parameterValues: params))
        let uri = try CELProgram("inputs.artifacts['data'].artifacts[0].uri.startsWith('/tmp')")
        #expect(try uri.evaluateCondition(parameterValues: [:], artifacts: artifacts))
    }

    @Test("A compiled condition is reusable and Sendable")
    func reuse() async throws {
        let program = try CELProgram(Self.random)
        let results = await withTaskGroup(of: Bool.self) { group in
            for value in 0..<10 {
                group.addTask {
                    (try? program.evaluateCondition(parameterValues: ["pipelinechannel--random-num-Output": .int(value)])) ?? false
                }
            }
            var count = 0
            for await result in group where result { count += 1 }
            return count
        }
        #expect(results == 4)
        #expect(program.source == Self.random)
    }
}
