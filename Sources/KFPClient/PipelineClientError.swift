/// The one error ``PipelineClient`` throws.
///
/// - HTTP errors (any non-2xx answer) carry the ``status`` and the server's own message: the
///   `message` of the `google.rpc.Status` body the KFP API server answers with (else its `error`, the
///   upload endpoints' `error_message`, or the body text), and the raw ``body``.
/// - Connection failures, timeouts, unreadable responses and client-side checks (no experiment
///   with that name, a missing package file) have a nil ``status``.
///
/// `description` is `HTTP 404: <message>` for HTTP errors and the message alone otherwise.
public struct PipelineClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status of the answer; nil for connection, timeout and client-side errors.
    public var status: Int?
    /// The server's message (`google.rpc.Status.message` or `error_message`) or ours.
    public var message: String
    /// The raw response body, when there was one.
    public var body: String?

    /// An error with a message, and the HTTP status and raw body when a response caused it.
    public init(status: Int? = nil, message: String, body: String? = nil) {
        self.status = status
        self.message = message
        self.body = body
    }

    /// `HTTP <status>: <message>`, or the message alone when there is no status.
    public var description: String {
        status.map { "HTTP \($0): \(message)" } ?? message
    }
}
