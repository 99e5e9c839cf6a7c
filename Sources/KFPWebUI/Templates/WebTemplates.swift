/// The UI's Mustache templates by name. `{{name}}` escapes HTML (`& < > " '`); the only unescaped
/// values (`{{{...}}}`) are HTML this module rendered itself from escaped parts (the page body
/// inside the layout, the graph inside a page).
enum WebTemplates {
    static let all: [String: String] = [
        "layout": layout,
        "pager": pager,
        "graph": GraphTemplates.graph,
        "pipeline-list": PipelineTemplates.list,
        "pipeline-details": PipelineTemplates.details,
        "run-new": RunFormTemplates.newRun,
        "run-list": RunTemplates.list,
        "run-details": RunTemplates.details,
        "task-panel": TaskTemplates.panel,
        "component-panel": TaskTemplates.componentPanel,
        "experiment-list": ExperimentTemplates.list,
        "experiment-details": ExperimentTemplates.details,
        "compare-runs": CompareTemplates.page,
        "roc-plot": PlotTemplates.roc,
        "metric-bars": PlotTemplates.bars,
        "artifact-preview": TaskTemplates.preview,
        "artifact-list": ArtifactTemplates.list,
        "artifact-details": ArtifactTemplates.details,
        "execution-list": ExecutionTemplates.list,
        "execution-details": ExecutionTemplates.details,
        "recurring-run-list": RecurringRunTemplates.list,
        "recurring-run-details": RecurringRunTemplates.details,
        "error-page": errorPage,
        "sign-in": signIn,
    ]

    static let layout = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{title}} · Kubeflow Pipelines</title>
        <link rel="stylesheet" href="/ui/app.css">
        <script src="/ui/app.js" defer></script>
        </head>
        <body>
        <nav class="side">
          <a class="brand" href="/">Kubeflow Pipelines</a>
          <a href="/pipelines"{{#isPipelines}} class="active"{{/isPipelines}}>Pipelines</a>
          <a href="/experiments"{{#isExperiments}} class="active"{{/isExperiments}}>Experiments</a>
          <a href="/runs"{{#isRuns}} class="active"{{/isRuns}}>Runs</a>
          <a href="/recurringruns"{{#isRecurringRuns}} class="active"{{/isRecurringRuns}}>Recurring runs</a>
          <a href="/runs?archived=1">Archive</a>
          <a href="/artifacts"{{#isArtifacts}} class="active"{{/isArtifacts}}>Artifacts</a>
          <a href="/executions"{{#isExecutions}} class="active"{{/isExecutions}}>Executions</a>
          <span class="footer">swift-kfp · API v2beta1</span>
        </nav>
        <main>
        <div id="flash" class="flash" hidden></div>
        {{{body}}}
        </main>
        </body>
        </html>
        """#

    /// Paging links under a list (`pager` in a list view model).
    static let pager = #"""
        <div class="pager">
          <span>{{totalSize}} in all</span>
          {{#firstPageURL}}<a href="{{firstPageURL}}">First page</a>{{/firstPageURL}}
          {{#nextPageURL}}<a href="{{nextPageURL}}" id="next-page">Next page</a>{{/nextPageURL}}
        </div>
        """#

    static let signIn = #"""
        <h1>Sign in</h1>
        <form class="card" id="sign-in-form" data-next="{{next}}">
          <p>This server was started with <code>--token</code>. Enter the token to use the UI.</p>
          <label>Token <input type="password" name="token" id="sign-in-token" autocomplete="current-password" required></label>
          <div class="form-error" id="sign-in-error"></div>
          <button type="submit" class="primary" id="sign-in-submit">Sign in</button>
        </form>
        """#

    static let errorPage = #"""
        <h1>{{heading}}</h1>
        <p class="error-text" id="error-message">{{message}}</p>
        <p><a href="{{backURL}}">Back</a></p>
        """#
}
