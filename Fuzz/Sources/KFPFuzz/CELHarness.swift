import Foundation
import KFPSpec
import KFPCEL

/// CEL as the local runner uses it: trigger conditions, parameter selectors, and general
/// evaluation. The first line is the expression; the rest, when it is JSON, is the value to
/// select from (else a fixed value).
enum CELHarness {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let source = parts.first.map(String.init) ?? ""
        let value = parts.count > 1 ? ((try? JSONDecoder().decode(JSONValue.self, from: Data(parts[1].utf8))) ?? fixedValue) : fixedValue
        guard let program = try? CELProgram(source) else { return }
        _ = try? program.evaluate(["x": value, "n": 3, "s": "text", "l": [1, 2.5, "a"], "m": ["k": true]])
        _ = try? program.evaluateCondition(
            parameterValues: ["p": value, "count": 2, "flag": true, "name": "a"], artifacts: ["a": ["uri": "/tmp/a"]])
        _ = try? program.select(from: value)
    }

    private static let fixedValue: JSONValue = ["a": [1, 2, ["b": "c"]], "d": 1.5, "e": .null, "f": false]
}
