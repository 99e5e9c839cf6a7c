public import KFP
public import KFPSpec

/// Compiles a ``KFP/Pipeline`` to the KFP v2 pipeline spec (IR), as the Python SDK's
/// `kfp.compiler.Compiler` does: the same component, executor, group and input names
/// (`comp-x`, `comp-x-2`, `exec-x`, `condition-N`, `for-loop-N`, `condition-branches-N`,
/// `exit-handler-N`, `pipelinechannel--...`), so the result loads in the Python SDK and runs on a
/// KFP cluster or with `KFPLocal`.
///
/// ```swift
/// let spec = try PipelineCompiler().compile(pipeline)
/// let yaml = try SpecWriter().write(spec)
/// ```
///
/// Compilation is pure and deterministic: the same pipeline gives byte-identical YAML.
public struct PipelineCompiler: Sendable {
    /// The `sdkVersion` recorded in compiled specs.
    public static let sdkVersion = "swift-kfp-0.1.0"

    public init() {}

    /// The IR of `pipeline`.
    ///
    /// - Throws: ``KFP/DefinitionError`` for topology mistakes only the whole graph shows: a loop
    ///   task's output used outside the loop without Collected, a branch task's output used outside
    ///   its branch, a final-status input on an ordinary task, ...; each names the task's call site.
    public func compile(_ pipeline: Pipeline) throws(DefinitionError) -> PipelineSpec {
        var assembler = SpecAssembler(pipeline: pipeline) { sub throws(DefinitionError) in
            try PipelineCompiler().compile(sub)
        }
        return try assembler.assemble()
    }

    /// A pipeline as a component (KFP's `GraphComponent`): its IR, usable as a task elsewhere or
    /// saved as a component file.
    public func component(_ pipeline: Pipeline) throws(DefinitionError) -> Component {
        Component(spec: try compile(pipeline), name: pipeline.name)
    }
}
