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

/// What makes two channels the same input of a group: producer, name, type, and the key of a loop
/// item's field (KFP compares channels by their pattern, made of the same parts).
struct ChannelIdentity: Hashable {
    let taskName: String
    let name: String
    let kind: Channel.Kind
    let field: String?

    init(_ channel: Channel) {
        taskName = channel.taskName ?? ""
        if case .loopVariable(let argument, let key) = channel.origin {
            name = argument.name
            field = key
        } else {
            name = channel.name
            field = nil
        }
        kind = channel.kind
    }
}
