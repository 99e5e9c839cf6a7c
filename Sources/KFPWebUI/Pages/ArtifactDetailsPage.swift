import Foundation
import KFPSpec

/// One artifact (`/artifacts/ID`): its facts, its preview (as the run page shows it), a download
/// link, and its lineage: the task that produced it, the tasks that consumed it (in the
/// producing run and in later runs that got it from the cache), and those later runs, each a link.
public struct ArtifactDetailsPage: WebPage {
    /// A task of a run, linked to the run page with the task's panel open.
    public struct TaskLink: Sendable, Equatable {
        public let runID: String
        public let runName: String
        public let taskPath: String
        public let url: String
        /// How the task relates to the artifact (`input train`, `reused from the cache`).
        public let note: String

        public init(runID: String, runName: String, taskPath: String, note: String) {
            self.runID = runID
            self.runName = runName
            self.taskPath = taskPath
            self.note = note
            url = PageLink.url("/runs/\(PageLink.escape(runID))", ["task": taskPath])
        }
    }

    public let id: String
    public let name: String
    public let typeTitle: String
    public let uri: String
    public let size: String
    public let createdAt: String
    public let downloadURL: String?
    public let preview: PreviewView
    public let metadata: [TaskPanel.NameValue]
    public let producer: TaskLink
    public let consumers: [TaskLink]
    /// The tasks of later runs whose outputs came from the cache: they reused this artifact.
    public let reuses: [TaskLink]
    public var template: String { "artifact-details" }
    public var title: String { "Artifact \(name)" }
    public var section: WebSection { .artifacts }

    /// - Parameters:
    ///   - entry: the artifact (its producing run and task).
    ///   - hasLocalFile: whether the download link is offered.
    public init(
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
