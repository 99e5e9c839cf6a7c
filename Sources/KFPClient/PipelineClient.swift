import Foundation
public import KFPAPI
import KFPSpec

/// An async client of the Kubeflow Pipelines v2beta1 REST API, the Swift counterpart of `kfp.Client`.
///
/// It talks to a KFP cluster or to `kfp server` and sends what `kfp.Client` (kfp 2.17) sends: the
/// same paths, query strings (form-encoded, `+` for spaces, empty `page_token=&sort_by=` included),
/// JSON bodies and multipart uploads. Responses are read leniently (unknown fields are ignored), so
/// newer servers work. Every call throws ``PipelineClientError``.
///
/// ```swift
/// let client = PipelineClient(configuration: try .resolve(endpoint: "http://127.0.0.1:8888"))
/// let run = try await client.createRun(packageFile: URL(fileURLWithPath: "pipeline.yaml"),
///                                      arguments: ["url": "https://example.com/data.csv"])
/// let done = try await client.waitForRun(id: run.runID, timeout: 600)
/// print(done.state)                      // SUCCEEDED
/// try await client.shutdown()
/// ```
///
/// Each client owns an HTTP connection pool (AsyncHTTPClient on the shared NIO event loops): call
/// ``shutdown()`` once when done; copies of the value share the pool. A pool that is never shut down
/// leaks, and AsyncHTTPClient stops debug builds when it is deallocated still open.
public struct PipelineClient: Sendable {
    /// The endpoint, credentials and defaults this client uses.
    public let configuration: Configuration
    let transport: HTTPTransport

    /// A client for `configuration`; it opens connections lazily, so this never fails.
    public init(configuration: Configuration) {
        self.configuration = configuration
        self.transport = HTTPTransport(configuration: configuration)
    }

    /// Closes the connection pool; later calls fail. Calling it again does nothing.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    /// `GET /apis/v2beta1/healthz`: `{"commit_sha", "tag_name", "multi_user", "pipeline_store"}`.
    /// (`kfp.Client()` makes this call in its constructor to read `multi_user`.)
    ///
    /// - Throws: ``PipelineClientError``.
    public func healthz() async throws -> Healthz {
        try await call(APIRequest(.GET, APIRequest.path("healthz")), as: Healthz.self, path: "healthz")
    }

    // MARK: - Helpers shared by the resource calls

    /// Sends `request` and reads the answer as one message.
    func call<M: APIMessage>(
        _ request: APIRequest, as type: M.Type, path: String, deadline: ContinuousClock.Instant? = nil
    ) async throws -> M {
        let json = try await transport.send(request, deadline: deadline)
        return try ResponseDecoder.message(M.self, from: json, request: request, path: path)
    }

    /// Sends `request` and ignores the answer's body (`{}` for the verbs and deletes).
    func perform(_ request: APIRequest) async throws {
        _ = try await transport.send(request)
    }

    /// Sends a `List*` request and reads the page: items under `key` (or `alternateKey`),
    /// `total_size` (a number or a decimal string) and `next_page_token` (empty means none).
    func page<M: APIMessage>(
        _ request: APIRequest, key: String, alternateKey: String? = nil, as type: M.Type
    ) async throws -> ListPage<M> {
        let json = try await transport.send(request)
        guard let members = json.objectValue else {
            throw PipelineClientError(
                message:
                    "the answer to \(request.summary) is not a JSON object: \(ResponseDecoder.excerpt(json.compactJSON()))",
                body: json.compactJSON())
        }
        let list = members[key] ?? alternateKey.flatMap { members[$0] } ?? .null
        let elements: [JSONValue]
        switch list {
        case .null: elements = []
        case .array(let array): elements = array
        default:
            throw PipelineClientError(
                message:
                    "the answer to \(request.summary) has '\(key)' that is not a list: \(ResponseDecoder.excerpt(list.compactJSON()))",
                body: json.compactJSON())
        }
        let items = try elements.enumerated().map { index, element in
            try ResponseDecoder.message(M.self, from: element, request: request, path: "\(key)[\(index)]")
        }
        let total: Int
        switch members["total_size"] {
        case .int(let number)?: total = number
        case .double(let number)?: total = Int(exactly: number) ?? items.count
        case .string(let text)?: total = Int(text) ?? items.count
        default: total = 0
        }
        let token = members["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return ListPage(items: items, totalSize: total, nextPageToken: token)
    }

    /// The query of a `List*` call in the generated client's order:
    /// `leading`, `page_token`, `page_size`, `sort_by`, `middle`, `filter` (when set), `trailing`.
    func listQuery(
        _ options: ListOptions, leading: [QueryString.Item] = [], middle: [QueryString.Item] = [],
        trailing: [QueryString.Item] = []
    ) -> [QueryString.Item] {
        var items = leading
        items.append(QueryString.Item("page_token", options.pageToken ?? ""))
        items.append(QueryString.Item("page_size", String(options.pageSize)))
        items.append(QueryString.Item("sort_by", options.sortBy ?? ""))
        items += middle
        if let filter = options.filter { items.append(QueryString.Item("filter", QueryString.filterValue(filter))) }
        return items + trailing
    }

    /// `namespace=<configured namespace>`, or `namespace=` (empty) as kfp sends it.
    var namespaceItem: QueryString.Item { QueryString.Item("namespace", configuration.namespace ?? "") }

    /// `namespace=<configured namespace>` only when one is configured.
    var optionalNamespace: [QueryString.Item] {
        configuration.namespace.map { [QueryString.Item("namespace", $0)] } ?? []
    }

    /// Every item of a listing, fetching the next page (with the same page size) when one is used
    /// up; later pages send only the token, which carries the order and filter.
    func stream<Item: Sendable>(
        _ options: ListOptions, fetch: @escaping @Sendable (ListOptions) async throws -> ListPage<Item>
    ) -> AsyncThrowingStream<Item, any Error> {
        let pager = Pager(options: options, fetch: fetch)
        return AsyncThrowingStream(unfolding: { try await pager.next() })
    }
}

/// The state of one ``PipelineClient/stream(_:fetch:)``: the current page and the next request.
private actor Pager<Item: Sendable> {
    private let fetch: @Sendable (ListOptions) async throws -> ListPage<Item>
    private var pending: ListOptions?
    private var buffer: [Item] = []
    private var index = 0
    private var tokens: Set<String> = []

    init(options: ListOptions, fetch: @escaping @Sendable (ListOptions) async throws -> ListPage<Item>) {
        self.fetch = fetch
        self.pending = options
    }

    func next() async throws -> Item? {
        while index == buffer.count {
            guard let options = pending else { return nil }
            let page = try await fetch(options)
            (buffer, index, pending) = (page.items, 0, nil)
            if let token = page.nextPageToken {
                guard tokens.insert(token).inserted else {
                    throw PipelineClientError(
                        message: "the server returned the page token '\(token)' twice; stopped listing")
                }
                pending = ListOptions(pageToken: token, pageSize: options.pageSize)
            }
        }
        defer { index += 1 }
        return buffer[index]
    }
}
