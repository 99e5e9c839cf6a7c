import Foundation
import KFPLocal
import KFPSpec

/// Runs small hand-written pipelines in a fresh pipeline root.
struct RunnerHarness {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-runner-\(UUID().uuidString)")
    }

    func spec(_ yaml: String) throws -> PipelineSpec {
        try SpecLoader(file: "test.yaml").loadPipelineSpec(yaml)
    }

    func run(_ yaml: String, arguments: [String: JSONValue] = [:], caching: Bool = true, maxParallel: Int = 4) async throws -> LocalRun {
        try await LocalRunner(options: LocalRunnerOptions(pipelineRoot: root, maxParallel: maxParallel, cachingEnabled: caching))
            .run(try spec(yaml), arguments: arguments)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

