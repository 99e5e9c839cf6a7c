import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing

/// Corpus pipelines about tasks: options (caching, retries, env, resources), reused and optional
/// inputs, pipelines used as tasks; defined in Swift and compiled, the IR must equal what the
/// Python SDK compiled.
@Suite("Task options and pipelines as tasks compile like the Python SDK")
struct TaskCorpusDefinitionTests {
    static let noCache = TaskOptions(cachingEnabled: false)

    @Test("critical/add_numbers: two integer inputs and the returned output")
    func addNumbers() async throws {
        let file = "critical/add_numbers.yaml"
        let add = try CorpusPython.component(file, function: "add_numbers")
        let pipeline = try Pipeline("add-numbers") { p in
            let task = p.task(add, ["a": p.parameter("a", .numberInteger), "b": p.parameter("b", .numberInteger)])
            p.output("Output", task.output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/component_with_optional_inputs: a default and Optional[str] inputs, one left unset")
    func optionalInputs() async throws {
        let file = "critical/component_with_optional_inputs.yaml"
        let op = try CorpusPython.component(file, function: "component_op")
        let pipeline = try Pipeline("v2-component-optional-input") { p in
            p.task(op, ["input1": "Hello", "input2": "World"])
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("essential/pipeline_with_reused_component: one component, three tasks chained")
    func reusedComponent() async throws {
        let file = "essential/pipeline_with_reused_component.yaml"
        let add = try CorpusPython.component(file, function: "add_numbers")
        let pipeline = try Pipeline("pipeline-with-reused-component") { p in
            let a = p.parameter("a", .numberInteger, default: 2)
            let b = p.parameter("b", .numberInteger, default: 5)
            let first = p.task(add, ["a": a, "b": 3])
            let second = p.task(add, ["a": first.output, "b": b])
            p.task(add, ["a": second.output, "b": 7])
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("essential/component_with_env_variable: an environment variable set on the task")
    func envVariable() async throws {
        let file = "essential/component_with_env_variable.yaml"
        let read = try CorpusPython.component(file, function: "read_env_var")
        let pipeline = try Pipeline("pipeline-with-env-variable") { p in
            let name = p.parameter("var_name", .string, default: "KFP_TEST_ENV_VAR")
            let task = p.task(read, ["var_name": name], options: .init(environment: [("KFP_TEST_ENV_VAR", "env_var_value")]))
            p.output("Output", task.output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/local_execution_pipeline_with_retry: retries with backoff factor 1")
    func retry() async throws {
        let file = "local_execution/local_execution_pipeline_with_retry.yaml"
        let flaky = try CorpusPython.component(file, function: "flaky")
        let pipeline = try Pipeline("pipeline-with-retry") { p in
            let path = p.parameter("counter_path", .string)
            let task = p.task(flaky, ["counter_path": path], options: .init(retry: .init(maxRetryCount: 3, backoffFactor: 1)))
            p.output("Output", task.output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/pipeline_with_caching: caching on, an integer input with a default")
    func caching() async throws {
        let file = "local_execution/pipeline_with_caching.yaml"
        let addOne = try CorpusPython.component(file, function: "add_one")
        let pipeline = try Pipeline("pipeline-with-caching") { p in
            let x = p.parameter("x", .numberInteger, default: 1)
            p.output("Output", p.task(addOne, ["x": x], options: .init(cachingEnabled: true)).output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("local_execution/local_execution_pipeline_with_k8s_only_methods: CPU and memory limits, an accelerator type")
    func k8sOnlyMethods() async throws {
        let file = "local_execution/local_execution_pipeline_with_k8s_only_methods.yaml"
        let echo = try CorpusPython.component(file, function: "echo")
        let pipeline = try Pipeline("pipeline-with-k8s-only-methods") { p in
            let message = p.parameter("message", .string, default: "hello")
            let options = TaskOptions(cpuLimit: "1000m", memoryLimit: "256Mi", acceleratorType: "nvidia.com/gpu")
            p.output("Output", p.task(echo, ["message": message], options: options).output)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_string_machine_fields_pipeline_input: resources from pipeline parameters")
    func machineFieldsFromInputs() async throws {
        let file = "pipeline_with_string_machine_fields_pipeline_input.yaml"
        let sum = try CorpusPython.component(file, function: "sum_numbers")
        let pipeline = try Pipeline("pipeline") { p in
            let cpu = p.parameter("cpu_limit", .string, default: "4000m")
            let memory = p.parameter("memory_limit", .string, default: "15G")
            let type = p.parameter("accelerator_type", .string, default: "NVIDIA_TESLA_P4")
            let count = p.parameter("accelerator_limit", .string, default: "1")
            let options = TaskOptions(
                cpuLimit: "\(cpu)", memoryLimit: "\(memory)", acceleratorType: "\(type)", acceleratorLimit: "\(count)")
            p.task(sum, ["a": 1, "b": 2], options: options)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_string_machine_fields_task_output: resources from task outputs, no dependency")
    func machineFieldsFromTaskOutputs() async throws {
        let file = "pipeline_with_string_machine_fields_task_output.yaml"
        let sum = try CorpusPython.component(file, function: "sum_numbers")
        let producers = try ["cpu_limit", "memory_limit", "accelerator_type", "accelerator_limit"].map {
            try CorpusPython.component(file, function: $0)
        }
        let pipeline = try Pipeline("pipeline") { p in
            let values = producers.map { p.task($0).output }
            let options = TaskOptions(
                cpuLimit: "\(values[0])", memoryLimit: "\(values[1])", acceleratorType: "\(values[2])",
                acceleratorLimit: "\(values[3])")
            p.task(sum, ["a": 1, "b": 2], options: options)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/pipeline_with_placeholders: pipeline placeholders as constants, caching off")
    func placeholders() async throws {
        let file = "critical/pipeline_with_placeholders.yaml"
        let printAll = try CorpusPython.component(file, function: "print_all_placeholders")
        let pipeline = try Pipeline("pipeline-with-placeholders") { p in
            p.task(
                printAll,
                [
                    "job_name": PipelinePlaceholder.jobName, "job_resource_name": PipelinePlaceholder.jobResourceName,
                    "job_id": PipelinePlaceholder.jobID, "task_name": PipelinePlaceholder.taskName,
                    "task_id": PipelinePlaceholder.taskID,
                ], options: Self.noCache)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("essential/component_with_pip_index_urls: a package from an index URL")
    func pipIndexURLs() async throws {
        let file = "essential/component_with_pip_index_urls.yaml"
        let op = try CorpusPython.component(file, function: "component_op")
        let pipeline = try Pipeline("v2-component-pip-index-urls") { p in
            p.task(op)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("essential/component_with_pip_install: packages to install with an index URL")
    func pipInstall() async throws {
        let file = "essential/component_with_pip_install.yaml"
        let op = try CorpusPython.component(file, function: "component_with_pip_install")
        let pipeline = try Pipeline("component-with-pip-install") { p in
            p.task(op)
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("pipeline_with_importer: an importer with metadata, and one inside a condition reimporting a parameter")
    func importer() async throws {
        let file = "pipeline_with_importer.yaml"
        let train = try CorpusPython.component(file, function: "train")
        let pipeline = try Pipeline("pipeline-with-importer") { p in
            let dataset2 = p.parameter("dataset2", .string, default: "gs://ml-pipeline-playground/shakespeare2.txt")
            let first = p.importer(
                uri: "gs://ml-pipeline-playground/shakespeare1.txt", type: .dataset, metadata: ["key": "value"])
            let trained = p.task(train, ["dataset": first.output])
            p.if(trained.outputs["scalar"] == "123") { p in
                let second = p.importer(uri: dataset2, type: .dataset, reimport: true)
                p.task(train, ["dataset": second.output])
            }
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("critical/pipeline_with_artifact_upload_download: a dataset artifact passed on, a description")
    func artifactUploadDownload() async throws {
        let file = "critical/pipeline_with_artifact_upload_download.yaml"
        let download = try CorpusPython.component(file, function: "download_dataset_and_upload_as_artifact")
        let printInfo = try CorpusPython.component(file, function: "print_dataset_info")
        let pipeline = try Pipeline(
            "pipeline-with-datasets",
            description: "Download Hugging Face Data Set, upload it as an artifact and print its metadata"
        ) { p in
            let repo = p.parameter("dataset_repo", .string, default: "google/frames-benchmark")
            let name = p.parameter("dataset_name", .string, default: "")
            let downloaded = p.task(download, ["dataset_repo": repo, "dataset_name": name])
            p.task(printInfo, ["dataset": downloaded.outputs["output_dataset"]])
        }
        try await IRComparison.expectEqual(pipeline, corpus: file)
    }

    @Test("a resource option interpolating a value of another pipeline is a definition error")
    func foreignResourceValue() async throws {
        let echo = try Component.container(name: "echo", image: "alpine:3.20", command: ["echo", "hi"])
        var foreign: Ref?
        _ = try Pipeline("other") { p in foreign = p.parameter("cpu", .string) }
        let value = try #require(foreign)
        var line = 0
        do {
            _ = try Pipeline("p") { p in
                line = #line + 1
                p.task(echo, options: .init(cpuLimit: "\(value)"))
            }
            Issue.record("expected a definition error")
        } catch let error as DefinitionError {
            #expect(error.diagnostics.map(\.description) == [
                "KFPCompilerTests/TaskCorpusDefinitionTests.swift:\(line): error: option 'cpuLimit' of task 'echo' interpolates {{channel:task=;name=cpu;type=STRING;}}, which is not a value of this pipeline"
            ])
        }
    }

    @Test("compile-time parameter values: an unknown name and a wrong type are definition errors")
    func parameterOverrideErrors() async throws {
        let echo = try Component.container(
            name: "echo", inputs: [.parameter("count", .numberInteger)], image: "alpine:3.20", command: ["echo", .inputValue("count")])
        var line = 0
        do {
            line = #line + 1
            _ = try PipelineCompiler().compile(echo, parameters: ["count": "three", "size": 1])
            Issue.record("expected a definition error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "KFPCompilerTests/TaskCorpusDefinitionTests.swift:\(line): error: pipeline parameter 'count' is NUMBER_INTEGER; found string \"three\"",
                "KFPCompilerTests/TaskCorpusDefinitionTests.swift:\(line): error: pipeline parameter 'size' does not match any pipeline input",
            ])
        }
    }
}
