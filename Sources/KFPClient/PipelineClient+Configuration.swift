public import Foundation

extension PipelineClient {
    /// Where a ``PipelineClient`` connects and how: endpoint, credentials, namespace, timeouts, retries and
    /// the experiment runs go to by default.
    ///
    /// Build one directly, or with ``resolve(endpoint:token:namespace:cookies:environment:)`` to read
    /// the same environment variables as `kfp.Client`.
    public struct Configuration: Sendable {
        /// The base URL of the KFP API, e.g. `http://127.0.0.1:8888` or
        /// `https://kubeflow.example.com/pipeline`; request paths (`/apis/v2beta1/...`) are appended
        /// verbatim, so a server mounted under a prefix works when the prefix is included.
        public var endpoint: URL
        /// Sent as `Authorization: Bearer <token>` on every request (`kfp.Client(existing_token=)`).
        public var token: String?
        /// Sent as the `Cookie` header on every request (`kfp.Client(cookies=)`).
        public var cookies: String?
        /// The namespace of every namespaced call (sent as `namespace=`); nil sends `namespace=` empty
        /// where kfp does (experiment lists, run lists without an experiment, experiment creation).
        public var namespace: String?
        /// The longest one request may take, in seconds (connecting included).
        public var requestTimeout: TimeInterval
        /// How often a request is retried after a connection error (refused, reset before an answer,
        /// connect timeout), 0.5 s apart. HTTP errors and request timeouts are never retried.
        public var connectionRetries: Int
        /// The experiment a run or recurring run goes to when its options name none.
        public var defaultExperimentName: String

        /// A configuration from its parts; `endpoint` is used as given.
        public init(
            endpoint: URL, token: String? = nil, cookies: String? = nil, namespace: String? = nil,
            requestTimeout: TimeInterval = 30, connectionRetries: Int = 3, defaultExperimentName: String = "Default"
        ) {
            self.endpoint = endpoint
            self.token = token
            self.cookies = cookies
            self.namespace = namespace
            self.requestTimeout = requestTimeout
            self.connectionRetries = connectionRetries
            self.defaultExperimentName = defaultExperimentName
        }

        /// The path of the in-cluster token file `kfp.Client` reads when no token is given.
        public static let defaultTokenFile = "/var/run/secrets/kubeflow/pipelines/token"

        /// A configuration from arguments and the environment, as `kfp.Client()` builds one.
        ///
        /// - `endpoint`: the argument, else `KF_PIPELINES_ENDPOINT`. Text without a scheme gets
        ///   `http://` for `localhost`, `127.0.0.1` and `[::1]` and `https://` otherwise (kfp warns and
        ///   assumes `https://`); trailing slashes are dropped.
        /// - `token`: the argument, else `KF_PIPELINES_TOKEN`, else the contents (trimmed) of the file at
        ///   `KF_PIPELINES_TOKEN_FILE` or ``defaultTokenFile`` when it exists and is not empty.
        /// - ``defaultExperimentName``: `KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME` (wins), else
        ///   `KF_PIPELINES_DEFAULT_EXPERIMENT_NAME`, else `Default`.
        ///
        /// Empty arguments and variables count as absent.
        ///
        /// - Throws: ``PipelineClientError`` (no status) when no endpoint is given or it is not a URL with
        ///   a host.
        public static func resolve(
            endpoint: String? = nil, token: String? = nil, namespace: String? = nil, cookies: String? = nil,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> Configuration {
            func given(_ value: String?) -> String? {
                guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return value
            }
            guard let text = given(endpoint) ?? given(environment["KF_PIPELINES_ENDPOINT"]) else {
                throw PipelineClientError(
                    message:
                        "no KFP endpoint: pass one (e.g. --endpoint http://127.0.0.1:8888) or set KF_PIPELINES_ENDPOINT"
                )
            }
            let experiment =
                given(environment["KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME"])
                ?? given(environment["KF_PIPELINES_DEFAULT_EXPERIMENT_NAME"]) ?? "Default"
            return Configuration(
                endpoint: try endpointURL(text), token: given(token) ?? tokenFromEnvironment(environment),
                cookies: given(cookies), namespace: given(namespace), defaultExperimentName: experiment)
        }

        /// The endpoint URL for `text`, with a scheme added when missing and trailing slashes dropped.
        static func endpointURL(_ text: String) throws -> URL {
            var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            if !trimmed.contains("://") {
                let host = trimmed.prefix { $0 != "/" && $0 != ":" }.lowercased()
                let local = host == "localhost" || host == "127.0.0.1" || trimmed.lowercased().hasPrefix("[::1]")
                trimmed = (local ? "http://" : "https://") + trimmed
            }
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else {
                throw PipelineClientError(
                    message:
                        "invalid KFP endpoint '\(text)': expected a URL such as http://127.0.0.1:8888 or https://host/pipeline"
                )
            }
            return url
        }

        private static func tokenFromEnvironment(_ environment: [String: String]) -> String? {
            if let token = environment["KF_PIPELINES_TOKEN"], !token.isEmpty { return token }
            let path = environment["KF_PIPELINES_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultTokenFile
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return token.isEmpty ? nil : token
        }
    }
}
