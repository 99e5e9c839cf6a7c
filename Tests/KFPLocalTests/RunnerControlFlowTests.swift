import Foundation
import KFPLocal
import KFPSpec
import Testing

/// Conditions, OneOf, loops with `Collected`, exit handlers and retries on shell pipelines.
@Suite("Runner control flow")
struct RunnerControlFlowTests {
    /// If/Else with a OneOf output, a ParallelFor over a pipeline parameter with parallelism 2 and a
    /// Collected fan-in, all with `sh` programs.
    static let flow = """
        pipelineInfo: {name: flow}
        schemaVersion: 2.1.0
        components:
          comp-echo:
            executorLabel: exec-echo
            inputDefinitions: {parameters: {text: {parameterType: STRING}}}
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
          comp-square:
            executorLabel: exec-square
            inputDefinitions: {parameters: {x: {parameterType: NUMBER_INTEGER}}}
            outputDefinitions: {parameters: {out: {parameterType: NUMBER_INTEGER}}}
          comp-total:
            executorLabel: exec-total
            inputDefinitions: {parameters: {values: {parameterType: LIST}}}
            outputDefinitions: {parameters: {out: {parameterType: STRING}}}
          comp-condition-2:
            inputDefinitions: {parameters: {pipelinechannel--n: {parameterType: NUMBER_INTEGER}}}
            outputDefinitions: {parameters: {pipelinechannel--big-out: {parameterType: STRING}}}
            dag:
              outputs: {parameters: {pipelinechannel--big-out: {valueFromParameter: {producerSubtask: big, outputParameterKey: out}}}}
              tasks:
                big: {componentRef: {name: comp-echo}, inputs: {parameters: {text: {runtimeValue: {constant: big}}}}}
          comp-condition-3:
            inputDefinitions: {parameters: {pipelinechannel--n: {parameterType: NUMBER_INTEGER}}}
            outputDefinitions: {parameters: {pipelinechannel--small-out: {parameterType: STRING}}}
            dag:
              outputs: {parameters: {pipelinechannel--small-out: {valueFromParameter: {producerSubtask: small, outputParameterKey: out}}}}
              tasks:
                small: {componentRef: {name: comp-echo}, inputs: {parameters: {text: {runtimeValue: {constant: small}}}}}
          comp-condition-branches-1:
            inputDefinitions: {parameters: {pipelinechannel--n: {parameterType: NUMBER_INTEGER}}}
            outputDefinitions: {parameters: {pipelinechannel--condition-branches-1-oneof-1: {parameterType: STRING}}}
            dag:
              outputs:
                parameters:
                  pipelinechannel--condition-branches-1-oneof-1:
                    valueFromOneof:
                      parameterSelectors:
                      - {producerSubtask: condition-2, outputParameterKey: pipelinechannel--big-out}
                      - {producerSubtask: condition-3, outputParameterKey: pipelinechannel--small-out}
              tasks:
                condition-2:
                  componentRef: {name: comp-condition-2}
                  inputs: {parameters: {pipelinechannel--n: {componentInputParameter: pipelinechannel--n}}}
                  triggerPolicy: {condition: "int(inputs.parameter_values['pipelinechannel--n']) > 5"}
                condition-3:
                  componentRef: {name: comp-condition-3}
                  inputs: {parameters: {pipelinechannel--n: {componentInputParameter: pipelinechannel--n}}}
                  triggerPolicy: {condition: "!(int(inputs.parameter_values['pipelinechannel--n']) > 5)"}
          comp-for-loop-4:
            inputDefinitions: {parameters: {pipelinechannel--items-loop-item: {parameterType: NUMBER_INTEGER}}}
            outputDefinitions: {parameters: {pipelinechannel--square-out: {parameterType: LIST}}}
            dag:
              outputs: {parameters: {pipelinechannel--square-out: {valueFromParameter: {producerSubtask: square, outputParameterKey: out}}}}
              tasks:
                square:
                  componentRef: {name: comp-square}
                  inputs: {parameters: {x: {componentInputParameter: pipelinechannel--items-loop-item}}}
        deploymentSpec:
          executors:
            exec-echo:
              container: {image: alpine, command: [sh, -c, 'printf %s "$1" > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['text']}}"]}
            exec-square:
              container: {image: alpine, command: [sh, -c, 'sleep 0.2; echo $(($1 * $1)) > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['x']}}"]}
            exec-total:
              container: {image: alpine, command: [sh, -c, 'printf %s "$1" > "$0"'], args: ["{{$.outputs.parameters['out'].output_file}}", "{{$.inputs.parameters['values']}}"]}
        root:
          inputDefinitions:
            parameters:
              n: {parameterType: NUMBER_INTEGER, defaultValue: 7.0}
              items: {parameterType: LIST, defaultValue: [3, 1, 2, 5]}
          outputDefinitions:
            parameters:
              size: {parameterType: STRING}
              squares: {parameterType: STRING}
          dag:
            outputs:
              parameters:
                size: {valueFromParameter: {producerSubtask: condition-branches-1, outputParameterKey: pipelinechannel--condition-branches-1-oneof-1}}
                squares: {valueFromParameter: {producerSubtask: total, outputParameterKey: out}}
            tasks:
              condition-branches-1:
                componentRef: {name: comp-condition-branches-1}
                inputs: {parameters: {pipelinechannel--n: {componentInputParameter: n}}}
              for-loop-4:
                componentRef: {name: comp-for-loop-4}
                iteratorPolicy: {parallelismLimit: 2}
                parameterIterator: {itemInput: pipelinechannel--items-loop-item, items: {inputParameter: pipelinechannel--items}}
                inputs: {parameters: {pipelinechannel--items: {componentInputParameter: items}}}
              total:
                componentRef: {name: comp-total}
                dependentTasks: [for-loop-4]
                inputs: {parameters: {values: {taskOutputParameter: {producerTask: for-loop-4, outputParameterKey: pipelinechannel--square-out}}}}
        """

    @Test("If/Else picks one branch and OneOf takes its value; the other branch is SKIPPED", arguments: [
        (7, "big", "condition-branches-1/condition-3"), (5, "small", "condition-branches-1/condition-2"),
    ])
    func conditionsAndOneOf(n: Int, size: String, skipped: String) async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(Self.flow, arguments: ["n": .int(n)], caching: false)
        #expect(run.state == .succeeded)
        #expect(run.outputs.parameters["size"] == .string(size))
        #expect(run.tasks[skipped]?.state == .skipped)
        #expect(run.tasks[skipped]?.message?.hasPrefix("condition is false: ") == true)
    }

    @Test("ParallelFor over a parameter collects outputs in item order, with parallelism 2")
    func loopCollects() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let started = Date()
        let run = try await harness.run(Self.flow, caching: false)
        #expect(run.state == .succeeded)
        #expect(run.outputs.parameters["squares"] == .string("[9,1,4,25]"))
        #expect(run.tasks["for-loop-4"]?.outputs.parameters["pipelinechannel--square-out"] == .array([9, 1, 4, 25]))
        for (index, value) in [9, 1, 4, 25].enumerated() {
            #expect(run.tasks["for-loop-4/\(index)/square"]?.outputs.parameters["out"] == .int(value))
        }
        // Four 0.2 s iterations two at a time take at least 0.4 s (a bound, not a timing test).
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }

    @Test("loop items from a raw list and from a JSON string parameter")
    func loopItemForms() async throws {
        let harness = RunnerHarness()
        defer { harness.cleanUp() }
        let raw = Self.flow.replacingOccurrences(
            of: "items: {inputParameter: pipelinechannel--items}", with: "items: {raw: '[4, 6]'}")
        let run = try await harness.run(raw, caching: false)
        #expect(run.outputs.parameters["squares"] == .string("[16,36]"))
        let fromText = try await harness.run(Self.flow, arguments: ["items": .string("[2, 3]")], caching: false)
        #expect(fromText.outputs.parameters["squares"] == .string("[4,9]"))
        let empty = try await harness.run(Self.flow, arguments: ["items": .array([])], caching: false)
        #expect(empty.outputs.parameters["squares"] == .string("[]"))
    }
}
