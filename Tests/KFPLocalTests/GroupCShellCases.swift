import Foundation
import KFPLocal
import KFPSpec

/// Group C pipelines made of plain container components only (`echo`, `sh`, `jq`).
enum GroupCShellCases {
    /// Every task of these runs `echo hello world` (the cluster-only settings their names refer to
    /// are not in the IR), so the log is exactly `hello world` and a newline.
    static let helloWorlds: [(file: String, task: String)] = [
        ("hello_world", "echo"),
        ("essential/container_no_input", "container-no-input"),
        ("critical/container_component_with_no_inputs", "hello-world-container"),
        ("pipeline_with_only_display_name", "echo"),
        ("mounted_cabundle_configmap", "echo"),
        ("mounted_cabundle_secret", "echo"),
    ]

    static let all: [GroupCCase] = helloWorlds.map { item in
        GroupCCase(file: item.file, programs: ["echo"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expect(run.state(item.task), .succeeded, "\(item.task) state")
            check.expect(run.log(item.task), "hello world\n", "\(item.task) log")
            check.expect(run.run.tasks.count, 1, "task count")
        }
    } + [
        // Both files enable the cache for `echo`: the second run in the same root is a hit.
        GroupCCase(file: "run_as_user_cache_enabled", variant: "rerun hits the cache", programs: ["echo"], rerunWithCache: true) {
            run, check in
            check.expect(run.log("echo"), "hello world\n", "echo log")
            check.expect(run.run.tasks["echo"]?.cached, false, "first run: echo cached")
            check.expect(run.rerun?.state, .succeeded, "second run state")
            check.expect(run.rerun?.tasks["echo"]?.cached, true, "second run: echo cached")
        },
        GroupCCase(file: "run_as_user_cache_disabled", variant: "rerun hits the cache", programs: ["echo"], rerunWithCache: true) {
            run, check in
            check.expect(run.log("echo"), "hello world\n", "echo log")
            check.expect(run.rerun?.tasks["echo"]?.cached, true, "second run: echo cached")
        },
        // The pipeline's name is used for the run folder; the display name is only shown.
        GroupCCase(file: "pipeline_with_only_display_name", variant: "run folder", programs: ["echo"]) { run, check in
            check.expect(run.run.pipelineName, "echo-name", "pipeline name")
            check.expect(run.run.tasks["echo"]?.taskRoot, run.root.path + "/echo-name/\(GroupCRunner.runID)/echo", "task folder")
        },
        // echo '{{param1}}-{{param2}}': one argument, no shell.
        GroupCCase(file: "arguments_parameters", variant: "default param1", programs: ["echo"], arguments: ["param2": "world"]) {
            run, check in
            check.expect(run.log("echo"), "hello-world\n", "echo log")
        },
        GroupCCase(file: "arguments_parameters", variant: "both given", programs: ["echo"],
                   arguments: ["param1": "two  spaces", "param2": "ünï 🌍"]) { run, check in
            check.expect(run.log("echo"), "two  spaces-ünï 🌍\n", "echo log")
        },
        // sh -c 'echo {{message}}': the shell splits the message into words, so runs of spaces collapse.
        GroupCCase(file: "sequential_v1", programs: ["sh"], arguments: ["param1": "first", "param2": "two   words"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            check.expect(run.log("echo"), "first\n", "echo log")
            check.expect(run.log("echo-2"), "two words\n", "echo-2 log")
        },
        // echo "GPU scheduling check: PASS"; the toleration and the accelerator are Kubernetes-only.
        GroupCCase(file: "gpu-scheduling/nvidia_gpu_scheduling_check", programs: ["sh"]) { run, check in
            check.expect(run.log("verify-gpu-scheduled"), "GPU scheduling check: PASS\n", "log")
            // In containers the accelerator is passed to the engine, or named with the reason when this host has no GPU.
            let hostHasGPU = FileManager.default.fileExists(atPath: "/dev/nvidiactl") || FileManager.default.fileExists(atPath: "/dev/nvidia0")
            let accelerator = run.run.launcher == "subprocess" ? ["exec-verify-gpu-scheduled: resources.accelerator"]
                : hostHasGPU ? [] : ["exec-verify-gpu-scheduled: resources.accelerator (this host has no GPU)"]
            check.expect(run.run.ignoredSettings, ["exec-verify-gpu-scheduled: kubernetes.tolerations"] + accelerator, "ignored settings")
        },
        // Two `sleep 300` steps: cancelled during the first, nothing else runs and the run ends CANCELED.
        GroupCCase(file: "long-running", variant: "canceled during the first sleep", programs: ["sh", "sleep"],
                   cancelWhenLogged: ("wait-op", "sleeping")) { run, check in
            check.expect(run.run.state, .canceled, "run state")
            check.expect(run.state("wait-op"), .canceled, "wait-op state")
            check.expect(run.log("wait-op"), "step-1 sleeping for 5m\n", "wait-op log (no 'done1')")
            check.expect(run.state("wait-op-2") != .succeeded && run.log("wait-op-2") == nil, "wait-op-2 did not run")
            // Not a timing test: an uncancelled run would sleep 300 s; this only shows the sleep was cut short.
            check.expect(run.seconds < 240, "the run stopped before the 300 s sleep ended (took \(Int(run.seconds)) s)")
        },
        // jq 'add' over [2,4,6] (the doubled loop items) writes 12; the Python tasks double and add.
        GroupCCase(file: "critical/parameters_simple", programs: ["sh", "jq", "python3"]) { run, check in
            check.expect(run.run.state, .succeeded, "run state")
            for (index, value) in [2, 4, 6].enumerated() {
                check.expectValue(run.parameter("for-loop-2/\(index)/double", "Output"), .int(value), "double #\(index)")
            }
            check.expectValue(run.parameter("for-loop-2", "pipelinechannel--double-Output"), [2, 4, 6], "collected doubles")
            check.expectValue(run.parameter("add-container", "sum"), .int(12), "add-container sum (jq)")
            check.expectValue(run.parameter("add", "Output"), .int(12), "add Output (Python)")
            check.expectValue(run.run.outputs.parameters["Output"], [2, 4, 6], "pipeline Output")
        },
        // set -e -x; echo "$ENV1" "$ENV2" "$ENV3" with the executor's env (ENV1=val0); the Python
        // task sees only its own ENV1=val1 and no ENV2.
        GroupCCase(file: "critical/pipeline_with_env", programs: ["sh", "python3"]) { run, check in
            let lines = (run.log("print-env") ?? "").split(separator: "\n").map(String.init)
            if run.run.launcher == "subprocess" {
                check.expect(lines.filter { !$0.hasPrefix("+ ") }, ["val0", "val2", "val3"], "print-env output")
                check.expect(lines.filter { $0.hasPrefix("+ ") }, ["+ echo val0", "+ echo val2", "+ echo val3"], "print-env trace")
            } else {
                // An engine passes stdout and stderr on as two streams, so the trace ("+ " and the
                // command are two writes) and the output can interleave within a line, as in a pod's log.
                check.expect(lines.map { $0.replacingOccurrences(of: "+ ", with: "") }.sorted(),
                             ["echo val0", "echo val2", "echo val3", "val0", "val2", "val3"], "print-env output and trace")
            }
            check.expect(run.pythonOutput("print-env-op"), ["ENV1 val1", "ENV2 None"], "print-env-op output")
        },
    ]
}
