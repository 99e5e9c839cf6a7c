import ArgumentParser
import KFPCommands

/// The `kfp` executable: `KFPCommand` with connection options allowed before a server command group.
@main
enum KFPMain {
    static func main() async {
        await KFPCommand.main(KFPCommand.reorderedArguments(Array(CommandLine.arguments.dropFirst())))
    }
}
