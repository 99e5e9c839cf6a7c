import Foundation
import KFPAPI
import KFPSpec
import KFPWebUI

extension WebUIPages {
    /// `/executions`: `q` (a task path substring), `state`, `cached` (`1` or `0`), `page_token`.
    func executionList(_ parameters: QueryParameters) throws -> String {
        let filter = ExecutionListPage.Filter(
            taskText: parameters["q"] ?? "", state: parameters["state"].flatMap { RuntimeState(rawValue: $0) == nil ? nil : $0 },
            cached: parameters["cached"].flatMap { $0 == "1" ? true : $0 == "0" ? false : nil })
        let page = try store.listExecutions(
            taskText: filter.taskText, state: filter.state, cached: filter.cached, before: parameters["page_token"], pageSize: 20)
        let entries = page.items.map { execution in
            ExecutionListPage.Entry(
                id: execution.taskID, taskPath: execution.taskPath, runID: execution.runID, runName: execution.runName,
                state: execution.state, cached: execution.cached, startTime: execution.startTime, endTime: execution.endTime)
        }
        return renderer.document(ExecutionListPage(
            entries: entries, filter: filter, totalSize: page.totalSize, pageToken: parameters["page_token"],
            nextPageToken: page.nextPageToken))
    }

    /// `/executions/ID`: the task's panel (inputs, outputs, details, log) with links to its run.
    func executionDetails(_ id: String) throws -> String {
        let execution = try store.execution(id)
        let run = try store.run(execution.runID)
        let spec = try specs.value(hash: try store.runSpecHash(run.runID)) { ParsedSpec(try store.runInputs(run.runID).package.spec) }.spec
        let panel = TaskPanel(
            try taskFacts(run: run, path: execution.path, spec: spec), runID: run.runID,
            closeURL: PageLink.url("/runs/\(PageLink.escape(run.runID))", [:]), previewer: previewer)
        return renderer.document(ExecutionDetailsPage(runID: run.runID, runName: run.displayName, panel: panel, renderer: renderer))
    }
}
