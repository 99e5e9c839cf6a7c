public import KFP
public import KFPSpec

/// Compiles a ``KFP/Pipeline`` to the KFP v2 pipeline spec (IR), as the Python SDK's
/// `kfp.compiler.Compiler` does.
public struct PipelineCompiler: Sendable {
    /// The `sdkVersion` recorded in compiled specs.
    public static let sdkVersion = "swift-kfp-0.1.0"

    public init() {}
}
