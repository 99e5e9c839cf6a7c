import Foundation
import KFPAPI
import KFPClient
import KFPSpec
import Testing

/// The run calls against an in-process `kfp server` that executes the runs on this machine.
@Suite("Run calls against kfp server")
struct RunCallTests {
    /// `"<base> yyyy-MM-dd HH-mm-ss"`.
    static func isDefaultName(_ name: String, base: String) -> Bool {
        guard name.hasPrefix(base + " ") else { return false }
        let stamp = name.dropFirst(base.count + 1)
        return stamp.count == 19 && stamp.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
    }

    static func taskStates(_ run: Run) -> [String: RuntimeState] {
        Dictionary(uniqueKeysWithValues: (run.runDetails?.taskDetails ?? []).map { ($0.displayName, $0.state) })
    }

    @Test("createRun(packageFile:) runs in the named experiment; waitForRun returns the SUCCEEDED run with its tasks")
    func packageRun() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let file = try ClientHarness.temporaryFile(
                "two_step.yaml", try ClientTestPipelines.yaml(try ClientTestPipelines.twoStep()))
            let options = RunOptions(
                runName: "first run", experimentName: "runs", description: "from a file",
                pipelineRoot: harness.dataFolder.appendingPathComponent("root").path,
                serviceAccount: "sa1")
            let run = try await client.createRun(packageFile: file, arguments: ["text": "kfp"], options: options)
            let experiment = try await client.experiment(named: "runs")
            #expect(run.experimentID == experiment.experimentID)
            #expect(run.displayName == "first run")
            #expect(run.description == "from a file")
            #expect(run.serviceAccount == "sa1")
            #expect(
                run.runtimeConfig
                    == RuntimeConfig(parameters: ["text": "kfp"], pipelineRoot: options.pipelineRoot ?? ""))
            #expect(run.storageState == .available)

            let updates = UpdateLog()
            let done = try await client.waitForRun(id: run.runID, timeout: 60, pollInterval: 0.2) {
                await updates.add($0.state)
            }
            #expect(done.state == .succeeded)
            #expect(done.runID == run.runID)
            #expect(Self.taskStates(done) == ["produce": .succeeded, "consume": .succeeded])
            #expect(await updates.states.last == .succeeded)
            #expect(try await client.run(id: run.runID).state == .succeeded)
        }
    }

    @Test("default run name, experiment and caching follow kfp; createRun(pipelineID:) runs the latest version")
    func defaults() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let spec = try ClientTestPipelines.twoStep()
            let fromSpec = try await client.createRun(spec: spec, options: RunOptions(enableCaching: false))
            #expect(Self.isDefaultName(fromSpec.displayName, base: "two-step"))
            #expect(fromSpec.experimentID == (try await client.experiment(named: "Default")).experimentID)
            #expect(fromSpec.runtimeConfig?.parameters == [:])
            let tasks = fromSpec.pipelineSpec?.objectValue?["root"]?.objectValue?["dag"]?.objectValue?["tasks"]?
                .objectValue
            #expect(tasks?["produce"]?.objectValue?["cachingOptions"] == .object([:]))
            #expect(tasks?["consume"]?.objectValue?["cachingOptions"] == .object([:]))

            let pipeline = try await client.uploadPipeline(spec: spec, name: "stored two-step")
            let version = try #require(
                try await client.listPipelineVersions(pipelineID: pipeline.pipelineID).items.first)
            let stored = try await client.createRun(pipelineID: pipeline.pipelineID, arguments: ["text": "stored"])
            #expect(Self.isDefaultName(stored.displayName, base: "stored two-step"))
            #expect(stored.pipelineVersionReference?.pipelineID == pipeline.pipelineID)
            let pinned = try await client.createRun(
                pipelineID: pipeline.pipelineID, versionID: version.pipelineVersionID,
                options: RunOptions(runName: "pinned", experimentName: "pins"))
            #expect(
                pinned.pipelineVersionReference
                    == PipelineVersionReference(
                        pipelineID: pipeline.pipelineID, pipelineVersionID: version.pipelineVersionID))
            for id in [fromSpec.runID, stored.runID, pinned.runID] {
                #expect(try await client.waitForRun(id: id, timeout: 60, pollInterval: 0.2).state == .succeeded)
            }
            let missing = await clientError {
                try await client.createRun(pipelineID: "no-such-pipeline", options: RunOptions(runName: "x"))
            }
            #expect(missing?.status == 404)
        }
    }

    @Test("a failing run ends FAILED, retryRun runs it again; terminateRun cancels a sleeping run")
    func failAndTerminate() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let failed = try await client.createRun(
                spec: try ClientTestPipelines.failing(), options: RunOptions(runName: "boom"))
            let first = try await client.waitForRun(id: failed.runID, timeout: 60, pollInterval: 0.2)
            #expect(first.state == .failed)
            #expect(Self.taskStates(first) == ["fail": .failed])
            try await client.retryRun(id: failed.runID)
            #expect(try await client.waitForRun(id: failed.runID, timeout: 60, pollInterval: 0.2).state == .failed)

            let sleeping = try await client.createRun(
                spec: try ClientTestPipelines.sleeping(), options: RunOptions(runName: "nap"))
            try await client.terminateRun(id: sleeping.runID)
            let canceled = try await client.waitForRun(id: sleeping.runID, timeout: 60, pollInterval: 0.2)
            #expect(canceled.state == .canceled)
            let again = await clientError { try await client.terminateRun(id: sleeping.runID) }
            #expect(again?.status == 400)
            #expect(again?.message == "Failed to terminate run \(sleeping.runID): the run is CANCELED, not running")
            let notRetryable = await clientError { try await client.retryRun(id: "no-such-run") }
            #expect(notRetryable?.status == 404)
        }
    }

    @Test("listRuns by experiment, allRuns paging, archive, unarchive and delete")
    func listAndArchive() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let spec = try ClientTestPipelines.twoStep()
            let experiment = try await client.createExperiment(name: "listing")
            var ids: [String] = []
            for index in 1...3 {
                let run = try await client.createRun(
                    spec: spec, options: RunOptions(runName: "run-\(index)", experimentID: experiment.experimentID))
                ids.append(run.runID)
            }
            _ = try await client.createRun(spec: spec, options: RunOptions(runName: "elsewhere"))
            let inExperiment = try await client.listRuns(
                ListOptions(sortBy: "display_name"), experimentID: experiment.experimentID)
            #expect(inExperiment.items.map(\.displayName) == ["run-1", "run-2", "run-3"])
            #expect(inExperiment.totalSize == 3)
            let everything = try await collect(client.allRuns(ListOptions(pageSize: 1, sortBy: "display_name desc")))
            #expect(everything.map(\.displayName) == ["run-3", "run-2", "run-1", "elsewhere"])
            let streamed = try await collect(
                client.allRuns(ListOptions(pageSize: 2), experimentID: experiment.experimentID))
            #expect(Set(streamed.map(\.runID)) == Set(ids))
            for id in ids { _ = try await client.waitForRun(id: id, timeout: 60, pollInterval: 0.2) }

            try await client.archiveRun(id: ids[0])
            #expect(try await client.run(id: ids[0]).storageState == .archived)
            try await client.unarchiveRun(id: ids[0])
            #expect(try await client.run(id: ids[0]).storageState == .available)
            try await client.deleteRun(id: ids[1])
            let gone = await clientError { try await client.run(id: ids[1]) }
            #expect(gone?.status == 404)
            #expect(gone?.message == "Run \(ids[1]) not found")
            #expect(try await client.listRuns(experimentID: experiment.experimentID).totalSize == 2)
        }
    }
}

/// The states `waitForRun` reported, in order.
actor UpdateLog {
    private(set) var states: [RuntimeState] = []
    func add(_ state: RuntimeState) { states.append(state) }
}
