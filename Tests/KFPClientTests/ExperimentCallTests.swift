import Foundation
import KFPAPI
import KFPClient
import KFPServer
import KFPSpec
import Testing

/// The experiment calls against an in-process `kfp server`.
@Suite("Experiment calls against kfp server")
struct ExperimentCallTests {
    @Test("healthz answers the server's fields")
    func healthz() async throws {
        try await ClientHarness.with { harness in
            let health = try await harness.client.healthz()
            #expect(
                health
                    == Healthz(commitSHA: "swift-kfp", tagName: "2.17.3", multiUser: false, pipelineStore: "database"))
        }
    }

    @Test("createExperiment creates once, then returns the same experiment (get or create)")
    func getOrCreate() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let created = try await client.createExperiment(name: "team a", description: "first")
            #expect(created.displayName == "team a")
            #expect(created.description == "first")
            #expect(created.storageState == .available)
            #expect(!created.experimentID.isEmpty)
            let again = try await client.createExperiment(name: "team a", description: "ignored")
            #expect(again == created)
            #expect(try await client.experiment(id: created.experimentID) == created)
            #expect(try await client.experiment(named: "team a") == created)
            let page = try await client.listExperiments()
            #expect(page.items.map(\.displayName) == ["Default", "team a"])
            #expect(page.totalSize == 2)
            #expect(page.nextPageToken == nil)
        }
    }

    @Test("names with spaces, plus, percent and emoji round-trip through the name filter")
    func specialNames() async throws {
        try await ClientHarness.with { harness in
            for name in ["a+b c", "100% sure", "naïve 🚀 run", #"quote " and \ back"#] {
                let created = try await harness.client.createExperiment(name: name)
                #expect(created.displayName == name)
                #expect(try await harness.client.experiment(named: name).experimentID == created.experimentID)
            }
            #expect(try await harness.client.listExperiments().totalSize == 5)
        }
    }

    @Test("an unknown name and an unknown id give kfp's client-side message and the server's 404")
    func missing() async throws {
        try await ClientHarness.with { harness in
            let byName = await clientError { try await harness.client.experiment(named: "nope") }
            #expect(byName == PipelineClientError(message: "No experiment is found with name nope."))
            let byID = await clientError { try await harness.client.experiment(id: "no-such-id") }
            #expect(byID?.status == 404)
            #expect(byID?.message == "Experiment no-such-id not found")
            #expect(byID?.body?.contains(#""code":5"#) == true)
        }
    }

    @Test("archive, unarchive and delete change what the server reports")
    func lifecycle() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let experiment = try await client.createExperiment(name: "short-lived")
            try await client.archiveExperiment(id: experiment.experimentID)
            #expect(try await client.experiment(id: experiment.experimentID).storageState == .archived)
            try await client.unarchiveExperiment(id: experiment.experimentID)
            #expect(try await client.experiment(id: experiment.experimentID).storageState == .available)
            try await client.deleteExperiment(id: experiment.experimentID)
            let gone = await clientError { try await client.experiment(id: experiment.experimentID) }
            #expect(gone?.status == 404)
            let defaultID = try await client.experiment(named: "Default").experimentID
            let refused = await clientError { try await client.deleteExperiment(id: defaultID) }
            #expect(refused?.status == 409)
            #expect(
                refused?.message == "Failed to delete experiment \(defaultID): the default experiment cannot be deleted"
            )
        }
    }

    @Test("pages follow next_page_token; allExperiments streams every page in order")
    func paging() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            for index in 1...6 { _ = try await client.createExperiment(name: "exp-\(index)") }
            let first = try await client.listExperiments(ListOptions(pageSize: 4, sortBy: "display_name desc"))
            #expect(first.items.map(\.displayName) == ["exp-6", "exp-5", "exp-4", "exp-3"])
            #expect(first.totalSize == 7)
            let token = try #require(first.nextPageToken)
            let second = try await client.listExperiments(ListOptions(pageToken: token, pageSize: 4))
            #expect(second.items.map(\.displayName) == ["exp-2", "exp-1", "Default"])
            #expect(second.nextPageToken == nil)
            let all = try await collect(client.allExperiments(ListOptions(pageSize: 2, sortBy: "display_name")))
            #expect(all.map(\.displayName) == ["Default", "exp-1", "exp-2", "exp-3", "exp-4", "exp-5", "exp-6"])
            let filter =
                #"{"predicates": [{"key": "display_name", "operation": "IS_SUBSTRING", "string_value": "exp-"}]}"#
            let filtered = try await collect(
                client.allExperiments(ListOptions(pageSize: 4, sortBy: "display_name", filter: filter)))
            #expect(filtered.count == 6)
            let bad = await clientError { try await client.listExperiments(ListOptions(sortBy: "colour")) }
            #expect(bad?.status == 400)
        }
    }

    @Test("a configured namespace and credentials are accepted by a server that checks the token")
    func token() async throws {
        try await ClientHarness.with(
            { $0.token = "s3cret" },
            client: {
                $0.token = "s3cret"
                $0.namespace = "team-a"
            }
        ) { harness in
            #expect(try await harness.client.createExperiment(name: "with-token").displayName == "with-token")
            var wrong = harness.client.configuration
            wrong.token = "other"
            let stranger = PipelineClient(configuration: wrong)
            let refused = await clientError { try await stranger.listExperiments() }
            try await stranger.shutdown()
            #expect(refused?.status == 401)
            #expect(refused?.message == "this server needs an 'Authorization: Bearer <token>' header with its --token")
        }
    }
}
