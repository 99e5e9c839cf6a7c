public import Foundation
import GRDB
import Hummingbird
import KFPAPI
import KFPSpec
import KFPWebUI
public import Logging

/// A standalone KFP API server in one process: KFP's v2beta1 REST API (what `kfp.Client` and our
/// client call), records in SQLite under the data folder, runs executed on this machine by
/// `KFPLocal`, recurring runs fired by an in-process scheduler.
///
/// ```swift
/// try await PipelineServer(options: ServerOptions(dataFolder: URL(fileURLWithPath: "kfp-data"))).run { port in
///     print("listening on http://127.0.0.1:\(port)")
/// }
/// ```
///
/// At start-up, runs a previous process left PENDING, RUNNING or CANCELING end FAILED with a
/// message saying the server stopped; `:retry` resumes them through the cache. Task processes a
/// killed server left running are killed first (found by the `KFP_SERVER_DATA_FOLDER` they carry).
public struct PipelineServer: Sendable {
    public var options: ServerOptions
    public var logger: Logger

    public init(options: ServerOptions, logger: Logger = Logger(label: "kfp-server")) {
        self.options = options
        self.logger = logger
    }

    /// Serves until the surrounding task is cancelled (or SIGINT/SIGTERM).
    ///
    /// - Parameter onListening: called once with the bound port (useful with port 0).
    /// - Throws: ``ServerStartError`` when the data folder or database cannot be opened or the
    ///   address cannot be bound.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let services = try prepare()
        let renderer: PageRenderer
        do {
            renderer = try PageRenderer()
        } catch {
            throw ServerStartError(message: "cannot load the web UI's templates: \(error)")
        }
        let router = makeRouter(services: services, renderer: renderer)
        let app = Application(
            router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: "kfp-server"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let scheduler = RecurringRunScheduler(services: services, logger: logger)
        let options = self.options
        var failure: (any Error)?
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await scheduler.run() }
                group.addTask {
                    do {
                        try await app.runService()
                    } catch {
                        throw ServerStartError(message: "cannot serve on \(options.host):\(options.port): \(error)")
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            failure = error
        }
        // Runs stop with the server (they end FAILED as interrupted at the next start).
        await services.executor.shutdown()
        services.folderLock.release()
        if let failure { throw failure }
    }

    /// Every endpoint and page, behind the error and (with `--token`) the token middleware.
    func makeRouter(services: ServerServices, renderer: PageRenderer) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: APIErrorMiddleware())
        if let token = options.token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        for prefix in ["apis/v2beta1", "apis/v1beta1"] {
            router.get("\(prefix)/healthz") { _, _ in
                APIResponder.message(Healthz(commitSHA: "swift-kfp", tagName: "2.17.3", multiUser: false, pipelineStore: "database"))
            }
        }
        ExperimentRoutes(services: services).add(to: router)
        PipelineRoutes(services: services).add(to: router)
        RunRoutes(services: services).add(to: router)
        RecurringRunRoutes(services: services).add(to: router)
        FileRoutes(services: services).add(to: router)
        WebUIRoutes(pages: WebUIPages(services: services, renderer: renderer)).add(to: router)
        return router
    }

    /// Every registered route as `METHOD /path` with its captures (`GET /apis/v2beta1/runs/{id}`),
    /// for tests that walk them all; opens the options' data folder as a start would.
    package func routeList() throws -> [String] {
        let services = try prepare()
        defer { services.folderLock.release() }
        return makeRouter(services: services, renderer: try PageRenderer()).routes.map { "\($0.method) \($0.path)" }
    }

    /// Opens the data folder and database, ends interrupted runs, makes the Default experiment.
    func prepare() throws -> ServerServices {
        let folder = options.dataFolder.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ServerStartError(message: "cannot create the data folder \(folder.path): \(error.localizedDescription)")
        }
        let folderLock = try DataFolderLock(folder: folder)
        let orphans = OrphanedTaskProcesses(dataFolder: folder).killAll()
        if !orphans.isEmpty {
            logger.notice("killed \(orphans.count) task process(es) the previous server left running: \(orphans.map(String.init).joined(separator: ", "))")
        }
        let path = folder.appendingPathComponent("kfp.sqlite").path
        let store: ServerStore
        let defaultExperimentID: String
        do {
            store = ServerStore(database: try ServerDatabase(path: path))
            let interrupted = try store.failInterruptedRuns(
                reason: "the server stopped while the run was not finished (restarted at \(APITimestamp.format(Date()))); retry it to resume")
            if !interrupted.isEmpty {
                logger.notice("\(interrupted.count) run(s) interrupted by the previous server stop were marked FAILED: \(interrupted.joined(separator: ", "))")
            }
            defaultExperimentID = try store.defaultExperimentID()
        } catch {
            throw ServerStartError(message: DatabaseProblem.explain(error, path: path))
        }
        return ServerServices(
            store: store, executor: RunExecutor(store: store, options: options, logger: logger), options: options,
            defaultExperimentID: defaultExperimentID, folderLock: folderLock)
    }
}

/// Why the server could not start.
public struct ServerStartError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
