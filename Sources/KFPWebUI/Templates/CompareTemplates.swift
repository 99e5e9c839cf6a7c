/// The compare page's template. Rows whose values differ carry `class="differs"`, best metric
/// cells `class="best"`; HTML and Markdown artifacts go into frames with an empty `sandbox`.
enum CompareTemplates {
    static let page = #"""
        <div class="crumbs"><a href="/runs">Runs</a> › Compare runs</div>
        <h1>Compare {{runCount}} runs</h1>
        <h2>Overview</h2>
        <table class="list compare" id="compare-overview">
          <thead><tr><th></th>{{#columns}}<th data-run-id="{{id}}"><a href="/runs/{{id}}">{{name}}</a></th>{{/columns}}</tr></thead>
          <tbody>
            <tr><th>Status</th>{{#columns}}<td><span class="state state-{{stateClass}}">{{state}}</span></td>{{/columns}}</tr>
            <tr><th>Duration</th>{{#columns}}<td>{{duration}}</td>{{/columns}}</tr>
            <tr><th>Pipeline version</th>{{#columns}}<td>{{#pipelineURL}}<a href="{{pipelineURL}}">{{pipelineLabel}}</a>{{/pipelineURL}}{{^pipelineURL}}{{pipelineLabel}}{{/pipelineURL}}</td>{{/columns}}</tr>
            <tr><th>Experiment</th>{{#columns}}<td><a href="/experiments/{{experimentID}}">{{experimentName}}</a></td>{{/columns}}</tr>
            <tr><th>Created at</th>{{#columns}}<td>{{createdAt}}</td>{{/columns}}</tr>
          </tbody>
        </table>
        <h2>Parameters</h2>
        <table class="list compare" id="compare-parameters">
          <thead><tr><th>Parameter</th>{{#columns}}<th>{{name}}</th>{{/columns}}</tr></thead>
          <tbody>
          {{#parameterRows}}<tr{{#differs}} class="differs"{{/differs}} data-name="{{name}}"><th>{{name}}</th>{{#cells}}<td>{{value}}</td>{{/cells}}</tr>
          {{/parameterRows}}
          {{^parameterRows}}<tr><td class="empty" colspan="11">No parameters.</td></tr>{{/parameterRows}}
          </tbody>
        </table>
        <p class="hint">Rows whose values differ are highlighted.</p>
        <h2>Metrics</h2>
        <table class="list compare" id="compare-metrics">
          <thead><tr><th>Metric</th>{{#columns}}<th>{{name}}</th>{{/columns}}</tr></thead>
          <tbody>
          {{#metricRows}}<tr{{#differs}} class="differs"{{/differs}} data-name="{{name}}"><th>{{name}}</th>{{#cells}}<td{{#best}} class="best"{{/best}}>{{value}}</td>{{/cells}}</tr>
          {{/metricRows}}
          {{^metricRows}}<tr><td class="empty" colspan="11">No system.Metrics artifacts.</td></tr>{{/metricRows}}
          </tbody>
        </table>
        <p class="hint">The best value of each metric is in bold (the largest; the smallest for losses, errors and times).</p>
        {{^empty(metricCharts)}}<div class="side-by-side" id="compare-metric-charts">
          {{#metricCharts}}<div class="card chart-card"><h3>{{name}}</h3>{{> metric-bars}}</div>
          {{/metricCharts}}
        </div>{{/empty(metricCharts)}}
        <h2>ROC curves</h2>
        {{#rocPlot}}<div class="plot" id="compare-roc">{{> roc-plot}}</div>{{/rocPlot}}
        {{^rocPlot}}<p class="empty" id="compare-roc-empty">No system.ClassificationMetrics artifact has ROC points.</p>{{/rocPlot}}
        <h2>Confusion matrices</h2>
        <div class="side-by-side" id="compare-matrices">
          {{#matrices}}<div class="card matrix-card" data-run-id="{{runID}}"><h3>{{runName}} <span class="hint">{{artifactLabel}}</span></h3>
          {{#matrix}}<table class="preview confusion"><thead><tr><th>actual \ predicted</th>{{#labels}}<th>{{.}}</th>{{/labels}}</tr></thead>
            <tbody>{{#rows}}<tr><th>{{label}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table>{{/matrix}}</div>
          {{/matrices}}
          {{^matrices}}<p class="empty">No confusion matrices.</p>{{/matrices}}
        </div>
        {{#documentRows}}
        <h2>{{label}}</h2>
        <div class="side-by-side documents" data-artifact="{{label}}">
          {{#entries}}<div class="card document-card"><h3>{{runName}}</h3>
          {{#document}}<iframe class="preview document" sandbox="" referrerpolicy="no-referrer" title="{{runName}} {{label}}" srcdoc="{{document}}"></iframe>{{/document}}
          {{#note}}<p class="hint">{{note}}</p>{{/note}}</div>
          {{/entries}}
        </div>
        {{/documentRows}}
        """#
}
