import Foundation

/// One execution (`/executions/ID`): the task's panel as the run page shows it (inputs, outputs
/// with previews, details, log), with links to its run.
package struct ExecutionDetailsPage: WebPage {
    package let runID: String
    package let runName: String
    package let taskPath: String
    /// The run page with this task's panel open.
    package let taskURL: String
    /// The task panel, rendered (its values escaped).
    package let panelHTML: String
    package var template: String { "execution-details" }
    package var title: String { "Execution \(taskPath)" }
    package var section: WebSection { .executions }

    package init(runID: String, runName: String, panel: TaskPanel, renderer: PageRenderer) {
        self.runID = runID
        self.runName = runName
        taskPath = panel.path
        taskURL = PageLink.url("/runs/\(PageLink.escape(runID))", ["task": panel.path])
        panelHTML = renderer.render(panel, template: "task-panel")
    }
}
