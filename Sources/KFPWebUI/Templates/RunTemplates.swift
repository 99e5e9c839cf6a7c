/// Templates of the runs list and the run details page.
enum RunTemplates {
    static let list = #"""
        <h1>{{heading}}</h1>
        <div class="tabs">
          <a href="{{activeURL}}"{{^archived}} class="active"{{/archived}}>Active</a>
          <a href="{{archivedURL}}"{{#archived}} class="active"{{/archived}}>Archived</a>
        </div>
        <form class="toolbar" method="get" action="{{path}}">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter runs by name" id="run-filter">
          <select name="state" id="state-filter">{{#stateOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stateOptions}}</select>
          {{#archived}}<input type="hidden" name="archived" value="1">{{/archived}}
          {{#metricsParameter}}<input type="hidden" name="metrics" value="{{metricsParameter}}">{{/metricsParameter}}
          <button type="submit">Filter</button>
          <span class="spacer"></span>
          <a class="button primary" href="/runs/new{{#experimentID}}?experiment_id={{experimentID}}{{/experimentID}}">Create run</a>
        </form>
        <div class="toolbar actions" data-list="runs">
          <button type="button" id="compare-runs" class="primary" title="Select 2 to 10 runs">Compare runs</button>
          <button type="button" data-run-action="retry">Retry</button>
          <button type="button" data-run-action="terminate">Terminate</button>
          {{^archived}}<button type="button" data-run-action="archive">Archive</button>{{/archived}}
          {{#archived}}<button type="button" data-run-action="unarchive">Restore</button>
          <button type="button" data-run-action="delete" class="danger">Delete</button>{{/archived}}
        </div>
        {{^empty(metricChoices)}}<div class="metric-choice" id="metric-choice"><span>Metric columns (up to 5):</span>
          {{#metricChoices}}{{#url}}<a href="{{url}}" data-metric="{{name}}"{{#chosen}} class="chosen"{{/chosen}}>{{#chosen}}✓ {{/chosen}}{{name}}</a>{{/url}}{{^url}}<span class="full" data-metric="{{name}}">{{name}}</span>{{/url}}
          {{/metricChoices}}</div>{{/empty(metricChoices)}}
        <table class="list" id="run-list">
          <thead><tr><th></th>
            {{#nameSort}}<th><a href="{{url}}">Run name {{mark}}</a></th>{{/nameSort}}
            <th>Status</th><th>Duration</th><th>Experiment</th><th>Pipeline version</th><th>Recurring run</th>
            {{#startSort}}<th><a href="{{url}}">Start time {{mark}}</a></th>{{/startSort}}
            {{#metricHeaders}}<th class="metric-column" data-metric="{{name}}"><a href="{{url}}">{{name}} {{mark}}</a></th>{{/metricHeaders}}
          </tr></thead>
          <tbody>
          {{#rows}}
          <tr data-run-id="{{id}}">
            <td><input type="checkbox" name="run" value="{{id}}" aria-label="select {{name}}"></td>
            <td><a class="run-link" href="/runs/{{id}}">{{name}}</a></td>
            <td><span class="state state-{{stateClass}}">{{state}}</span></td>
            <td>{{duration}}</td>
            <td><a href="/experiments/{{experimentID}}">{{experimentName}}</a></td>
            <td>{{#pipelineURL}}<a href="{{pipelineURL}}">{{pipelineLabel}}</a>{{/pipelineURL}}{{^pipelineURL}}{{pipelineLabel}}{{/pipelineURL}}</td>
            <td>{{recurringRunID}}</td>
            <td>{{createdAt}}</td>
            {{#metrics}}<td class="metric-cell">{{.}}</td>{{/metrics}}
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="8" class="empty">No runs found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/experiments/{{experimentID}}">{{experimentName}}</a> › {{name}}</div>
        <h1><span class="state state-{{stateClass}}" id="run-state">{{state}}</span> {{name}}</h1>
        <div class="toolbar" data-run-id="{{id}}">
          {{#canRetry}}<button type="button" data-run-action="retry">Retry</button>{{/canRetry}}
          {{^terminal}}<button type="button" data-run-action="terminate" id="terminate-run">Terminate</button>{{/terminal}}
          {{^archived}}<button type="button" data-run-action="archive">Archive</button>{{/archived}}
          {{#archived}}<button type="button" data-run-action="unarchive">Restore</button>{{/archived}}
          <a class="button" href="{{cloneURL}}">Clone run</a>
        </div>
        {{#errorMessage}}<p class="error-text" id="run-error">{{errorMessage}}</p>{{/errorMessage}}
        <div class="run-layout" id="run-page" data-run-id="{{id}}" data-layer="{{layerPath}}" data-terminal="{{terminal}}">
          <section class="graph-pane">
            <div class="crumbs layers">{{#layerCrumbs}}<a href="{{url}}">{{label}}</a> › {{/layerCrumbs}}<strong>{{layerLabel}}</strong></div>
            {{#iterations}}
            <div class="iterations" id="iterations">
              {{#tiles}}<a class="iteration state-{{stateClass}}" href="{{url}}" data-task-path="{{path}}">Iteration {{index}}<br><span class="state-text">{{state}}</span></a>{{/tiles}}
              {{#empty(tiles)}}<p class="empty">No iteration has started.</p>{{/empty(tiles)}}
            </div>
            {{/iterations}}
            {{{graphHTML}}}
          </section>
          <aside class="side-panel" id="task-panel">
            {{{panelHTML}}}
            {{^panelHTML}}
            <h2>Run details</h2>
            <table class="facts">
              <tr><th>Run id</th><td>{{id}}</td></tr>
              <tr><th>Status</th><td><span class="state state-{{stateClass}}">{{state}}</span></td></tr>
              <tr><th>Description</th><td>{{description}}</td></tr>
              <tr><th>Created at</th><td>{{createdAt}}</td></tr>
              <tr><th>Finished at</th><td>{{finishedAt}}</td></tr>
              <tr><th>Duration</th><td>{{duration}}</td></tr>
              <tr><th>Experiment</th><td><a href="/experiments/{{experimentID}}">{{experimentName}}</a></td></tr>
              <tr><th>Pipeline version</th><td>{{#pipelineURL}}<a href="{{pipelineURL}}">{{pipelineLabel}}</a>{{/pipelineURL}}{{^pipelineURL}}{{pipelineLabel}}{{/pipelineURL}}</td></tr>
              <tr><th>Pipeline root</th><td>{{pipelineRoot}}</td></tr>
            </table>
            <h3>Run parameters</h3>
            <table class="facts" id="run-parameters">
              {{#parameters}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/parameters}}
              {{^parameters}}<tr><td class="empty">No parameters.</td></tr>{{/parameters}}
            </table>
            <p class="hint">Click a task in the graph to see its inputs, outputs and log.</p>
            {{/panelHTML}}
          </aside>
        </div>
        <details class="spec"><summary>Pipeline spec</summary><pre>{{specYAML}}</pre></details>
        """#
}
