import ArgumentParser
import KFPCommands

@main
extension KFPCommand {}
