public import KFPSpec

/// The error every KFPAPI parser throws, and the error the server answers with: a gRPC code plus a
/// user-facing message.
///
/// ``body()`` is the JSON a grpc-gateway endpoint of the KFP API server returns (the KFP ≤ 2.13 shape,
/// a superset of the ≥ 2.14 one):
/// ```json
/// {"error": "msg", "code": 3, "message": "msg",
///  "details": [{"@type": "type.googleapis.com/google.rpc.Status", "code": 3, "message": "msg"}]}
/// ```
/// ``uploadBody()`` is the older shape of the multipart upload endpoints:
/// `{"error_message": "msg", "error_details": "msg"}`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gRPC code; ``httpStatus`` derives from it.
    public var code: RPCCode
    /// The user-facing message, e.g. `unknown field "foo" in run.runtime_config`.
    public var message: String

    /// An error with a gRPC code and a user-facing message.
    public init(_ code: RPCCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status of the response that carries this error (grpc-gateway's table).
    public var httpStatus: Int { code.httpStatus }

    /// `CODE_NAME: message`, e.g. `INVALID_ARGUMENT: unknown field "foo" in run`.
    public var description: String { "\(code.name): \(message)" }

    /// The grpc-gateway error body: `error`, `code`, `message` and one nested `google.rpc.Status` detail.
    public func body() -> JSONValue {
        var members = status.json().objectValue ?? [:]
        members["error"] = .string(message)
        members["code"] = .int(code.rawValue)
        members["message"] = .string(message)
        return .object(members)
    }

    /// The multipart upload endpoints' error body: `{"error_message": msg, "error_details": msg}`.
    public func uploadBody() -> JSONValue {
        ["error_message": .string(message), "error_details": .string(message)]
    }

    /// This error as a `google.rpc.Status` value (for `Run.error` and friends).
    public var status: RPCStatus { RPCStatus(code: code.rawValue, message: message) }
}

extension APIError {
    /// HTTP 400: a malformed request (bad JSON, unknown field, bad list query).
    public static func invalidArgument(_ message: String) -> APIError { APIError(.invalidArgument, message) }
    /// HTTP 404: the resource does not exist.
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    /// HTTP 409: a resource with that name or id exists already.
    public static func alreadyExists(_ message: String) -> APIError { APIError(.alreadyExists, message) }
    /// HTTP 400: the request is well formed but the resource is not in a state that allows it.
    public static func failedPrecondition(_ message: String) -> APIError { APIError(.failedPrecondition, message) }
    /// HTTP 500: a server-side failure.
    public static func internalError(_ message: String) -> APIError { APIError(.internalError, message) }
    /// HTTP 401: missing or rejected credentials.
    public static func unauthenticated(_ message: String) -> APIError { APIError(.unauthenticated, message) }
    /// HTTP 409: the operation was refused (KFP uses it for deleting the default experiment).
    public static func aborted(_ message: String) -> APIError { APIError(.aborted, message) }
}

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

    /// Creates the message; every field defaults to its proto default (unset).
    public init(code: Int = 0, message: String = "") {
        self.code = code
        self.message = message
    }

    /// The status for an ``RPCCode`` and a message.
    public init(_ code: RPCCode, _ message: String) {
        self.init(code: code.rawValue, message: message)
    }

    static let detailType = "type.googleapis.com/google.rpc.Status"

    /// Parses a protojson object, strictly or leniently per `mode` (see ``APIMessage``); throws ``APIError`` naming the field path.
    public init(json: JSONValue, path: String, mode: APIReadingMode) throws {
        let reader = try MessageReader(json, path: path, mode: mode, fields: ["code", "message", "details"])
        code = try reader.int32("code")
        message = try reader.string("message")
        _ = try reader.list("details")
    }

    /// The response JSON (see ``APIMessage``).
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
