import ArgumentParser

/// The `kfp` command: Kubeflow Pipelines for Swift.
///
/// Embed it in your own executable, or run the `kfp` binary.
public struct KFPCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kfp",
        abstract: "Kubeflow Pipelines for Swift: check, print and run KFP pipeline specs; build component images; serve and use the KFP API.",
        subcommands: [
            SpecCommand.self, LocalCommand.self, ComponentCommand.self, ServerCommand.self, ExperimentCommand.self, PipelineCommand.self,
            RunCommand.self, RecurringRunCommand.self,
        ]
    )

    public init() {}
}
