import Foundation

/// The artifacts list (`/artifacts`, KFP's route): every output artifact tasks produced across
/// runs (reuses from the cache are shown on the artifact's page, not again here), newest first:
/// name, type, producing run and task, URI, size, created at; filtered by type and by name,
/// paged.
package struct ArtifactListPage: WebPage {
    /// What the page needs of one artifact.
    package struct Entry: Sendable {
        package var id: String
        /// The output name.
        package var name: String
        package var schemaTitle: String
        package var runID: String
        package var runName: String
        package var taskPath: String
        package var uri: String
        /// The file's size, or a folder's total; nil when there is no local copy.
        package var byteCount: Int?
        package var createdAt: Date?

        package init(
            id: String, name: String, schemaTitle: String, runID: String, runName: String, taskPath: String, uri: String,
            byteCount: Int?, createdAt: Date?
        ) {
            self.id = id
            self.name = name
            self.schemaTitle = schemaTitle
            self.runID = runID
            self.runName = runName
            self.taskPath = taskPath
            self.uri = uri
            self.byteCount = byteCount
            self.createdAt = createdAt
        }
    }

    package struct Row: Sendable, Equatable {
        package let id: String
        package let name: String
        package let typeTitle: String
        package let runID: String
        package let runName: String
        package let taskPath: String
        package let taskURL: String
        package let uri: String
        package let size: String
        package let createdAt: String
    }

    package let rows: [Row]
    package let typeOptions: [RunListPage.Option]
    package let searchText: String
    package let pager: Pager
    package var template: String { "artifact-list" }
    package var title: String { "Artifacts" }
    package var section: WebSection { .artifacts }

    /// - Parameters:
    ///   - types: the artifact types recorded (the type filter's choices).
    ///   - pageToken: this page's token (nil on the first page); `nextPageToken` the next page's.
    package init(
        entries: [Entry], types: [String], typeFilter: String?, searchText: String, totalSize: Int, pageToken: String?,
        nextPageToken: String?
    ) {
        self.searchText = searchText
        rows = entries.map { entry in
            Row(
                id: entry.id, name: entry.name, typeTitle: entry.schemaTitle.isEmpty ? "-" : entry.schemaTitle, runID: entry.runID,
                runName: entry.runName, taskPath: entry.taskPath, taskURL: PageLink.url("/runs/\(PageLink.escape(entry.runID))", ["task": entry.taskPath]),
                uri: entry.uri, size: DisplayFormat.size(entry.byteCount), createdAt: DisplayFormat.date(entry.createdAt))
        }
        typeOptions = [RunListPage.Option(value: "", label: "All types", selected: typeFilter == nil)]
            + Set(types + [typeFilter].compactMap { $0 }).sorted().map { RunListPage.Option(value: $0, label: $0, selected: $0 == typeFilter) }
        let filter = ["type": typeFilter ?? "", "q": searchText]
        pager = Pager(
            totalSize: totalSize, firstPageURL: pageToken == nil ? nil : PageLink.url("/artifacts", filter),
            nextPageURL: nextPageToken.map { PageLink.url("/artifacts", filter.merging(["page_token": $0]) { $1 }) })
    }
}
