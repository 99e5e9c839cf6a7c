import KFP
import KFPSpec

/// The benchmark's pipeline shape: `taskCount` container tasks in 10 parallel chains; each task
/// consumes the previous task's output parameter in its chain.
enum ChainPipeline {
    static let chains = 10

    static func step() throws -> Component {
        try Component.container(
            name: "step", inputs: [.parameter("value", .string)], outputs: [.parameter("out", .string)],
            image: "alpine:3.20",
            command: ["sh", "-c", "printf '%s+' \"$0\" > \"$1\"", .inputValue("value"), .outputParameterFile("out")])
    }

    static func make(taskCount: Int) throws -> Pipeline {
        let step = try step()
        return try Pipeline("chains-\(taskCount)") { p in
            var previous: [Ref?] = Array(repeating: nil, count: chains)
            for index in 0..<taskCount {
                let chain = index % chains
                let value: any ArgumentValue = previous[chain] ?? "start-\(chain)"
                previous[chain] = p.task(step, ["value": value]).outputs["out"]
            }
        }
    }

    /// The same shape with the Python SDK, timing definition plus compilation.
    static let pythonScript = """
        import sys, time, warnings
        warnings.simplefilter('ignore')
        from kfp import dsl, compiler

        @dsl.container_component
        def step(value: str, out: dsl.OutputPath(str)):
            return dsl.ContainerSpec(image='alpine:3.20', command=['sh', '-c', "printf '%s+' \\"$0\\" > \\"$1\\"", value, out])

        count = int(sys.argv[1])
        start = time.perf_counter()

        @dsl.pipeline(name=f'chains-{count}')
        def chains():
            previous = [None] * 10
            for index in range(count):
                chain = index % 10
                previous[chain] = step(value=previous[chain] if previous[chain] is not None else f'start-{chain}').outputs['out']

        compiler.Compiler().compile(chains, sys.argv[2])
        print(time.perf_counter() - start)
        """
}
