import Foundation
import KFPAPI
import KFPClient
import Testing

/// `PipelineClient.Configuration.resolve`: arguments, then kfp's environment variables.
@Suite("Configuration from arguments and the environment")
struct ConfigurationTests {
    @Test(
        "endpoints get a scheme when missing (http for loopback, https otherwise) and lose trailing slashes",
        arguments: [
            ("http://kfp.example.com:8888/", "http://kfp.example.com:8888"),
            ("127.0.0.1:8888", "http://127.0.0.1:8888"),
            ("localhost:3000/", "http://localhost:3000"),
            ("kubeflow.example.com/pipeline", "https://kubeflow.example.com/pipeline"),
            ("https://host/prefix//", "https://host/prefix"),
        ])
    func endpoints(given: String, expected: String) throws {
        let configuration = try PipelineClient.Configuration.resolve(endpoint: given, environment: [:])
        #expect(configuration.endpoint.absoluteString == expected)
        #expect(configuration.token == nil)
        #expect(configuration.namespace == nil)
        #expect(configuration.requestTimeout == 30)
        #expect(configuration.connectionRetries == 3)
        #expect(configuration.defaultExperimentName == "Default")
    }

    @Test("the argument wins over KF_PIPELINES_ENDPOINT; without either resolve throws")
    func endpointSources() throws {
        let environment = ["KF_PIPELINES_ENDPOINT": "http://from-env:1"]
        #expect(
            try PipelineClient.Configuration.resolve(environment: environment).endpoint.absoluteString == "http://from-env:1"
        )
        #expect(
            try PipelineClient.Configuration.resolve(endpoint: "http://arg:2", environment: environment).endpoint
                .absoluteString == "http://arg:2")
        #expect(
            throws: PipelineClientError(
                message:
                    "no KFP endpoint: pass one (e.g. --endpoint http://127.0.0.1:8888) or set KF_PIPELINES_ENDPOINT")
        ) {
            try PipelineClient.Configuration.resolve(endpoint: " ", environment: ["KF_PIPELINES_ENDPOINT": ""])
        }
        #expect(
            throws: PipelineClientError(
                message:
                    "invalid KFP endpoint 'ftp://x': expected a URL such as http://127.0.0.1:8888 or https://host/pipeline"
            )
        ) {
            try PipelineClient.Configuration.resolve(endpoint: "ftp://x", environment: [:])
        }
    }

    @Test("token: argument, then KF_PIPELINES_TOKEN, then the token file (trimmed)")
    func tokens() throws {
        let file = try ClientHarness.temporaryFile("token", Data("  file-token\n".utf8))
        let empty = try ClientHarness.temporaryFile("empty", Data())
        let base = ["KF_PIPELINES_ENDPOINT": "http://h:1"]
        func token(_ argument: String?, _ extra: [String: String]) throws -> String? {
            try PipelineClient.Configuration.resolve(token: argument, environment: base.merging(extra) { $1 }).token
        }
        #expect(try token("arg", ["KF_PIPELINES_TOKEN": "env", "KF_PIPELINES_TOKEN_FILE": file.path]) == "arg")
        #expect(try token(nil, ["KF_PIPELINES_TOKEN": "env", "KF_PIPELINES_TOKEN_FILE": file.path]) == "env")
        #expect(try token(nil, ["KF_PIPELINES_TOKEN_FILE": file.path]) == "file-token")
        #expect(try token(nil, ["KF_PIPELINES_TOKEN_FILE": empty.path]) == nil)
        #expect(try token(nil, ["KF_PIPELINES_TOKEN_FILE": "/nonexistent/token"]) == nil)
    }

    @Test("default experiment: the override wins over the default variable, else Default")
    func experimentNames() throws {
        func name(_ extra: [String: String]) throws -> String {
            try PipelineClient.Configuration.resolve(endpoint: "http://h:1", environment: extra).defaultExperimentName
        }
        #expect(try name([:]) == "Default")
        #expect(try name(["KF_PIPELINES_DEFAULT_EXPERIMENT_NAME": "team"]) == "team")
        #expect(
            try name(["KF_PIPELINES_DEFAULT_EXPERIMENT_NAME": "team", "KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME": "ci"])
                == "ci")
        let configuration = try PipelineClient.Configuration.resolve(
            endpoint: "http://h:1", namespace: "ns", cookies: "a=b", environment: [:])
        #expect(configuration.namespace == "ns")
        #expect(configuration.cookies == "a=b")
    }

    @Test("the configured default experiment receives runs made without one")
    func defaultExperimentUsed() async throws {
        try await ClientHarness.with(client: { $0.defaultExperimentName = "nightly builds" }) { harness in
            let run = try await harness.client.createRun(spec: try ClientTestPipelines.twoStep())
            let experiment = try await harness.client.experiment(named: "nightly builds")
            #expect(run.experimentID == experiment.experimentID)
            _ = try await harness.client.waitForRun(id: run.runID, timeout: 60, pollInterval: 0.2)
        }
    }
}
