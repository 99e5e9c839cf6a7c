import Foundation
import KFPLocal
import KFPSpec
import Testing

/// Exit handlers with the final status, ignore-upstream-failure, retries, nested pipelines.
@Suite("Runner exit handlers and retries")
struct RunnerExitHandlerTests {
    /// exit-handler-1 wraps `work` (fails when `fail` is true, after `attempts` retries);
    /// `report` gets the final status; `cleanup` ignores upstream failure.
    static func pipeline(retries: Int = 0) -> String {
        """
        pipelineInfo: {name: guarded}
        schemaVersion: 2.1.0
        components:
          comp-work:
            executorLabel: exec-work
            inputDefinitions: {parameters: {fail: {parameterType: BOOLEAN}, counter: {parameterType: STRING}}}
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
          comp-report:
            executorLabel: exec-report
            inputDefinitions: {parameters: {status: {parameterType: TASK_FINAL_STATUS}}}
            outputDefinitions: {parameters: {out: {parameterType: STRUCT}}}
          comp-cleanup:
            executorLabel: exec-cleanup
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
          comp-exit-handler-1:
            inputDefinitions: {parameters: {pipelinechannel--fail: {parameterType: BOOLEAN}, pipelinechannel--counter: {parameterType: STRING}}}
            dag:
              tasks:
                work:
                  componentRef: {name: comp-work}
                  retryPolicy: {maxRetryCount: \(retries), backoffDuration: 0s, backoffFactor: 2.0, backoffMaxDuration: 3600s}
                  inputs: {parameters: {fail: {componentInputParameter: pipelinechannel--fail}, counter: {componentInputParameter: pipelinechannel--counter}}}
        deploymentSpec:
          executors:
            exec-work:
              container:
                image: alpine
                command: [sh, -c, 'echo x >> "$2"; if [ "$1" = true ] && [ $(wc -l < "$2") -lt 3 ]; then echo "work failed" >&2; exit 7; fi; printf done > "$0"']
                args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['fail']}}", "{{$.inputs.parameters['counter']}}"]
            exec-report:
              container: {image: alpine, command: [sh, -c, 'printf %s "$1" > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['status']}}"]}
            exec-cleanup:
              container: {image: alpine, command: [sh, -c, 'printf cleaned > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}"]}
        root:
          inputDefinitions:
            parameters:
              fail: {parameterType: BOOLEAN, defaultValue: false}
              counter: {parameterType: STRING}
          dag:
            tasks:
              exit-handler-1:
                componentRef: {name: comp-exit-handler-1}
                inputs: {parameters: {pipelinechannel--fail: {componentInputParameter: fail}, pipelinechannel--counter: {componentInputParameter: counter}}}
              report:
                componentRef: {name: comp-report}
                dependentTasks: [exit-handler-1]
                triggerPolicy: {strategy: ALL_UPSTREAM_TASKS_COMPLETED}
                inputs: {parameters: {status: {taskFinalStatus: {producerTask: exit-handler-1}}}}
              cleanup:
                componentRef: {name: comp-cleanup}
                dependentTasks: [exit-handler-1]
                triggerPolicy: {strategy: ALL_UPSTREAM_TASKS_COMPLETED}
        """
    }

    private func counterFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kfp-counter-\(UUID().uuidString)").path
    }

    @Test("the exit task runs after a successful body and gets state COMPLETE")
    func exitAfterSuccess() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.pipeline(), arguments: ["counter": .string(counterFile())], caching: false)
        #expect(run.state == .succeeded)
        let status = try #require(run.tasks["report"]?.outputs.parameters["out"]?.objectValue)
        #expect(status["state"] == "COMPLETE")
        #expect(status["pipelineTaskName"] == "exit-handler-1")
        #expect(status["error"] == .object([:]))
        #expect(run.tasks["cleanup"]?.outputs.parameters["out"] == "cleaned")
    }

    @Test("after a failed body the exit and ignore-upstream-failure tasks still run; the run is FAILED")
    func exitAfterFailure() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.pipeline(), arguments: ["fail": true, "counter": .string(counterFile())], caching: false)
        #expect(run.state == .failed)
        #expect(run.tasks["exit-handler-1/work"]?.state == .failed)
        #expect(run.tasks["exit-handler-1"]?.state == .failed)
        let status = try #require(run.tasks["report"]?.outputs.parameters["out"]?.objectValue)
        #expect(status["state"] == "FAILED")
        #expect(status["error"]?.objectValue?["message"] == "task 'work' did not succeed")
        #expect(run.tasks["cleanup"]?.state == .succeeded)
    }

    @Test("retries: a task that fails twice succeeds on its third attempt with maxRetryCount 2")
    func retries() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let counter = counterFile()
        let run = try await harness.run(Self.pipeline(retries: 2), arguments: ["fail": true, "counter": .string(counter)], caching: false)
        #expect(run.state == .succeeded)
        #expect(run.tasks["exit-handler-1/work"]?.outputs.parameters["out"] == "done")
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "x\nx\nx\n")
        let once = counterFile()
        let failed = try await harness.run(Self.pipeline(retries: 1), arguments: ["fail": true, "counter": .string(once)], caching: false)
        #expect(failed.state == .failed)
        #expect(try String(contentsOfFile: once, encoding: .utf8) == "x\nx\n")
    }
}
