import Foundation
import KFPSpec

/// One artifact (`/artifacts/ID`): its facts, its preview (as the run page shows it), a download
/// link, and its lineage: the task that produced it, the tasks that consumed it (in the
/// producing run and in later runs that got it from the cache), and those later runs, each a link.
package struct ArtifactDetailsPage: WebPage {
    /// A task of a run, linked to the run page with the task's panel open.
    package struct TaskLink: Sendable, Equatable {
        package let runID: String
        package let runName: String
        package let taskPath: String
        package let url: String
        /// How the task relates to the artifact (`input train`, `reused from the cache`).
        package let note: String

        package init(runID: String, runName: String, taskPath: String, note: String) {
            self.runID = runID
            self.runName = runName
            self.taskPath = taskPath
            self.note = note
            url = PageLink.url("/runs/\(PageLink.escape(runID))", ["task": taskPath])
        }
    }

    package let id: String
    package let name: String
    package let typeTitle: String
    package let uri: String
    package let size: String
    package let createdAt: String
    package let downloadURL: String?
    package let preview: PreviewView
    package let metadata: [TaskPanel.NameValue]
    package let producer: TaskLink
    package let consumers: [TaskLink]
    /// The tasks of later runs whose outputs came from the cache: they reused this artifact.
    package let reuses: [TaskLink]
    package var template: String { "artifact-details" }
    package var title: String { "Artifact \(name)" }
    package var section: WebSection { .artifacts }

    /// - Parameters:
    ///   - entry: the artifact (its producing run and task).
    ///   - hasLocalFile: whether the download link is offered.
    package init(
        entry: ArtifactListPage.Entry, metadata: [String: JSONValue], preview: ArtifactPreview, hasLocalFile: Bool,
        consumers: [TaskLink], reuses: [TaskLink]
    ) {
        id = entry.id
        name = entry.name
        typeTitle = entry.schemaTitle.isEmpty ? "-" : entry.schemaTitle
        uri = entry.uri
        size = DisplayFormat.size(entry.byteCount)
        createdAt = DisplayFormat.date(entry.createdAt)
        downloadURL = hasLocalFile ? "/ui/runs/\(PageLink.escape(entry.runID))/artifacts/\(PageLink.escape(entry.id))" : nil
        self.preview = PreviewView(preview)
        // The preview shows the classification metrics' matrix and curve; the table the rest.
        let shown = ArtifactPreviewer.nonMetricKeys.union(["confusionMatrix", "confidenceMetrics", "evaluationSlices"])
        self.metadata = metadata.filter { !shown.contains($0.key) }.sorted { $0.key < $1.key }
            .map { TaskPanel.NameValue(name: $0.key, value: DisplayFormat.value($0.value)) }
        producer = TaskLink(runID: entry.runID, runName: entry.runName, taskPath: entry.taskPath, note: "output \(entry.name)")
        self.consumers = consumers
        self.reuses = reuses
    }
}
