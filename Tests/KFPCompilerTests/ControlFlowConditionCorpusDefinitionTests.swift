import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Corpus pipelines with conditions, If/Elif/Else OneOfs and exit handlers compiled by older SDKs
/// (their components install no packages, so the pip prelude matches), defined in Swift and
/// compiled; the IR must equal what the Python SDK compiled.
@Suite("Condition and OneOf pipelines compile like the Python SDK")
struct ControlFlowConditionCorpusDefinitionTests {
    @Test("essential/pipeline_with_condition: one If reading a task output and a pipeline parameter")
    func pipelineWithCondition() async throws {
        let file = "essential/pipeline_with_condition.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin_op")
        let printOp = try CorpusPython.component(file, function: "print_op")
        let noCache = TaskOptions(cachingEnabled: false)
        let pipeline = try Pipeline("single-condition-pipeline") { p in
            let text = p.parameter("text", .string, default: "condition test")
            let flip1 = p.task(flipCoin, options: noCache)
            p.task(printOp, ["msg": flip1.output])
            p.if(flip1.output == "heads") { p in
                let flip2 = p.task(flipCoin, options: noCache)
                p.task(printOp, ["msg": flip2.output])
                p.task(printOp, ["msg": text])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("essential/pipeline_with_nested_conditions: an If inside an If comparing two task outputs")
    func nestedConditions() async throws {
        let file = "essential/pipeline_with_nested_conditions.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin_op")
        let printOp = try CorpusPython.component(file, function: "print_op")
        let pipeline = try Pipeline("nested-conditions-pipeline") { p in
            let flip1 = p.task(flipCoin)
            p.task(printOp, ["msg": flip1.output])
            let flip2 = p.task(flipCoin)
            p.task(printOp, ["msg": flip2.output])
            p.if(flip1.output != "no-such-result") { p in
                let flip3 = p.task(flipCoin)
                p.task(printOp, ["msg": flip3.output])
                p.if(flip2.output == flip3.output) { p in
                    let flip4 = p.task(flipCoin)
                    p.task(printOp, ["msg": flip4.output])
                }
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("if_elif_else_with_oneof_parameters: an If/Elif/Else OneOf returned by a sub-pipeline")
    func ifElifElseWithOneOf() async throws {
        let file = "if_elif_else_with_oneof_parameters.yaml"
        let flipDie = try CorpusPython.component(file, function: "flip_three_sided_die")
        let printAndReturn = try CorpusPython.component(file, function: "print_and_return")
        let specialPrint = try CorpusPython.component(file, function: "special_print_and_return")
        let rollDie = try Pipeline("roll-die-pipeline") { p in
            let flip = p.task(flipDie)
            let value = p.oneOf(if: flip.output == "heads") { p in
                p.task(printAndReturn, ["text": "Got heads!"]).output
            }.elseIf(flip.output == "tails") { p in
                p.task(printAndReturn, ["text": "Got tails!"]).output
            }.else { p in
                p.task(specialPrint, ["text": "Draw!"]).outputs["output_key"]
            }
            p.output("Output", value)
        }
        let pipeline = try Pipeline("outer-pipeline") { p in
            let roll = p.task(rollDie)
            p.output("Output", p.task(printAndReturn, ["text": roll.output]).output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("if_else_with_oneof_parameters: a OneOf consumed by a task and returned")
    func ifElseWithOneOf() async throws {
        let file = "if_else_with_oneof_parameters.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin")
        let printAndReturn = try CorpusPython.component(file, function: "print_and_return")
        let pipeline = try Pipeline("flip-coin-pipeline") { p in
            let flip = p.task(flipCoin)
            let value = p.oneOf(if: flip.output == "heads") { p in
                p.task(printAndReturn, ["text": "Got heads!"]).output
            }.else { p in
                p.task(printAndReturn, ["text": "Got tails!"]).output
            }
            p.task(printAndReturn, ["text": value])
            p.output("Output", value)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/parameter_oneof: a OneOf returned through two levels of sub-pipelines")
    func parameterOneOf() async throws {
        let file = "critical/parameter_oneof.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin")
        let coreComp = try CorpusPython.component(file, function: "core_comp")
        let coreOutputComp = try CorpusPython.component(file, function: "core_output_comp")
        let crustComp = try CorpusPython.component(file, function: "crust_comp")
        let noCache = TaskOptions(cachingEnabled: false)
        let core = try Pipeline("core") { p in
            let flip = p.task(flipCoin, options: noCache)
            let value = p.oneOf(if: flip.output == "heads") { p in
                p.task(coreComp, ["input": "Got heads!"], options: noCache).output
            }.else { p in
                p.task(coreOutputComp, ["input": "Got tails!"], options: noCache).outputs["output_key"]
            }
            p.output("Output", value)
        }
        let mantle = try Pipeline("mantle") { p in
            p.output("Output", p.task(core, options: noCache).output)
        }
        let pipeline = try Pipeline("parameter-oneof-pipeline") { p in
            let dag = p.task(mantle, options: noCache)
            p.task(crustComp, ["input": dag.output], options: noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("failing/pipeline_with_exit_handler: an exit task with a constant argument, a body of two tasks")
    func exitHandler() async throws {
        let file = "failing/pipeline_with_exit_handler.yaml"
        let printOp = try CorpusPython.component(file, function: "print_op")
        let failOp = try CorpusPython.component(file, function: "fail_op")
        let pipeline = try Pipeline("pipeline-with-exit-handler") { p in
            let message = p.parameter("message", .string, default: "Hello World!")
            p.exitHandler { p in
                p.task(printOp, ["message": message])
                p.task(failOp, ["message": "Task failed."])
            } onExit: { p, _ in
                p.task(printOp, ["message": "Exit handler has worked!"])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("conditional_producer_and_consumers: Collected of a task under an If in a loop, consumed under an If")
    func conditionalProducerAndConsumers() async throws {
        let file = "conditional_producer_and_consumers.yaml"
        let double = try CorpusPython.component(file, function: "double")
        let add = try CorpusPython.component(file, function: "add")
        var doubled: Ref?
        var sum: Ref?
        let pipeline = try Pipeline("math-pipeline") { p in
            let threshold = p.parameter("threshold", .numberInteger, default: 2)
            p.parallelFor([1, 2, 3]) { p, x in
                p.if(x >= threshold) { p in doubled = p.task(double, ["num": x]).output }
            }
            let collected = p.collected(try #require(doubled))
            p.if(threshold == 2) { p in sum = p.task(add, ["nums": collected]).output }
            // As in the Python source, the pipeline returns `dsl.Collected` of a task that is in no loop.
            p.output("Output", p.collected(try #require(sum)))
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }
}
