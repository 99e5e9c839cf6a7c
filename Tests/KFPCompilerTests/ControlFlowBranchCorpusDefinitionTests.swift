import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Corpus pipelines with OneOf, exit handlers and ignore-upstream-failure, defined in Swift and
/// compiled; the IR must equal what the Python SDK compiled.
@Suite("OneOf, exit-handler and upstream-failure pipelines compile like the Python SDK")
struct ControlFlowBranchCorpusDefinitionTests {
    @Test("critical/if_else_with_oneof_artifacts: an artifact OneOf returned by a sub-pipeline")
    func ifElseWithOneOfArtifacts() async throws {
        let file = "critical/if_else_with_oneof_artifacts.yaml"
        let flipCoin = try CorpusPython.component(file, function: "flip_coin")
        let paramToArtifact = try CorpusPython.component(file, function: "param_to_artifact")
        let printArtifact = try CorpusPython.component(file, function: "print_artifact")
        let inner = try Pipeline("flip-coin-pipeline") { p in
            let flip = p.task(flipCoin)
            let oneOf = p.oneOf(if: flip.output == "heads") { p in
                p.task(paramToArtifact, ["val": flip.output]).outputs["a"]
            }.else { p in
                p.task(paramToArtifact, ["val": flip.output]).outputs["a"]
            }
            p.task(printArtifact, ["a": oneOf])
            p.output("Output", oneOf)
        }
        let pipeline = try Pipeline("outer-pipeline") { p in
            let flip = p.task(inner)
            p.task(printArtifact, ["a": flip.output])
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/local_execution_pipeline_with_oneof: a parameter OneOf of If/Else on a boolean")
    func localOneOf() async throws {
        let file = "local_execution/local_execution_pipeline_with_oneof.yaml"
        let branchA = try CorpusPython.component(file, function: "branch_a")
        let branchB = try CorpusPython.component(file, function: "branch_b")
        let tagSelected = try CorpusPython.component(file, function: "tag_selected")
        let pipeline = try Pipeline("pipeline-with-oneof") { p in
            let pickA = p.parameter("pick_a", .boolean, default: true)
            let value = p.oneOf(if: pickA == true) { p in p.task(branchA).output }
                .else { p in p.task(branchB).output }
            let tagged = p.task(tagSelected, ["value": value])
            p.output("Output", tagged.output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/local_execution_pipeline_with_exit_handler: an exit task reading the final status")
    func localExitHandler() async throws {
        let file = "local_execution/local_execution_pipeline_with_exit_handler.yaml"
        let recordExit = try CorpusPython.component(file, function: "record_exit")
        let echo = try CorpusPython.component(file, function: "echo")
        let description = """
            Runs `echo` inside an ExitHandler.
            On success the exit task receives a PipelineTaskFinalStatus with
            state='SUCCEEDED'. No pipeline output — KFP's compiler rejects
            returning a value from inside an ExitHandler.
            """
        let pipeline = try Pipeline("pipeline-with-exit-handler", description: description) { p in
            let message = p.parameter("message", .string, default: "hello")
            p.exitHandler { p in
                p.task(echo, ["message": message])
            } onExit: { p, _ in
                p.task(recordExit)
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/pipeline_with_input_status_state: an exit task with a final-status input and no outputs")
    func inputStatusState() async throws {
        let file = "critical/pipeline_with_input_status_state.yaml"
        let echoState = try CorpusPython.component(file, function: "echo_state")
        let someTask = try CorpusPython.component(file, function: "some_task")
        let pipeline = try Pipeline("status-state-pipeline") { p in
            p.exitHandler { p in
                p.task(someTask)
            } onExit: { p, status in
                p.task(echoState, ["status": status])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/local_execution_pipeline_with_ignore_upstream_failure: after() and ignore_upstream_failure()")
    func localIgnoreUpstreamFailure() async throws {
        let file = "local_execution/local_execution_pipeline_with_ignore_upstream_failure.yaml"
        let failAlways = try CorpusPython.component(file, function: "fail_always")
        let writeMarker = try CorpusPython.component(file, function: "write_marker")
        let pipeline = try Pipeline("pipeline-with-ignore-upstream-failure") { p in
            let markerPath = p.parameter("marker_path", .string)
            let upstream = p.task(failAlways)
            p.task(
                writeMarker, ["marker_path": markerPath], after: [upstream], options: .init(ignoresUpstreamFailure: true))
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_task_using_ignore_upstream_failure: a data dependency on a task that fails")
    func ignoreUpstreamFailureWithData() async throws {
        let file = "pipeline_with_task_using_ignore_upstream_failure.yaml"
        let failOp = try CorpusPython.component(file, function: "fail_op")
        let printOp = try CorpusPython.component(file, function: "print_op")
        let pipeline = try Pipeline("my-pipeline") { p in
            let sampleInput = p.parameter("sample_input", .string, default: "message")
            let task = p.task(failOp, ["message": sampleInput])
            p.task(printOp, ["message": task.output], options: .init(ignoresUpstreamFailure: true))
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_parallelfor_parallelism: nested loops with parallelism, dict items, lists of dicts from tasks")
    func parallelForParallelism() async throws {
        let file = "pipeline_with_parallelfor_parallelism.yaml"
        let printText = try CorpusPython.component(file, function: "print_text")
        let printInt = try CorpusPython.component(file, function: "print_int")
        let makers = try (0...3).map { try CorpusPython.component(file, function: "list_dict_maker_\($0)") }
        // KFP compiles list_dict_maker_1 to a file and loads it back; its output is then a plain list.
        let loadedMaker = try Component(yaml: SpecWriter().write(makers[1].component.spec))
        // The corpus file was compiled from a version of the source that still named it pipeline-with-loops.
        let pipeline = try Pipeline("pipeline-with-loops") { p in
            let loopParameter = p.parameter("loop_parameter", .list)
            p.parallelFor(loopParameter, parallelism: 2) { p, item in
                p.task(printText, ["msg": item])
                p.parallelFor(loopParameter) { p, nested in
                    p.task(printText, ["msg": nested])
                }
            }
            p.parallelFor([["A_a": "1", "B_b": "2"], ["A_a": "10", "B_b": "20"]], parallelism: 0) { p, item in
                p.task(printText, ["msg": item["A_a"]])
                p.task(printText, ["msg": item["B_b"]])
                p.parallelFor([["A_a": "10", "B_b": "20"], ["A_a": "100", "B_b": "200"]], parallelism: 1) { p, nested in
                    p.task(printText, ["msg": nested["A_a"]])
                    p.task(printText, ["msg": nested["B_b"]])
                }
            }
            p.parallelFor([["a": 1, "b": 2], ["a": 2, "b": 3], ["a": 3, "b": 4]], parallelism: 1) { p, item in
                p.task(printInt, ["x": item["a"]])
            }
            // List[Dict[str, int]], List[Dict] and List[dict] give dict items; a bare List gives strings.
            for (maker, itemType) in zip(makers, [ParameterType.struct, .struct, .struct, .string]) {
                let task = p.task(maker)
                p.parallelFor(task.output, itemType: itemType) { p, item in
                    p.task(printInt, ["x": item["a"]])
                }
            }
            let loaded = p.task(loadedMaker)
            p.parallelFor(loaded.output) { p, item in
                p.task(printInt, ["x": item["a"]])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_task_final_status: a named exit handler whose exit task reads a pipeline parameter")
    func taskFinalStatus() async throws {
        let file = "pipeline_with_task_final_status.yaml"
        let exitOp = try CorpusPython.component(file, function: "exit_op")
        let printOp = try CorpusPython.component(file, function: "print_op")
        let failOp = try CorpusPython.component(file, function: "fail_op")
        let pipeline = try Pipeline("pipeline-with-task-final-status") { p in
            let message = p.parameter("message", .string, default: "Hello World!")
            p.exitHandler(name: "my-pipeline") { p in
                p.task(printOp, ["message": message])
                p.task(failOp, ["message": "Task failed."])
            } onExit: { p, _ in
                p.task(exitOp, ["user_input": message])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("component_with_task_final_status_GH-12033: a component with a final-status input, compiled alone")
    func componentWithTaskFinalStatus() async throws {
        let file = "component_with_task_final_status_GH-12033.yaml"
        let exitComp = try CorpusPython.component(file, function: "exit_comp")
        try IRComparison.expectEqual(component: exitComp.component, corpus: file)
    }
}
