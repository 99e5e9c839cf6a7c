import Foundation
import HTTPTypes
import Hummingbird
import KFPAPI
import KFPSpec
import NIOCore
import Subprocess

/// The routes the KFP UI uses beside the API: a task's log (`/apis/v1alpha1/runs/{id}/nodes/{task}/log`)
/// and an output artifact (`/apis/v2beta1/runs/{id}/nodes/{task}/artifacts/{name}:read`, the
/// artifact as a base64 tar.gz in `{"data": ...}`). Tasks and artifacts are looked up in the
/// database by id, and the files served must lie inside the run's folder (or, for an artifact the
/// cache reused, inside the folder of the run that produced it).
struct FileRoutes {
    let services: ServerServices

    func add(to router: Router<BasicRequestContext>) {
        let store = services.store
        for prefix in ["apis/v1alpha1", "apis/v2beta1"] {
            router.get("\(prefix)/runs/{id}/nodes/{task}/log") { request, context in
                let runID = try APIResponder.parameter(context, "id")
                let taskID = try APIResponder.parameter(context, "task")
                let file = try Self.logFile(store: store, runID: runID, taskID: taskID)
                let page = try LogPage(file: file, query: APIResponder.query(request), what: "task \(taskID) of run \(runID)")
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; charset=utf-8", LogPage.sizeHeader: "\(page.size)",
                              LogPage.offsetHeader: "\(page.offset)"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.data)))
            }
        }
        router.get("apis/v2beta1/runs/{id}/nodes/{task}/artifacts/{name}") { _, context in
            let runID = try APIResponder.parameter(context, "id")
            let taskID = try APIResponder.parameter(context, "task")
            let (name, verb) = APIResponder.idAndVerb(try APIResponder.parameter(context, "name"))
            guard verb == "read" else { throw APIError.notFound("no endpoint for artifact \(name):\(verb ?? "")") }
            guard let artifact = try store.artifact(runID: runID, task: taskID, name: name) else {
                throw APIError.notFound("artifact \(name) of task \(taskID) in run \(runID) not found")
            }
            let file = try store.servedFile(of: artifact)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw APIError.notFound("artifact \(name) of task \(taskID) in run \(runID): the file is gone")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: try await ArtifactBody.tarball(of: file).base64JSON)
        }
    }

    /// `<task folder>/log.txt` of a task, checked to lie inside its run's folder.
    static func logFile(store: ServerStore, runID: String, taskID: String) throws -> URL {
        guard let task = try store.task(runID: runID, taskID: taskID) else {
            throw APIError.notFound("task \(taskID) of run \(runID) not found")
        }
        let runRoot = try store.runRoot(runID)
        let folder = task.taskRoot.isEmpty
            ? task.path.split(separator: "/").reduce(runRoot) { $0.appendingPathComponent(String($1), isDirectory: true) }
            : URL(fileURLWithPath: task.taskRoot, isDirectory: true)
        return try contained(folder.appendingPathComponent("log.txt"), in: runRoot)
    }

    /// `file` with symbolic links resolved, refused unless it lies inside `folder`.
    static func contained(_ file: URL, in folder: URL) throws -> URL {
        let resolved = file.standardizedFileURL.resolvingSymlinksInPath().path
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw APIError(.permissionDenied, "refused: \(file.path) is outside the run's folder")
        }
        return URL(fileURLWithPath: resolved)
    }
}
