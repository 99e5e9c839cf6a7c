import Foundation
import KFPLocal
import KFPSpec

/// The case table of ``LocalOracleTests``: which corpus pipelines run in both runners, with which
/// arguments, and where the comparison must leave something out (with the reason). Every other
/// corpus pipeline is listed as skipped with its reason (``skipReason(_:file:)``).
enum OracleCases {
    static let all: [OracleCase] = groupA + groupB

    /// Group A: lightweight Python only, linear or nested DAGs.
    static let groupA: [OracleCase] = [
        OracleCase(file: "critical/add_numbers", arguments: ["a": 1, "b": 2],
                   argumentsReason: "a and b have no default"),
        OracleCase(file: "identity", arguments: ["value": "ünï ✓ 🌍"],
                   argumentsReason: "no default; non-ASCII text and a 4-byte character must pass through unchanged"),
        OracleCase(file: "essential/concat_message", arguments: ["message1": "Hello", "message2": ", wörld 🌍"],
                   argumentsReason: "no defaults; non-ASCII text"),
        OracleCase(file: "essential/dict_input", arguments: ["struct": ["a": 1, "b": [1.5, "x"], "c": ["d": true]]],
                   argumentsReason: "no default; a nested struct"),
        OracleCase(file: "essential/lightweight_python_functions_with_outputs",
                   arguments: ["first_message": "first", "first_number": 2, "second_message": "second", "second_number": 3],
                   argumentsReason: "no defaults"),
        OracleCase(file: "essential/pipeline_with_reused_component"),
        OracleCase(file: "critical/mixed_parameters"),
        OracleCase(file: "critical/multiple_parameters_namedtuple"),
        OracleCase(file: "nested_return"),
        OracleCase(file: "critical/component_with_optional_inputs"),
        OracleCase(file: "critical/parameter_cache"),
        OracleCase(file: "parallel_and_nested/nested_pipeline_opt_input_child_level_compiled"),
        OracleCase(file: "parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled",
                   runsDiffer: "kfp.local fails: it cannot pass an optional pipeline input without a value to a nested pipeline: 'Unknown value type'"),
        OracleCase(file: "essential/lightweight_python_functions_pipeline", arguments: ["message": "message"],
                   argumentsReason: "no default"),
        OracleCase(file: "critical/artifact_crust"),
        OracleCase(file: "critical/pythonic_artifacts_test_pipeline"),
        OracleCase(file: "output_metrics"),
        OracleCase(file: "critical/pipeline_with_artifact_custom_path",
                   runsDiffer: "the file pins kfp==2.14.3 in its pip prelude but calls Dataset.set_path, which that version lacks,"
                       + " so ours fails in component-output-artifact as the cluster would; kfp.local, running 2.17.3 without the"
                       + " prelude, gets further and fails in validate-input-artifact (the consumer does not get the custom path)",
                   ourState: .failed),
        OracleCase(file: "essential/embedded_artifact",
                   runsDiffer: "the file pins kfp==2.14.6 in its pip prelude but uses dsl.EmbeddedInput, which that version lacks,"
                       + " so ours fails to load both components as the cluster would; kfp.local runs them with 2.17.3",
                   ourState: .failed, theirState: .succeeded),
        OracleCase(file: "essential/component_with_env_variable"),
        OracleCase(file: "env-var", arguments: ["env_var": "HOME"],
                   argumentsReason: "no default; HOME is passed on unchanged by both runners (PATH is not: ours puts the managed virtual environment first)"),
        OracleCase(file: "local_execution/local_execution_pipeline_with_retry", arguments: ["counter_path": "{folder}/counter"],
                   argumentsReason: "no default; each runner needs its own counter file (the task fails on its first attempt)"),
        OracleCase(file: "critical/pipeline_with_retry"),
        OracleCase(file: "local_execution/pipeline_with_caching"),
        OracleCase(file: "local_execution/local_execution_pipeline_with_k8s_only_methods"),
        OracleCase(file: "pipeline_with_string_machine_fields_pipeline_input"),
        OracleCase(file: "pipeline_with_string_machine_fields_task_output",
                   runsDiffer: "kfp.local orders tasks by dependentTasks only, and sum-numbers names its four producers only"
                       + " through inputs, so from run to run kfp.local runs it too early and fails ('Tried to get output"
                       + " 'Output' from task 'memory-limit', but task 'memory-limit' not found') or succeeds",
                   theirState: nil),
        OracleCase(file: "failing/fail_v2"),
        OracleCase(file: "take_nap_compiled", arguments: ["naptime_secs": 1],
                   argumentsReason: "the default sleeps 900 s"),
        OracleCase(file: "take_nap_pipeline_root_compiled", arguments: ["naptime_secs": 1],
                   argumentsReason: "the default sleeps 900 s (its s3:// default pipeline root is overridden by both runners)"),
        OracleCase(file: "essential/component_with_pip_install"),
        OracleCase(file: "essential/component_with_pip_index_urls"),
        OracleCase(file: "essential/component_with_pip_install_in_venv"),
    ]

    /// Group B: lightweight Python with control flow.
    static let groupB: [OracleCase] = [
        OracleCase(file: "essential/pipeline_with_condition", valuesDiffer: "flips a random coin"),
        OracleCase(file: "essential/pipeline_with_nested_conditions", valuesDiffer: "flips random coins"),
        OracleCase(file: "critical/flip_coin", valuesDiffer: "flips a random coin and draws random numbers"),
        OracleCase(file: "conditional_producer_and_consumers",
                   runsDiffer: "kfp.local fails: it cannot collect the output of a condition that was false in some iterations: 'Tried to get output ... from task condition-3'"),
        OracleCase(file: "if_else_with_oneof_parameters", valuesDiffer: "flips a random coin"),
        OracleCase(file: "if_elif_else_with_oneof_parameters", valuesDiffer: "throws a random three-sided die"),
        OracleCase(file: "critical/parameter_oneof", valuesDiffer: "flips a random coin"),
        OracleCase(file: "local_execution/local_execution_pipeline_with_oneof"),
        OracleCase(file: "critical/if_else_with_oneof_artifacts", valuesDiffer: "flips a random coin",
                   runsDiffer: "kfp.local fails: artifact OneOf: 'Expected 1 artifact in ArtifactSelectorSpec. Got: 2'"),
        OracleCase(file: "parallel_and_nested/pipeline_with_loops"),
        OracleCase(file: "pipeline_with_parallelfor_parallelism", arguments: ["loop_parameter": ["a", "b", "c"]],
                   argumentsReason: "no default; a list of strings"),
        OracleCase(file: "pipeline_with_parallelfor_pipeline_param", arguments: ["loop_parameter": ["a", "b"], "prefix": "p"],
                   argumentsReason: "no defaults",
                   corrections: [
                       "for-loop-2/0/print-with-prefix-2": .init(outputs: ["Output": "dynamic-prefix: a"], reason: kfpLocalLoopChannel),
                       "for-loop-2/1/print-with-prefix-2": .init(outputs: ["Output": "dynamic-prefix: b"], reason: kfpLocalLoopChannel),
                   ]),
        OracleCase(file: "parallel_and_nested/loop_consume_upstream",
                   valueExclusions: ["read-file": "returns the path of its input artifact, which differs per run and runner"]),
        OracleCase(file: "parameters_complex",
                   runsDiffer: "kfp.local fails: it passes an integer output to an int input as a float: 'returned value of type float; want int'"),
        OracleCase(file: "artifacts_complex",
                   runsDiffer: "kfp.local fails: it cannot collect the output of a condition that was false in some iterations: 'Tried to get output ... from task condition-5'"),
        OracleCase(file: "pipeline_producer_consumer",
                   runsDiffer: "kfp.local fails: it passes an integer output to an int input as a float: 'returned value of type float; want int'"),
        OracleCase(file: "essential/pipeline_with_metrics_outputs"),
        OracleCase(file: "essential/pipeline_with_params_containing_format"),
        OracleCase(file: "critical/collected_parameters"),
        OracleCase(file: "local_execution/pipeline_with_collected_artifacts"),
        OracleCase(file: "pythonic_artifacts_with_list_of_artifacts"),
        OracleCase(file: "pipeline_with_parallelfor_list_artifacts_GH-12033",
                   valueExclusions: [
                       "print-artifact-name": artifactName,
                       "print-artifact-name-2": artifactName,
                   ]),
        OracleCase(file: "pipeline_with_task_final_status"),
        OracleCase(file: "local_execution/local_execution_pipeline_with_exit_handler",
                   valueExclusions: ["record-exit": "returns the final status's state: COMPLETE on the cluster and in our runner, SUCCEEDED in kfp.local"]),
        OracleCase(file: "critical/pipeline_with_input_status_state",
                   runsDiffer: "kfp.local fails: the component asserts state == 'COMPLETE' (the cluster's word); kfp.local passes SUCCEEDED"),
        OracleCase(file: "failing/pipeline_with_exit_handler"),
        OracleCase(file: "failing/pipeline_with_multiple_exit_handlers"),
        OracleCase(file: "pipeline_with_task_using_ignore_upstream_failure",
                   onlyOurs: ["print-op": "ignore_upstream_failure: the input from the failed fail-op falls back to the"
                       + " component's default, which is why the SDK requires one; kfp.local fails the input instead"]),
        OracleCase(file: "local_execution/local_execution_pipeline_with_ignore_upstream_failure",
                   arguments: ["marker_path": "{folder}/marker"],
                   argumentsReason: "no default; each runner needs its own marker file"),
    ]

    static let kfpLocalLoopChannel = "the loop's input pipelinechannel--make-prefix-Output is make-prefix's output; kfp.local,"
        + " which finds values by parsing channel names, gives the loop item instead"

    static let artifactName = "returns its input artifact's name: the MLMD id on the cluster, the producer's output key in ours,"
        + " empty in kfp.local's artifact iterator"

    /// Why a corpus pipeline is not in the table.
    static func skipReason(_ name: String, file: URL) -> String {
        if let reason = skipped[name] { return reason }
        if hasContainerComponent(file) {
            return "group C: has container components, which kfp.local's SubprocessRunner refuses"
        }
        return "not in groups A or B of ir-and-execution.md section 6"
    }

    /// Pipelines of groups A and B that kfp.local cannot run here, and the pipelines of groups
    /// D and E that need no container component but need cloud services or Kubernetes.
    static let skipped: [String: String] = [
        "log_streaming_compiled": "group A, but it prints for 60 s by design (over the time budget)",
        "input_artifact": "group A, but its input is a root input artifact, which kfp.local refuses",
        "component_with_metadata_fields": "group A, but it takes root input artifacts, which kfp.local refuses",
        "pipeline_with_metadata_fields": "group A, but it takes a root input artifact, which kfp.local refuses",
        "component_with_task_final_status_GH-12033":
            "group A, but its only input is a root TASK_FINAL_STATUS, which kfp.local neither accepts as an argument nor supplies (the component crashes on null)",
        "critical/pipeline_with_placeholders":
            "group A, but kfp.local crashes on {{$.pipeline_job_resource_name}} (IndexError) before any task runs",
        "critical/notebook_component_simple": "group B, but installs the Jupyter stack from PyPI (over the time budget)",
        "notebook_component_mixed": "group B, but installs the Jupyter stack from PyPI (over the time budget)",
        "metrics_visualization_v2": "group B, but installs scikit-learn from PyPI (over the time budget)",
        "essential/iris_pipeline_compiled": "group B, but installs pandas and scikit-learn from PyPI (over the time budget)",
        "containerized_python_component": "group C: a containerized Python component (target_image), which SubprocessRunner refuses",
        "create_pod_metadata_complex": "group E: checks environment variables filled from Kubernetes pod metadata",
        "critical/pipeline_with_pod_metadata": "group E: checks environment variables filled from Kubernetes pod metadata",
        "critical/pipeline_with_secret_as_env": "group E: Kubernetes secrets",
        "pipeline_with_secret_as_volume": "group E: Kubernetes secrets",
        "parallel_and_nested/parallel_for_secret": "group E: Kubernetes secrets",
        "pvc_mount": "group E: a Kubernetes PVC",
        "critical/pipeline_with_workspace": "group E: the pipeline workspace (a Kubernetes PVC)",
        "critical/pipeline_with_importer_workspace": "group E: the pipeline workspace (a Kubernetes PVC)",
        "critical/modelcar": "group D: an oci:// importer",
        "critical/pipeline_with_artifact_upload_download": "group D: downloads a Hugging Face dataset",
        "critical/pipeline_with_submit_request": "group D: an HTTP request to an in-cluster URL",
        "integration/ray_integration_compiled": "group D: a Ray cluster",
        "pipeline_with_importer": "group D: gs:// importers",
        "pipeline_with_dynamic_importer_metadata": "group D: gs:// importers",
        "pythonic_artifact_with_single_return": "group D: a gs:// importer",
        "pipeline_with_google_artifact_type": "group D: Vertex AI artifact types (aiplatform)",
        "upload_download_compiled": "group D: a MinIO server",
    ]

    /// `true` when an executor runs a container that is not a lightweight Python component.
    private static func hasContainerComponent(_ file: URL) -> Bool {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let spec = try? SpecLoader(file: file.lastPathComponent).loadPipelineSpec(text)
        else { return false }
        return (spec.deploymentSpec?.executors ?? [:]).values.contains { executor in
            guard let container = executor.container else { return false }
            return !((container.command ?? []) + (container.args ?? [])).contains { $0.contains("kfp.dsl.executor_main") }
        }
    }
}
