import Foundation
import KFPAPI

/// The pipelines list (`/pipelines`): KFP's PipelineList (name, description, uploaded on) with a
/// name filter, sorting, paging, delete, and the upload form (a YAML, JSON, zip or tar.gz package
/// sent to `POST /apis/v2beta1/pipelines/upload` by the page script).
public struct PipelineListPage: WebPage {
    public struct Row: Sendable, Equatable {
        public let id: String
        public let name: String
        public let description: String
        public let createdAt: String
    }

    public let rows: [Row]
    public let searchText: String
    public let nameSort: RunListPage.SortLink
    public let createdSort: RunListPage.SortLink
    public let pager: Pager
    public var template: String { "pipeline-list" }
    public var title: String { "Pipelines" }
    public var section: WebSection { .pipelines }

    /// - Parameter pipelines: one page of the API's `ListPipelines` answer.
    public init(request: ListRequest, pipelines: [UploadedPipeline], totalSize: Int, nextPageToken: String?) {
        rows = pipelines.map {
            Row(id: $0.pipelineID, name: $0.displayName.isEmpty ? $0.name : $0.displayName, description: $0.description,
                createdAt: DisplayFormat.date($0.createdAt))
        }
        searchText = request.searchText
        nameSort = RunListPage.SortLink(request: request, path: "/pipelines", field: "display_name")
        createdSort = RunListPage.SortLink(request: request, path: "/pipelines", field: "created_at")
        pager = Pager(request: request, path: "/pipelines", totalSize: totalSize, nextPageToken: nextPageToken)
    }
}
