import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Pipelines of lightweight Python components, defined in Swift (function sources read from the
/// corpus) and compiled; the IR must equal what the Python SDK compiled.
@Suite("Python-component pipelines compile like the Python SDK")
struct PythonCorpusDefinitionTests {
    @Test("critical/flip_coin: nested conditions, f-strings of task outputs, caching off")
    func flipCoin() async throws {
        let file = "critical/flip_coin.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin")
        let randomNum = try CorpusPython.component(file, function: "random_num")
        let printMsg = try CorpusPython.component(file, function: "print_msg")
        let noCache = TaskOptions(cachingEnabled: false)
        let pipeline = try Pipeline("conditional-execution-pipeline", description: "Shows how to use dsl.If().") { p in
            let flip = p.task(flipCoin, options: noCache)
            p.if(flip.output == "heads") { p in
                let number = p.task(randomNum, ["low": 0, "high": 9], options: noCache)
                p.if(number.output > 5) { p in
                    p.task(printMsg, ["msg": "heads and \(number.output) > 5!"], options: noCache)
                }
                p.if(number.output <= 5) { p in
                    p.task(printMsg, ["msg": "heads and \(number.output) <= 5!"], options: noCache)
                }
            }
            p.if(flip.output == "tails") { p in
                let number = p.task(randomNum, ["low": 10, "high": 19], options: noCache)
                p.if(number.output > 15) { p in
                    p.task(printMsg, ["msg": "tails and \(number.output) > 15!"], options: noCache)
                }
                p.if(number.output <= 15) { p in
                    p.task(printMsg, ["msg": "tails and \(number.output) <= 15!"], options: noCache)
                }
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }
}
