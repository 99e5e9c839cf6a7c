/// Templates of the executions list and an execution's page.
enum ExecutionTemplates {
    static let list = #"""
        <h1>Executions</h1>
        <form class="toolbar" method="get" action="/executions">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter executions by task" id="execution-filter">
          <select name="state" id="execution-state-filter">{{#stateOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stateOptions}}</select>
          <select name="cached" id="execution-cache-filter">{{#cacheOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/cacheOptions}}</select>
          <button type="submit">Filter</button>
        </form>
        <table class="list" id="execution-list">
          <thead><tr><th>Task</th><th>Run</th><th>Status</th><th>Cache</th><th>Started at</th><th>Duration</th></tr></thead>
          <tbody>
          {{#rows}}
          <tr data-execution-id="{{id}}">
            <td><a class="execution-link" href="/executions/{{id}}">{{taskPath}}</a></td>
            <td><a href="/runs/{{runID}}">{{runName}}</a></td>
            <td><span class="state state-{{stateClass}}">{{state}}</span></td>
            <td>{{cache}}</td>
            <td>{{startedAt}}</td>
            <td>{{duration}}</td>
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="6" class="empty">No executions found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/executions">Executions</a> › <a href="/runs/{{runID}}">{{runName}}</a> › {{taskPath}}</div>
        <h1>{{taskPath}}</h1>
        <p><a class="button" id="execution-run-link" href="{{taskURL}}">Open in the run's graph</a></p>
        <div class="execution-panel">{{{panelHTML}}}</div>
        """#
}
