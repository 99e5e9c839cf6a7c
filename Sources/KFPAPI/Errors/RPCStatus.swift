public import KFPSpec

/// A `google.rpc.Status`, as KFP puts it in `Run.error`, `RuntimeStatus.error`,
/// `PipelineTaskDetail.error` and `RecurringRun.error`.
///
/// Encodes as `{"code": n, "message": msg, "details": [{"@type":
/// "type.googleapis.com/google.rpc.Status", "code": n, "message": msg}]}`: the nested detail is what
/// KFP's `UserError`s carry, and a detail without a `value` is the shape the Python client's
/// `ProtobufAny` model accepts. A zero `code` and an empty `message` are left out, as protojson does.
/// Decoding reads `code` and `message` and accepts (and drops) any `details`.
public struct RPCStatus: Sendable, Equatable, APIMessage {
    /// The gRPC code number (see ``RPCCode``).
    public var code: Int
    /// The error text.
    public var message: String

    public init(code: Int = 0, message: String = "") {
        self.code = code
        self.message = message
    }

    /// The status for an ``RPCCode`` and a message.
    public init(_ code: RPCCode, _ message: String) {
        self.init(code: code.rawValue, message: message)
    }

    static let detailType = "type.googleapis.com/google.rpc.Status"

    public init(json: JSONValue, path: String) throws {
        let reader = try MessageReader(json, path: path, fields: ["code", "message", "details"])
        code = try reader.int32("code")
        message = try reader.string("message")
        _ = try reader.list("details")
    }

    public func json() -> JSONValue {
        var detail = MessageWriter()
        detail.string("@type", Self.detailType)
        detail.int32("code", code)
        detail.string("message", message)
        var writer = MessageWriter()
        writer.int32("code", code)
        writer.string("message", message)
        writer.set("details", .array([detail.json]))
        return writer.json
    }
}
