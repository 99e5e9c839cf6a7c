import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Control-flow corpus pipelines (loops, Collected, OneOf, exit handlers, ignore-upstream-failure)
/// defined in Swift and compiled; the IR must equal what the Python SDK compiled.
@Suite("Control-flow pipelines compile like the Python SDK")
struct ControlFlowCorpusDefinitionTests {
    @Test("parallel_and_nested/pipeline_with_loops: loops over a parameter, a task output and literal dicts")
    func pipelineWithLoops() async throws {
        let file = "parallel_and_nested/pipeline_with_loops.yaml"
        let argsGenerator = try CorpusPython.component(file, function: "args_generator_op")
        let printText = try CorpusPython.component(file, function: "print_text")
        let printStruct = try CorpusPython.component(file, function: "print_struct")
        let pipeline = try Pipeline("pipeline-with-loops") { p in
            let loopParameter = p.parameter("loop_parameter", .list, default: ["a", "b"])
            p.parallelFor(loopParameter) { p, item in
                p.task(printText, ["msg": item])
            }
            let generator = p.task(argsGenerator)
            p.parallelFor(generator.output, itemType: .struct) { p, item in
                p.task(printStruct, ["struct": item])
                p.task(printText, ["msg": item["A_a"]])
                p.task(printText, ["msg": item["B_b"]])
            }
            p.parallelFor([["A_a": "1", "B_b": "2"], ["A_a": "10", "B_b": "20"]]) { p, item in
                p.task(printStruct, ["struct": item])
                p.task(printText, ["msg": item["A_a"]])
                p.task(printText, ["msg": item["B_b"]])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_parallelfor_pipeline_param: pipeline parameters and task outputs inside loops")
    func parallelForPipelineParam() async throws {
        let file = "pipeline_with_parallelfor_pipeline_param.yaml"
        let printWithPrefix = try CorpusPython.component(file, function: "print_with_prefix")
        let makePrefix = try CorpusPython.component(file, function: "make_prefix")
        let pipeline = try Pipeline(
            "pipeline-parallelfor-pipeline-param", description: "Pipeline parameter used alongside loop item inside ParallelFor."
        ) { p in
            let prefix = p.parameter("prefix", .string)
            let loopParameter = p.parameter("loop_parameter", .list)
            p.parallelFor(loopParameter, parallelism: 1) { p, item in
                p.task(printWithPrefix, ["prefix": prefix, "item": item])
            }
            let prefixTask = p.task(makePrefix)
            p.parallelFor(loopParameter) { p, item in
                p.task(printWithPrefix, ["prefix": prefixTask.output, "item": item])
            }
            p.parallelFor(["x", "y"], parallelism: 2) { p, _ in
                p.parallelFor(loopParameter) { p, inner in
                    p.task(printWithPrefix, ["prefix": prefix, "item": inner])
                }
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("parallel_and_nested/loop_consume_upstream: a loop over a task output, display names, caching off")
    func loopConsumeUpstream() async throws {
        let file = "parallel_and_nested/loop_consume_upstream.yaml"
        let splitInput = try CorpusPython.component(file, function: "split_input")
        let createFile = try CorpusPython.component(file, function: "create_file")
        let readFile = try CorpusPython.component(file, function: "read_file")
        let printInput = try CorpusPython.component(file, function: "print_input")
        let options = TaskOptions(displayName: "same display name", cachingEnabled: false)
        let pipeline = try Pipeline("loop-consume-upstream", displayName: "Loop Consume Upstream") { p in
            let split = p.task(splitInput, ["input": "component1,component2,component3"], options: options)
            p.parallelFor(split.output) { p, modelID in
                let create = p.task(createFile, ["content": modelID], options: options)
                p.task(readFile, ["file": create.outputs["file"]], options: options)
            }
            p.task(printInput, ["input": split.output], options: options)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/collected_parameters: Collected returned by a sub-pipeline and consumed inside it")
    func collectedParameters() async throws {
        let file = "critical/collected_parameters.yaml"
        let splitIDs = try CorpusPython.component(file, function: "split_ids")
        let prependID = try CorpusPython.component(file, function: "prepend_id")
        let consumeIDs = try CorpusPython.component(file, function: "consume_ids")
        let consumeSingleID = try CorpusPython.component(file, function: "consume_single_id")
        let noCache = TaskOptions(cachingEnabled: false)
        let collecting = try Pipeline("collecting-parameters") { p in
            let modelIDs = p.parameter("model_ids", .string, default: "")
            let split = p.task(splitIDs, ["ids": modelIDs])
            let ids = p.collect(over: split.output) { p, modelID in
                let prepend = p.task(prependID, ["content": modelID], options: noCache)
                p.task(consumeSingleID, ["id": prepend.output], options: noCache)
                return prepend.output
            }
            p.task(consumeIDs, ["ids": ids], options: noCache)
            p.output("Output", ids)
        }
        let pipeline = try Pipeline("collected-param-pipeline") { p in
            let dag = p.task(collecting, ["model_ids": "s1,s2,s3"], options: noCache)
            p.task(consumeIDs, ["ids": dag.output], options: noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/pipeline_with_collected_artifacts: Collected artifacts of a literal loop")
    func collectedArtifacts() async throws {
        let file = "local_execution/pipeline_with_collected_artifacts.yaml"
        let writeArtifact = try CorpusPython.component(file, function: "write_artifact")
        let readAndJoin = try CorpusPython.component(file, function: "read_and_join")
        let pipeline = try Pipeline("pipeline-with-collected-artifacts") { p in
            let artifacts = p.collect(over: [0, 1, 2]) { p, index in
                p.task(writeArtifact, ["index": index]).outputs["out"]
            }
            let reader = p.task(readAndJoin, ["artifacts": artifacts])
            p.output("Output", reader.output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/parameters_simple: one Collected to a Python task, a container task and the pipeline output")
    func parametersSimple() async throws {
        let file = "critical/parameters_simple.yaml"
        let double = try CorpusPython.component(file, function: "double")
        let add = try CorpusPython.component(file, function: "add")
        let addContainer = try Component.container(
            name: "add-container", inputs: [.parameter("nums", .list)], outputs: [.parameter("sum", .numberInteger)],
            image: "jetbrainsinfra/jq", command: ["sh", "-c"],
            args: [
                "\n            set -ex\n            mkdir -p $(dirname \(.outputParameterFile("sum")))\n            echo \(.inputValue("nums")) | jq 'add' > \(.outputParameterFile("sum"))\n            ",
            ])
        let pipeline = try Pipeline("math-pipeline") { p in
            let doubled = p.collect(over: [1, 2, 3]) { p, x in
                p.task(double, ["num": x]).output
            }
            p.task(add, ["nums": doubled])
            p.task(addContainer, ["nums": doubled])
            p.output("Output", doubled)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("artifacts_simple: Collected artifacts to a Python task, a container task and the pipeline output")
    func artifactsSimple() async throws {
        let file = "artifacts_simple.yaml"
        let double = try CorpusPython.component(file, function: "double")
        let add = try CorpusPython.component(file, function: "add")
        let addContainer = try Component.container(
            name: "add-container", inputs: [.artifact("in_datasets", .dataset, isList: true)],
            outputs: [.artifact("out_dataset", .dataset)], image: ContainerCorpusDefinitionTests.ubiImage,
            command: ["python", "-c"],
            args: [
                """

                import argparse
                import json
                import os

                def main(in_datasets, out_dataset_uri):
                    in_dicts = json.loads(in_datasets)
                    uris = [d['uri'] for d in in_dicts]
                    total = 0
                    for uri in uris:
                        with open(uri.replace('gs://', '/gcs/')) as f:
                            total += int(f.read())

                    outpath = out_dataset_uri.replace('gs://', '/gcs/')
                    os.makedirs(os.path.dirname(outpath), exist_ok=True)
                    with open(outpath, 'w') as f:
                        f.write(str(total))

                parser = argparse.ArgumentParser()
                parser.add_argument('in_datasets')
                parser.add_argument('out_dataset_uri')
                args = parser.parse_args()

                main(args.in_datasets, args.out_dataset_uri)

                """,
                .inputArtifactList("in_datasets"), .outputURI("out_dataset"),
            ])
        let pipeline = try Pipeline("math-pipeline") { p in
            let datasets = p.collect(over: [1, 2, 3]) { p, x in
                p.task(double, ["num": x]).outputs["out_dataset"]
            }
            p.task(add, ["in_datasets": datasets])
            p.task(addContainer, ["in_datasets": datasets])
            p.output("Output", datasets)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("artifacts_complex: Collected from nested loops and a condition, into a sub-pipeline's list inputs")
    func artifactsComplex() async throws {
        let file = "artifacts_complex.yaml"
        let double = try CorpusPython.component(file, function: "double")
        let add = try CorpusPython.component(file, function: "add")
        let addTwoInts = try CorpusPython.component(file, function: "add_two_ints")
        let addTwoLists = try Pipeline("add-two-lists-of-datasets") { p in
            let first = p.artifact("in_datasets1", .dataset, isList: true)
            let second = p.artifact("in_datasets2", .dataset, isList: true)
            let sum1 = p.task(add, ["in_datasets": first])
            let sum2 = p.task(add, ["in_datasets": second])
            let total = p.task(
                addTwoInts, ["in_dataset1": sum1.outputs["out_dataset"], "in_dataset2": sum2.outputs["out_dataset"]])
            p.output("Output", total.outputs["out_dataset"])
        }
        var doubled1: Ref?
        var doubled2: Ref?
        let pipeline = try Pipeline("math-pipeline") { p in
            let threshold = p.parameter("threshold", .numberInteger, default: 2)
            p.parallelFor([1, 2, 3]) { p, x in
                doubled1 = p.task(double, ["num": x]).outputs["out_dataset"]
                p.parallelFor([1, 2, 3]) { p, y in
                    p.if(y >= threshold) { p in
                        doubled2 = p.task(double, ["num": y]).outputs["out_dataset"]
                    }
                }
            }
            let datasets1 = p.collected(try #require(doubled1))
            let sum = p.task(addTwoLists, ["in_datasets1": datasets1, "in_datasets2": p.collected(try #require(doubled2))])
            p.output("sum", sum.output)
            p.output("datasets", datasets1)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_parallelfor_list_artifacts_GH-12033: loops over artifact lists that sub-pipelines collect")
    func parallelForListArtifacts() async throws {
        let file = "pipeline_with_parallelfor_list_artifacts_GH-12033.yaml"
        let printArtifactName = try CorpusPython.component(file, function: "print_artifact_name")
        let makeDataset = try CorpusPython.component(file, function: "make_dataset")
        let makeArtifact = try CorpusPython.component(file, function: "make_artifact")
        let texts: JSONValue = ["Hello", ",", " ", "world!"]
        let makeDatasets = try Pipeline("make-datasets") { p in
            let list = p.parameter("texts", .list, default: texts)
            p.output("Output", p.collect(over: list) { p, text in p.task(makeDataset, ["data": text]).output })
        }
        let makeArtifacts = try Pipeline("make-artifacts") { p in
            let list = p.parameter("texts", .list, default: texts)
            p.output("Output", p.collect(over: list) { p, text in p.task(makeArtifact, ["data": text]).output })
        }
        let pipeline = try Pipeline("pipeline-parallelfor-artifacts") { p in
            let artifacts = p.task(makeArtifacts)
            p.parallelFor(artifacts.output) { p, item in
                p.task(printArtifactName, ["artifact": item])
            }
            let datasets = p.task(makeDatasets)
            p.parallelFor(datasets.output) { p, item in
                p.task(printArtifactName, ["artifact": item])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }
}
