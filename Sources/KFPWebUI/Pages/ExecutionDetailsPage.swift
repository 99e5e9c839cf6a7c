import Foundation

/// One execution (`/executions/ID`): the task's panel as the run page shows it (inputs, outputs
/// with previews, details, log), with links to its run.
public struct ExecutionDetailsPage: WebPage {
    public let runID: String
    public let runName: String
    public let taskPath: String
    /// The run page with this task's panel open.
    public let taskURL: String
    /// The task panel, rendered (its values escaped).
    public let panelHTML: String
    public var template: String { "execution-details" }
    public var title: String { "Execution \(taskPath)" }
    public var section: WebSection { .executions }

    public init(runID: String, runName: String, panel: TaskPanel, renderer: PageRenderer) {
        self.runID = runID
        self.runName = runName
        taskPath = panel.path
        taskURL = PageLink.url("/runs/\(PageLink.escape(runID))", ["task": panel.path])
        panelHTML = renderer.render(panel, template: "task-panel")
    }
}
