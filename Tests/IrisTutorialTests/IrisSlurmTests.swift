import Foundation
import IrisTutorial
import KFPCompiler
import KFPLocal
import KFPSlurm
import KFPSpec
import KFPTestSupport
import Testing

/// The main job as Slurm jobs on the real two-node cluster: the download task runs curl on a node
/// (the tarball served on the host's bridge address, which the nodes reach) and the merge task its
/// pandas code in the managed environment made on this machine; the merged CSV is the same 150
/// rows as the inputs, and each task names its node and job.
@Suite("Iris tutorial on Slurm", .enabled(if: SlurmTestCluster.isAvailable && SlurmTestCluster.bridgeAddress != nil))
struct IrisSlurmTests {
    @Test("150 merged rows equal to the inputs; each task ran on a node of the cluster")
    func irisOnSlurm() async throws {
        let address = try #require(SlurmTestCluster.bridgeAddress)
        let spec = try PipelineCompiler().compile(try IrisTutorial.pipeline())
        let root = SlurmTestCluster.scratch("iris-slurm")
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = try SlurmConfiguration.resolve(url: nil, user: nil, token: nil, environment: SlurmTestCluster.variables)
        configuration.partition = SlurmTestCluster.partition
        configuration.pythonEnvironmentsRoot = LocalRunnerOptions.defaultCacheFolder.appendingPathComponent("python")
        let slurm = SlurmLauncher(configuration: configuration)
        let runner = LocalRunner(options: LocalRunnerOptions(pipelineRoot: root, cachingEnabled: false, launcher: .remote(slurm)))
        let name = IrisTutorial.tarballName
        let result = await ContainerTestGate.shared.run {
            do {
                return Result<LocalRun, any Error>.success(try await LoopbackFileServer.serving([name: IrisTutorial.tarball], address: address, port: 0) { base in
                    try await runner.run(spec, arguments: ["url": .string(base.appendingPathComponent(name).absoluteString)])
                })
            } catch {
                return .failure(error)
            }
        }
        await slurm.shutdown()
        let run = try result.get()
        #expect(run.state == .succeeded, "\(run.tasks.mapValues { $0.message ?? "" })")
        #expect(run.launcher.hasPrefix("slurm (http://"))
        let report = try MergedCSVReport(run: run)
        #expect(report.rows.count == 150)
        #expect(report.columnCount == 5)
        #expect(report.rows.sorted() == (try IrisTutorialTests.inputRows(in: root.appendingPathComponent("expected"))).sorted())
        for (path, record) in run.tasks where record.taskRoot != nil {
            #expect(record.node.map(SlurmTestCluster.nodes.contains) == true, "\(path)")
            #expect(record.slurmJobID != nil, "\(path)")
        }
    }
}
