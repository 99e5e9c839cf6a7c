import Foundation
import KFPLocal
import KFPSpec
import Testing

/// DAG semantics of the local runner on small shell pipelines.
@Suite("Runner DAG semantics")
struct RunnerDagTests {
    /// A chain a → b → c where each task appends its letter; c fails when `fail` is "c".
    static let chain = """
        pipelineInfo: {name: chain}
        schemaVersion: 2.1.0
        components:
          comp-step:
            executorLabel: exec-step
            inputDefinitions:
              parameters:
                prefix: {parameterType: STRING}
                letter: {parameterType: STRING}
                fail: {parameterType: STRING, defaultValue: none}
            outputDefinitions:
              parameters:
                out: {parameterType: STRING}
        deploymentSpec:
          executors:
            exec-step:
              container:
                image: alpine
                command: [sh, -c, 'if [ "$3" = "$2" ]; then echo "step $2 failed" >&2; exit 3; fi; printf "%s%s" "$1" "$2" > "$0"']
                args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['prefix']}}", "{{$.inputs.parameters['letter']}}", "{{$.inputs.parameters['fail']}}"]
        root:
          inputDefinitions:
            parameters:
              fail: {parameterType: STRING, defaultValue: none}
          outputDefinitions:
            parameters:
              result: {parameterType: STRING}
          dag:
            outputs:
              parameters:
                result: {valueFromParameter: {producerSubtask: c, outputParameterKey: out}}
            tasks:
              a:
                componentRef: {name: comp-step}
                cachingOptions: {enableCache: true}
                inputs: {parameters: {prefix: {runtimeValue: {constant: ''}}, letter: {runtimeValue: {constant: a}}, fail: {componentInputParameter: fail}}}
              b:
                componentRef: {name: comp-step}
                cachingOptions: {enableCache: true}
                dependentTasks: [a]
                inputs: {parameters: {prefix: {taskOutputParameter: {producerTask: a, outputParameterKey: out}}, letter: {runtimeValue: {constant: b}}, fail: {componentInputParameter: fail}}}
              c:
                componentRef: {name: comp-step}
                cachingOptions: {enableCache: true}
                dependentTasks: [b]
                inputs: {parameters: {prefix: {taskOutputParameter: {producerTask: b, outputParameterKey: out}}, letter: {runtimeValue: {constant: c}}, fail: {componentInputParameter: fail}}}
              d:
                componentRef: {name: comp-step}
                cachingOptions: {enableCache: true}
                dependentTasks: [c]
                inputs: {parameters: {prefix: {taskOutputParameter: {producerTask: c, outputParameterKey: out}}, letter: {runtimeValue: {constant: d}}}}
        """

    @Test("a chain runs in order and the pipeline output comes from dag.outputs")
    func chainRuns() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.chain)
        #expect(run.state == .succeeded)
        #expect(run.outputs.parameters == ["result": "abc"])
        #expect(run.tasks["d"]?.outputs.parameters == ["out": "abcd"])
        #expect(run.tasks.values.allSatisfy { !$0.cached })
    }

    @Test("a second identical run is all cache hits; one changed input reruns only the affected tasks")
    func cachingAndResume() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        _ = try await harness.run(Self.chain)
        let second = try await harness.run(Self.chain)
        #expect(second.state == .succeeded)
        #expect(second.tasks.keys.sorted() == ["a", "b", "c", "d"])
        #expect(second.tasks.values.allSatisfy { $0.cached })
        #expect(second.outputs.parameters == ["result": "abc"])
        // 'fail' reaches a, b and c but not d: a, b, c miss (input changed), d hits again only if its inputs are equal.
        let third = try await harness.run(Self.chain, arguments: ["fail": "x"])
        #expect(third.tasks["a"]?.cached == false)
        #expect(third.tasks["a"]?.cacheMissReason == "input parameters changed")
        #expect(third.tasks["d"]?.cached == true)
    }

    @Test("a run whose third task fails, rerun after fixing the input, reruns only from that task")
    func resumeFromFailure() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let failed = try await harness.run(Self.chain, arguments: ["fail": "c"])
        #expect(failed.state == .failed)
        #expect(failed.tasks["a"]?.state == .succeeded)
        #expect(failed.tasks["b"]?.state == .succeeded)
        #expect(failed.tasks["c"]?.state == .failed)
        #expect(failed.tasks["c"]?.message?.hasPrefix("exited with status 3; last lines of ") == true)
        #expect(failed.tasks["c"]?.message?.hasSuffix("step c failed") == true)
        #expect(failed.tasks["d"]?.state == .skipped)
        #expect(failed.tasks["d"]?.message == "upstream task 'c' ended FAILED")
        // The fix: 'fail' no longer names c. a and b get 'none' too, which is a different input...
        // so rerun with the same value for a and b is what resume means: keep 'fail' out of a and b.
        let fixedSpec = Self.chain.replacingOccurrences(
            of: "letter: {runtimeValue: {constant: c}}, fail: {componentInputParameter: fail}",
            with: "letter: {runtimeValue: {constant: c}}")
        let resumed = try await harness.run(fixedSpec, arguments: ["fail": "c"])
        #expect(resumed.state == .succeeded)
        #expect(resumed.tasks["a"]?.cached == true)
        #expect(resumed.tasks["b"]?.cached == true)
        #expect(resumed.tasks["c"]?.cached == false)
        #expect(resumed.tasks["c"]?.cacheMissReason == "the earlier attempt failed; since then input parameters changed")
        #expect(resumed.tasks["d"]?.cached == false)
        #expect(resumed.tasks["d"]?.cacheMissReason == "first run of this task")
        #expect(resumed.outputs.parameters == ["result": "abc"])
    }

    @Test("a rerun after a failure says the task's earlier attempt failed, not that it is a first run")
    func rerunAfterFailureNamesTheFailure() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let marker = harness.root.appendingPathComponent("marker")
        // One task that fails until `marker` exists; its inputs (and so its cache key) never change.
        let flaky = """
            pipelineInfo: {name: flaky}
            schemaVersion: 2.1.0
            components:
              comp-flaky:
                executorLabel: exec-flaky
                inputDefinitions: {parameters: {marker: {parameterType: STRING}}}
                outputDefinitions: {parameters: {out: {parameterType: STRING}}}
            deploymentSpec:
              executors:
                exec-flaky:
                  container:
                    image: alpine
                    command: [sh, -c, 'if [ ! -e "$1" ]; then echo "no marker" >&2; exit 3; fi; printf ok > "$0"']
                    args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['marker']}}"]
            root:
              dag:
                tasks:
                  flaky:
                    componentRef: {name: comp-flaky}
                    cachingOptions: {enableCache: true}
                    inputs: {parameters: {marker: {runtimeValue: {constant: '\(marker.path)'}}}}
            """
        let failed = try await harness.run(flaky)
        #expect(failed.tasks["flaky"]?.state == .failed)
        #expect(failed.tasks["flaky"]?.message?.hasSuffix("no marker") == true)
        try FileManager.default.createDirectory(at: harness.root, withIntermediateDirectories: true)
        try Data().write(to: marker)
        let rerun = try await harness.run(flaky)
        #expect(rerun.tasks["flaky"]?.state == .succeeded)
        #expect(rerun.tasks["flaky"]?.cached == false)
        #expect(rerun.tasks["flaky"]?.cacheMissReason == "the earlier attempt failed")
        #expect(rerun.tasks["flaky"]?.outputs.parameters == ["out": "ok"])
        let third = try await harness.run(flaky)
        #expect(third.tasks["flaky"]?.cached == true)
    }

    @Test("--no-cache runs every task")
    func noCache() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        _ = try await harness.run(Self.chain)
        let run = try await harness.run(Self.chain, caching: false)
        #expect(run.tasks.values.allSatisfy { !$0.cached && $0.state == .succeeded })
    }

    @Test("unknown, missing and mistyped arguments are rejected before anything runs")
    func argumentErrors() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        await #expect(throws: LocalRunError.self) { try await harness.run(Self.chain, arguments: ["fial": "x"]) }
        do {
            _ = try await harness.run(Self.chain, arguments: ["fial": "x"])
        } catch let error as LocalRunError {
            #expect(error.message == "the pipeline has no input 'fial'; its inputs are 'fail'")
        }
    }
}
