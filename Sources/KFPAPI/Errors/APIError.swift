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
