import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// The official `kfp.Client` (kfp 2.17.3) against our server: every call the tutorial and the KFP
/// docs use, checked against what the real server answers (`Oracle/kfp_client_conformance.py`).
@Suite("kfp.Client against kfp server")
struct PythonClientTests {
    @Test("experiments, uploads, runs, paging, terminate, archive, delete and a recurring run all behave as on KFP", .enabled(if: TestEnvironment.oraclePython != nil, "no oracle Python; the kfp.Client conformance test is skipped"))
    func conformance() async throws {
        let server = try await ServerHarness.start()
        let work = server.dataFolder.appendingPathComponent("client-work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let output = try await TestEnvironment.runOracle(
            script: "kfp_client_conformance.py", arguments: [server.base.absoluteString, work.path])
        await server.stop()
        let result = try JSONDecoder().decode(ConformanceResult.self, from: output)
        print("kfp.Client conformance: \(result.passed) of \(result.total) checks passed; recurring runs fired: \(result.counts["recurring_fired"] ?? 0)")
        for failure in result.failures { Issue.record("\(failure)") }
        #expect(result.total == 57)
        #expect(result.passed == result.total)
    }
}

struct ConformanceResult: Decodable {
    var passed: Int
    var total: Int
    var failures: [String]
    var counts: [String: Int]
}
