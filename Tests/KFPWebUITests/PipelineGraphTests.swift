import Foundation
import KFPSpec
import KFPTestSupport
import Testing

@testable import KFPWebUI

/// Corpus specs for the graph tests; `nil` (the corpus's notice already printed) when the corpus is absent.
enum GraphCorpus {
    static func spec(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> PipelineSpec? {
        guard let corpus = TestEnvironment.corpus else { return nil }
        let url = corpus.appendingPathComponent("pipelines/valid/\(path)")
        let loaded = try SpecLoader(file: path).load(try Data(contentsOf: url))
        let spec: PipelineSpec = try #require(loaded.pipelineSpec, sourceLocation: sourceLocation)
        return spec
    }
}

@Suite("Pipeline graph")
struct PipelineGraphTests {
    /// `id kind label` of each node, in order.
    private func summary(_ graph: PipelineGraph) -> [String] {
        graph.nodes.map { "\($0.id) \($0.kind.rawValue) \($0.label)" }
    }

    private func edges(_ graph: PipelineGraph) -> [String] {
        graph.edges.map { "\($0.from)->\($0.to)" }
    }

    /// The message of the error thrown for `path`, or `nil` when none is thrown.
    private func message(_ spec: PipelineSpec, _ path: String) -> String? {
        do {
            _ = try PipelineGraph(spec: spec, layerPath: path)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("the root DAG of pipeline_with_loops: one container and three loops, in topological order")
    func loopsRoot() throws {
        guard let spec = try GraphCorpus.spec("parallel_and_nested/pipeline_with_loops.yaml") else { return }
        let graph = try PipelineGraph(spec: spec, layerPath: "")
        #expect(
            summary(graph) == [
                "args-generator-op container args-generator-op", "for-loop-1 loop for-loop-1",
                "for-loop-2 loop for-loop-2", "for-loop-4 loop for-loop-4",
            ])
        #expect(edges(graph) == ["args-generator-op->for-loop-2"])
        #expect(graph.nodes.map(\.opens) == [false, true, true, true])
        #expect(
            graph.nodes.map(\.componentName) == [
                "comp-args-generator-op", "comp-for-loop-1", "comp-for-loop-2", "comp-for-loop-4",
            ])
        #expect(graph.nodes[0].detail == "python:3.11")
        #expect(graph.nodes[1].detail == "for each item of loop_parameter")
        #expect(graph.nodes[2].detail == "for each item of args-generator-op-Output")
        #expect(graph.nodes[3].detail == #"for each item of [{"A_a": "1", "B_b": "2"}, {"A_a": "10", "B_b": "20"}]"#)
    }

    @Test(
        "a loop body opens with or without an iteration index",
        arguments: ["for-loop-2", "for-loop-2/0", "for-loop-2/17"])
    func loopBody(path: String) throws {
        guard let spec = try GraphCorpus.spec("parallel_and_nested/pipeline_with_loops.yaml") else { return }
        let graph = try PipelineGraph(spec: spec, layerPath: path)
        #expect(
            summary(graph) == [
                "print-struct container print-struct", "print-text-2 container print-text-2",
                "print-text-3 container print-text-3",
            ])
        #expect(graph.edges.isEmpty)
    }

    @Test("loop details: parallelism limits and artifact iterators")
    func loopDetails() throws {
        if let spec = try GraphCorpus.spec("pipeline_with_parallelfor_parallelism.yaml") {
            let nodes = try PipelineGraph(spec: spec, layerPath: "").nodes
            let details = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.detail ?? "") })
            #expect(details["for-loop-1"] == "for each item of loop_parameter, 2 at a time")
            #expect(
                details["for-loop-8"]
                    == #"for each item of [{"a": 1, "b": 2}, {"a": 2, "b": 3}, {"a": 3, "b": 4}], 1 at a time"#.prefix(
                        79) + "…")
        }
        if let spec = try GraphCorpus.spec("pipeline_with_parallelfor_list_artifacts_GH-12033.yaml") {
            let root = try PipelineGraph(spec: spec, layerPath: "")
            #expect(
                summary(root) == [
                    "make-artifacts dag make-artifacts", "for-loop-1 loop for-loop-1",
                    "make-datasets dag make-datasets",
                    "for-loop-2 loop for-loop-2",
                ])
            #expect(root.nodes[1].detail == "for each item of make-artifacts-Output")
            let nested = try PipelineGraph(spec: spec, layerPath: "make-datasets/for-loop-1/3")
            #expect(summary(nested) == ["make-dataset container make-dataset"])
        }
    }

    @Test("a path that names no task, or a container, fails with a message naming the path")
    func badPaths() throws {
        guard let spec = try GraphCorpus.spec("parallel_and_nested/pipeline_with_loops.yaml") else { return }
        #expect(
            message(spec, "for-loop-2/0/x")
                == "no task 'x' in the DAG at 'for-loop-2/0' (tasks: print-struct, print-text-2, print-text-3)")
        #expect(
            message(spec, "0")
                == "no task '0' in the root DAG (tasks: args-generator-op, for-loop-1, for-loop-2, for-loop-4)")
        #expect(
            message(spec, "for-loop-2/0/1")
                == "no task '1' in the DAG at 'for-loop-2/0' (tasks: print-struct, print-text-2, print-text-3)")
        #expect(
            message(spec, "args-generator-op")
                == "task 'args-generator-op' in the root DAG runs component 'comp-args-generator-op', which is not a DAG; "
                + "only loops, conditions, sub-pipelines and exit-handler groups open")
        #expect(
            message(spec, "for-loop-2//print-struct")
                == "empty task name after the DAG at 'for-loop-2' in path 'for-loop-2//print-struct'; expected task names separated by '/'"
        )
        #expect(message(spec, "/for-loop-2")?.hasPrefix("empty task name after the root DAG") == true)
        do {
            _ = try PipelineGraph(spec: spec, layerPath: "nope")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .noSuchTask)
            #expect(error.path == "nope")
            #expect(error.description == error.message)
        }
    }

    @Test("conditions inside loops: kinds, CEL details and iteration paths")
    func conditionsInLoops() throws {
        guard let spec = try GraphCorpus.spec("conditional_producer_and_consumers.yaml") else { return }
        let root = try PipelineGraph(spec: spec, layerPath: "")
        #expect(summary(root) == ["for-loop-2 loop for-loop-2", "condition-4 condition condition-4"])
        #expect(edges(root) == ["for-loop-2->condition-4"])
        #expect(root.nodes[0].detail == "for each item of [1, 2, 3]")
        #expect(root.nodes[1].detail == "int(inputs.parameter_values['pipelinechannel--threshold']) == 2")
        let body = try PipelineGraph(spec: spec, layerPath: "for-loop-2/1")
        #expect(summary(body) == ["condition-3 condition condition-3"])
        let inner = try PipelineGraph(spec: spec, layerPath: "for-loop-2/1/condition-3")
        #expect(summary(inner) == ["double container double"])
        #expect(try PipelineGraph(spec: spec, layerPath: "for-loop-2/condition-3") == inner)
    }

    @Test("an exit handler: the group is a sub-DAG with its display name, the exit task is marked")
    func exitHandler() throws {
        guard let spec = try GraphCorpus.spec("pipeline_with_task_final_status.yaml") else { return }
        let root = try PipelineGraph(spec: spec, layerPath: "")
        #expect(summary(root) == ["exit-handler-1 dag my-pipeline", "exit-op container exit-op"])
        #expect(edges(root) == ["exit-handler-1->exit-op"])
        #expect(root.nodes.map(\.isExitTask) == [false, true])
        #expect(root.nodes[0].detail == nil)
        let group = try PipelineGraph(spec: spec, layerPath: "exit-handler-1")
        #expect(summary(group) == ["fail-op container fail-op", "print-op container print-op"])
    }

    @Test("importers, display names and nested pipelines")
    func otherKinds() throws {
        if let spec = try GraphCorpus.spec("pipeline_with_importer.yaml") {
            let root = try PipelineGraph(spec: spec, layerPath: "")
            #expect(
                summary(root) == [
                    "importer importer importer", "train container train", "condition-1 condition condition-1",
                ])
            #expect(edges(root) == ["importer->train", "train->condition-1"])
            #expect(root.nodes[0].detail == "gs://ml-pipeline-playground/shakespeare1.txt")
            let branch = try PipelineGraph(spec: spec, layerPath: "condition-1")
            #expect(summary(branch) == ["importer-2 importer importer-2", "train-2 container train-2"])
            #expect(edges(branch) == ["importer-2->train-2"])
        }
        if let spec = try GraphCorpus.spec("two_step_pipeline.yaml") {
            let root = try PipelineGraph(spec: spec, layerPath: "")
            #expect(summary(root) == ["write-to-gcs container Producer", "read-from-gcs container Consumer"])
            #expect(root.nodes.map(\.detail) == ["google/cloud-sdk:slim", "google/cloud-sdk:slim"])
        }
        if let spec = try GraphCorpus.spec("parallel_and_nested/pipeline_in_pipeline.yaml") {
            let root = try PipelineGraph(spec: spec, layerPath: "")
            #expect(summary(root) == ["inner-pipeline dag inner-pipeline", "print-op1 container print-op1"])
            let inner = try PipelineGraph(spec: spec, layerPath: "inner-pipeline")
            #expect(edges(inner) == ["print-op1->print-op2"])
            #expect(inner.nodes.map(\.componentName) == ["comp-print-op1-2", "comp-print-op2"])
        }
    }

    @Test("if/elif/else branches are conditions; a long CEL text is cut to 80 characters")
    func branches() throws {
        guard let spec = try GraphCorpus.spec("if_elif_else_with_oneof_parameters.yaml") else { return }
        let graph = try PipelineGraph(spec: spec, layerPath: "roll-die-pipeline/condition-branches-1")
        #expect(graph.nodes.map(\.kind) == [.condition, .condition, .condition])
        #expect(graph.nodes.map { $0.detail?.count } == [80, 80, 80])
        #expect(
            graph.nodes[0].detail == "inputs.parameter_values['pipelinechannel--flip-three-sided-die-Output'] == 'hea…")
        #expect(
            graph.nodes[1].detail == "!(inputs.parameter_values['pipelinechannel--flip-three-sided-die-Output'] == 'h…")
        let parent = try PipelineGraph(spec: spec, layerPath: "roll-die-pipeline")
        #expect(
            summary(parent) == [
                "flip-three-sided-die container flip-three-sided-die", "condition-branches-1 dag condition-branches-1",
            ])
    }

    @Test("every node that opens, in every valid corpus pipeline, opens; edges name nodes of the graph")
    func everyCorpusLayerOpens() throws {
        var layers = 0
        for url in TestEnvironment.corpusFiles("pipelines/valid") {
            guard let spec = try? SpecLoader(file: url.path).load(try Data(contentsOf: url)).pipelineSpec,
                spec.root.dag != nil
            else { continue }
            var pending = [""]
            while let path = pending.popLast() {
                let graph = try PipelineGraph(spec: spec, layerPath: path)
                layers += 1
                let ids = Set(graph.nodes.map(\.id))
                #expect(ids.count == graph.nodes.count, "\(url.lastPathComponent) '\(path)'")
                #expect(graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
                for node in graph.nodes where node.opens {
                    let child = path.isEmpty ? node.id : "\(path)/\(node.id)"
                    pending.append(node.kind == .loop ? "\(child)/0" : child)
                }
                let position = Dictionary(uniqueKeysWithValues: graph.nodes.enumerated().map { ($1.id, $0) })
                #expect(
                    graph.edges.allSatisfy { (position[$0.from] ?? 0) < (position[$0.to] ?? 0) }, "topological order")
            }
        }
        if TestEnvironment.corpus != nil { #expect(layers > 100) }
        print("pipeline graph: \(layers) corpus DAG layers opened")
    }

    @Test("a single-component spec has no graph")
    func noRootDAG() {
        let spec = PipelineSpec(
            pipelineInfo: PipelineInfo(name: "echo"), root: ComponentSpec(executorLabel: "exec-echo"))
        #expect(message(spec, "") == "pipeline 'echo' has no root DAG (it is a single component)")
    }

    @Test("missing components and executors become resolver nodes; a cycle still lists every task once")
    func brokenSpec() throws {
        var a = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-a"))
        a.dependentTasks = ["b", "elsewhere"]
        var b = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-missing"), taskInfo: TaskInfo(name: ""))
        b.dependentTasks = ["a", "b"]
        let spec = PipelineSpec(
            pipelineInfo: PipelineInfo(name: "broken"), deploymentSpec: DeploymentSpec(executors: [:]),
            components: ["comp-a": ComponentSpec(executorLabel: "exec-a")],
            root: ComponentSpec(dag: DagSpec(tasks: ["a": a, "b": b])))
        let graph = try PipelineGraph(spec: spec, layerPath: "")
        #expect(summary(graph) == ["a resolver a", "b resolver b"])
        #expect(graph.nodes.map(\.detail) == ["executor 'exec-a' is missing", "component 'comp-missing' is missing"])
        #expect(edges(graph) == ["a->b", "b->a"])
        #expect(
            message(spec, "b")
                == "task 'b' in the root DAG runs component 'comp-missing', which the spec does not define")
    }

    @Test("a root DAG with more than 12 tasks lists the first 12 in the error")
    func longTaskList() throws {
        var tasks: [String: PipelineTaskSpec] = [:]
        for index in 0..<15 { tasks["t\(index + 10)"] = PipelineTaskSpec(componentRef: ComponentRef(name: "comp-t")) }
        let spec = PipelineSpec(
            pipelineInfo: PipelineInfo(name: "many"), root: ComponentSpec(dag: DagSpec(tasks: tasks)))
        #expect(
            message(spec, "x")
                == "no task 'x' in the root DAG (tasks: t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, … (3 more))"
        )
    }
}
