import ArgumentParser

/// The `kfp` command: Kubeflow Pipelines for Swift.
///
/// Embed it in your own executable, or run the `kfp` binary.
public struct KFPCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kfp",
        abstract: "Kubeflow Pipelines for Swift: check, print and run KFP pipeline specs.",
        subcommands: [SpecCommand.self, LocalCommand.self, ServerCommand.self]
    )

    public init() {}
}
