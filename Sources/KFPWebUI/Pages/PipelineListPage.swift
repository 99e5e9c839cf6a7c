import Foundation
import KFPAPI

/// The pipelines list (`/pipelines`): KFP's PipelineList (name, description, uploaded on) with a
/// name filter, sorting, paging, delete, and the upload form (a YAML, JSON, zip or tar.gz package
/// sent to `POST /apis/v2beta1/pipelines/upload` by the page script).
package struct PipelineListPage: WebPage {
    package struct Row: Sendable, Equatable {
        package let id: String
        package let name: String
        package let description: String
        package let createdAt: String
    }

    package let rows: [Row]
    package let searchText: String
    package let nameSort: RunListPage.SortLink
    package let createdSort: RunListPage.SortLink
    package let pager: Pager
    package var template: String { "pipeline-list" }
    package var title: String { "Pipelines" }
    package var section: WebSection { .pipelines }

    /// - Parameter pipelines: one page of the API's `ListPipelines` answer.
    package init(request: ListRequest, pipelines: [UploadedPipeline], totalSize: Int, nextPageToken: String?) {
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
