/// Why the Slurm launcher could not be set up or could not talk to slurmrestd.
public struct SlurmError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Hashable {
        /// A missing or malformed setting (URL, user, token).
        case configuration
        /// slurmrestd could not be reached (connection refused), or answered that the controller
        /// cannot be: nothing was done, and asking again later may work.
        case unanswered
        /// A request got no answer in time: it may or may not have been carried out.
        case timedOut
        /// slurmrestd answered with an error (HTTP status and Slurm's own errors).
        case refused
        /// slurmrestd answered something this launcher cannot read.
        case unreadable
        /// The calling Swift task was canceled.
        case canceled
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// One line: what was asked, of which URL, and what came back.
    public var message: String
    /// Slurm's error code (`2014`: requested node configuration is not available), when it gave one.
    public var slurmCode: Int?
    /// The HTTP status of slurmrestd's answer, when there was one.
    public var httpStatus: Int?

    /// An error of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String, slurmCode: Int? = nil, httpStatus: Int? = nil) {
        self.kind = kind
        self.message = message
        self.slurmCode = slurmCode
        self.httpStatus = httpStatus
    }

    /// The message.
    public var description: String { message }
}
