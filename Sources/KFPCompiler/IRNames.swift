import KFP

/// The names the compiler gives channels in the IR, as KFP's compiler does; the DSL records
/// channels by their KFP channel names only.
enum IRNames {
    /// The prefix of every input the compiler injects for a channel.
    static let injectedInputPrefix = "pipelinechannel--"

    /// The input injected for the channel of full name `fullName`: `pipelinechannel--<fullName>`.
    static func injectedInput(_ fullName: String) -> String {
        injectedInputPrefix + fullName
    }
}

extension Channel {
    /// The input the compiler injects for this channel: `pipelinechannel--<fullName>`.
    var injectedInputName: String { IRNames.injectedInput(fullName) }
}
