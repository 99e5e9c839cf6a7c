import KFPAPI
import KFPSpec
import Testing

/// ``RPCCode``, ``APIError`` and ``RPCStatus``: the gRPC → HTTP table and the exact error bodies.
@Suite("Error bodies")
struct ErrorBodyTests {
    @Test("every gRPC code maps to grpc-gateway's HTTP status")
    func httpStatusTable() {
        let expected = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401]
        #expect(RPCCode.allCases.map(\.rawValue) == Array(0...16))
        #expect(RPCCode.allCases.map(\.httpStatus) == expected)
        #expect(RPCCode.internalError.name == "INTERNAL")
        #expect(RPCCode.invalidArgument.name == "INVALID_ARGUMENT")
    }

    @Test("the grpc-gateway body carries error, code, message and one nested google.rpc.Status")
    func gatewayBody() throws {
        let error = APIError.notFound("Run abc not found")
        #expect(error.httpStatus == 404)
        #expect(error.code == .notFound)
        let expected = try TestJSON.parse(
            """
            {"error": "Run abc not found", "code": 5, "message": "Run abc not found",
             "details": [{"@type": "type.googleapis.com/google.rpc.Status", "code": 5,
                          "message": "Run abc not found"}]}
            """)
        #expect(error.body() == expected)
        #expect(
            error.body().compactJSON()
                == #"{"code":5,"details":[{"@type":"type.googleapis.com/google.rpc.Status","code":5,"message":"Run abc not found"}],"error":"Run abc not found","message":"Run abc not found"}"#
        )
    }

    @Test("the upload endpoints' body has error_message and error_details")
    func uploadBody() {
        let error = APIError.alreadyExists("pipeline 'p' exists")
        #expect(error.uploadBody() == ["error_message": "pipeline 'p' exists", "error_details": "pipeline 'p' exists"])
        #expect(error.httpStatus == 409)
    }

    @Test("static helpers set the code; description shows the code name")
    func helpers() {
        #expect(APIError.invalidArgument("x") == APIError(.invalidArgument, "x"))
        #expect(APIError.failedPrecondition("x").httpStatus == 400)
        #expect(APIError.internalError("x").httpStatus == 500)
        #expect(APIError.unauthenticated("x").httpStatus == 401)
        #expect(APIError.aborted("x").httpStatus == 409)
        #expect(APIError.invalidArgument("bad page").description == "INVALID_ARGUMENT: bad page")
    }

    @Test("RPCStatus encodes like the error body without 'error' and reads code and message back")
    func rpcStatus() throws {
        let status = RPCStatus(.internalError, "task failed 💥")
        let expected = try TestJSON.parse(
            """
            {"code": 13, "message": "task failed 💥",
             "details": [{"@type": "type.googleapis.com/google.rpc.Status", "code": 13, "message": "task failed 💥"}]}
            """)
        #expect(status.json() == expected)
        #expect(try RPCStatus(json: expected, path: "run.error") == status)
        #expect(APIError.internalError("task failed 💥").status == status)
    }
}
