import Foundation
import KFPAPI
import KFPSpec
import KFPWebUI

extension WebUIPages {
    /// `/artifacts`: `type` (a schema title), `q` (a name substring), `page_token`.
    func artifactList(_ parameters: QueryParameters) throws -> String {
        let type = parameters["type"]
        let search = parameters["q"] ?? ""
        let page = try store.listArtifacts(schemaTitle: type, nameContains: search, before: parameters["page_token"], pageSize: 20)
        var runNames: [String: String] = [:]
        let entries = page.items.map { artifact in
            if runNames[artifact.runID] == nil { runNames[artifact.runID] = (try? store.run(artifact.runID).displayName) ?? artifact.runID }
            return artifactEntry(artifact, runName: runNames[artifact.runID] ?? artifact.runID)
        }
        return renderer.document(ArtifactListPage(
            entries: entries, types: try store.artifactTypes(), typeFilter: type, searchText: search, totalSize: page.totalSize,
            pageToken: parameters["page_token"], nextPageToken: page.nextPageToken))
    }

    /// `/artifacts/ID`: an artifact reused from the cache shows as the artifact its producer made.
    func artifactDetails(_ id: String) throws -> String {
        var artifact = try store.artifact(id)
        if artifact.cached, let original = try store.artifactCopies(uri: artifact.uri, except: artifact.id).first(where: { !$0.cached }) {
            artifact = original
        }
        let copies = try store.artifactCopies(uri: artifact.uri, except: artifact.id)
        let run = try store.run(artifact.runID)
        let runArtifacts = try runArtifacts(artifact.runID)
        let typed = runArtifacts.first { $0.id == artifact.id }
        var entry = artifactEntry(artifact, runName: run.displayName)
        entry.schemaTitle = typed?.schemaTitle ?? entry.schemaTitle
        let file = typed?.file
        // The producing run, then each later run that reused the artifact (its producer's path there).
        var producers = [(runID: artifact.runID, runName: run.displayName, taskPath: artifact.taskPath)]
        var reuseLinks: [ArtifactDetailsPage.TaskLink] = []
        for reuse in copies where reuse.cached && !producers.contains(where: { $0.runID == reuse.runID }) {
            let name = (try? store.run(reuse.runID).displayName) ?? reuse.runID
            producers.append((reuse.runID, name, reuse.taskPath))
            reuseLinks.append(.init(runID: reuse.runID, runName: name, taskPath: reuse.taskPath, note: "outputs came from the cache"))
        }
        var consumers: [ArtifactDetailsPage.TaskLink] = []
        for producer in producers {
            guard let spec = try? specs.value(hash: try store.runSpecHash(producer.runID), make: { ParsedSpec(try store.runInputs(producer.runID).package.spec) }).spec
            else { continue }
            for consumer in ArtifactConsumers.consumers(of: artifact.outputName, producedBy: producer.taskPath, in: spec) {
                consumers.append(.init(runID: producer.runID, runName: producer.runName, taskPath: consumer.taskPath, note: "input \(consumer.inputName)"))
            }
        }
        let preview = previewer.preview(schemaTitle: entry.schemaTitle, metadata: artifact.metadata, file: file)
        return renderer.document(ArtifactDetailsPage(
            entry: entry, metadata: artifact.metadata, preview: preview, hasLocalFile: file != nil, consumers: consumers, reuses: reuseLinks))
    }

    func artifactEntry(_ artifact: StoredArtifact, runName: String) -> ArtifactListPage.Entry {
        ArtifactListPage.Entry(
            id: artifact.id, name: artifact.outputName, schemaTitle: artifact.schemaTitle, runID: artifact.runID, runName: runName,
            taskPath: artifact.taskPath, uri: artifact.uri, byteCount: localFile(of: artifact).flatMap(Self.byteCount),
            createdAt: artifact.createdAt)
    }

    /// A file's size, or the total of a folder's files.
    static func byteCount(_ file: URL) -> Int? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            return (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue
        }
        var total = 0
        let walker = FileManager.default.enumerator(at: file, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        while let child = walker?.nextObject() as? URL {
            total += (try? child.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}
