/// A gRPC status code, as carried in `google.rpc.Status.code` and KFP's error bodies.
///
/// The raw value is the gRPC number (`ok` = 0 … `unauthenticated` = 16). ``httpStatus`` maps it to
/// the HTTP status the KFP API server (grpc-gateway) answers with, so `invalidArgument` is 400 and
/// `notFound` is 404.
public enum RPCCode: Int, Sendable, CaseIterable {
    case ok = 0
    case cancelled = 1
    case unknown = 2
    case invalidArgument = 3
    case deadlineExceeded = 4
    case notFound = 5
    case alreadyExists = 6
    case permissionDenied = 7
    case resourceExhausted = 8
    case failedPrecondition = 9
    case aborted = 10
    case outOfRange = 11
    case unimplemented = 12
    case internalError = 13
    case unavailable = 14
    case dataLoss = 15
    case unauthenticated = 16

    /// The HTTP status grpc-gateway gives this code (`HTTPStatusFromCode`): 200, 499, 500, 400, 504, 404,
    /// 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401 in code order.
    public var httpStatus: Int {
        switch self {
        case .ok: return 200
        case .cancelled: return 499
        case .unknown: return 500
        case .invalidArgument: return 400
        case .deadlineExceeded: return 504
        case .notFound: return 404
        case .alreadyExists: return 409
        case .permissionDenied: return 403
        case .resourceExhausted: return 429
        case .failedPrecondition: return 400
        case .aborted: return 409
        case .outOfRange: return 400
        case .unimplemented: return 501
        case .internalError: return 500
        case .unavailable: return 503
        case .dataLoss: return 500
        case .unauthenticated: return 401
        }
    }

    /// The canonical upper-case gRPC name, e.g. `INVALID_ARGUMENT`, `NOT_FOUND`, `INTERNAL`.
    public var name: String {
        switch self {
        case .ok: return "OK"
        case .cancelled: return "CANCELLED"
        case .unknown: return "UNKNOWN"
        case .invalidArgument: return "INVALID_ARGUMENT"
        case .deadlineExceeded: return "DEADLINE_EXCEEDED"
        case .notFound: return "NOT_FOUND"
        case .alreadyExists: return "ALREADY_EXISTS"
        case .permissionDenied: return "PERMISSION_DENIED"
        case .resourceExhausted: return "RESOURCE_EXHAUSTED"
        case .failedPrecondition: return "FAILED_PRECONDITION"
        case .aborted: return "ABORTED"
        case .outOfRange: return "OUT_OF_RANGE"
        case .unimplemented: return "UNIMPLEMENTED"
        case .internalError: return "INTERNAL"
        case .unavailable: return "UNAVAILABLE"
        case .dataLoss: return "DATA_LOSS"
        case .unauthenticated: return "UNAUTHENTICATED"
        }
    }
}
