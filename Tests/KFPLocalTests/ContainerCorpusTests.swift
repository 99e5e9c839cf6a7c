import Foundation
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// The group C pipelines of the corpus (ir-and-execution.md section 6: plain container
/// components, alone or mixed with lightweight Python) run with the real ``LocalRunner``; each
/// case checks the exact values its commands imply: task states, output parameters, artifact
/// contents, logs, pipeline outputs, and (for the compile-only fixtures, through stub programs)
/// the argv the runner resolved. Prints `group C: N passed of M tried` after the last case.
///
/// Group C files that are not run: `containerized_python_component` (its command imports a module
/// that exists only inside its own `kfp-image`), and the ones this corpus does not hold
/// (``GroupCCatalog/absent``).
@Suite("Group C container corpus")
struct ContainerCorpusTests {
    /// Every case; stub programs are `sh` scripts.
    static let defined: [GroupCCase] = GroupCShellCases.all + GroupCMixedCases.all + GroupCStubCases.all.map { item in
        var item = item
        item.programs += ["sh"]
        return item
    }
    /// The cases whose file is in the corpus and whose programs are on `PATH`.
    static let cases: [GroupCCase] = GroupCRunner.runnable(defined)

    @Test("runs with the real runner and gives the values its commands imply", arguments: cases)
    func groupC(_ item: GroupCCase) async {
        var mismatches = Mismatches()
        do {
            let run = try await GroupCRunner.run(item)
            item.check(run, &mismatches)
            if mismatches.list.isEmpty {
                try? FileManager.default.removeItem(at: run.root.deletingLastPathComponent())
            } else {
                print("group C: \(item.testDescription): kept \(run.root.path)")
                let failed = run.run.tasks.filter { $0.value.state == .failed }.sorted { $0.key < $1.key }
                for (path, record) in failed {
                    print("group C: \(item.testDescription): \(path) failed: \(record.message ?? "")")
                }
            }
        } catch {
            Issue.record("\(item.testDescription): the run could not be made: \(error)")
            await GroupCTally.shared.record(passed: false, total: Self.cases.count)
            return
        }
        for mismatch in mismatches.list {
            Issue.record("\(item.testDescription): \(mismatch)")
        }
        await GroupCTally.shared.record(passed: mismatches.list.isEmpty, total: Self.cases.count)
    }

    @Test("every group C file of the corpus is run or has a reason not to be")
    func catalogIsComplete() {
        guard TestEnvironment.corpus != nil else { return }
        let covered = Set(Self.defined.map(\.file))
        for file in GroupCCatalog.listed where !covered.contains(file) {
            if let reason = GroupCCatalog.notRun[file] {
                print("group C: not run: \(file): \(reason)")
            } else if GroupCCatalog.absent.contains(file) {
                print("group C: not in this corpus: \(file)")
            } else {
                Issue.record("group C file \(file) has no case and no reason")
            }
        }
    }
}

/// The group C list of ir-and-execution.md section 6, and why some of it is not run here.
enum GroupCCatalog {
    static let listed = [
        "hello_world", "arguments_parameters", "essential/container_no_input", "critical/container_component_with_no_inputs",
        "pipeline_with_only_display_name", "run_as_user_cache_enabled", "run_as_user_cache_disabled",
        "mounted_cabundle_configmap", "mounted_cabundle_secret", "long-running", "sequential_v1",
        "essential/pipeline_with_after", "critical/producer_consumer_param_pipeline", "critical/two_step_pipeline_containerized",
        "pipeline_with_concat_placeholder", "essential/placeholder_with_if_placeholder_none_input_value",
        "critical/pipeline_with_env", "critical/parameters_simple", "artifacts_simple", "essential/pipeline_with_outputs",
        "essential/pipeline_with_nested_conditions_yaml", "pipeline_with_task_final_status_yaml",
        "parallel_and_nested/pipeline_in_pipeline", "parallel_and_nested/pipeline_in_pipeline_complex",
        "parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml", "container_io", "container_with_concat_placeholder",
        "container_with_if_placeholder", "container_with_placeholder_in_fstring", "container_with_artifact_output",
        "pipeline_with_various_io_types", "pipeline_with_importer_and_gcpc_types", "containerized_python_component",
        "components_with_optional_artifacts",
    ]

    static let notRun = [
        "containerized_python_component": "its command runs a module that exists only inside its own image (kfp-image)",
    ]

    /// Listed in the reference but not in this corpus.
    static var absent: [String] {
        guard let corpus = TestEnvironment.corpus else { return [] }
        return listed.filter { file in
            !FileManager.default.fileExists(atPath: corpus.appendingPathComponent("pipelines/valid/\(file).yaml").path)
        }
    }
}
