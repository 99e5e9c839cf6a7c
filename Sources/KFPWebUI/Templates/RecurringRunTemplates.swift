/// Templates of the recurring runs list and a recurring run's page.
enum RecurringRunTemplates {
    static let list = #"""
        <h1>Recurring runs</h1>
        <form class="toolbar" method="get" action="/recurringruns">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter recurring runs by name" id="recurring-run-filter">
          <button type="submit">Filter</button>
          <span class="spacer"></span>
          <a class="button primary" id="create-recurring-run" href="/recurringruns/new">Create recurring run</a>
        </form>
        <table class="list" id="recurring-run-list">
          <thead><tr>
            {{#nameSort}}<th><a href="{{url}}">Name {{mark}}</a></th>{{/nameSort}}
            <th>Status</th><th>Trigger</th><th>Experiment</th>
            {{#createdSort}}<th><a href="{{url}}">Created at {{mark}}</a></th>{{/createdSort}}
            <th></th>
          </tr></thead>
          <tbody>
          {{#rows}}
          <tr data-recurring-run-id="{{id}}">
            <td><a class="recurring-run-link" href="/recurringruns/{{id}}">{{name}}</a></td>
            <td class="recurring-status">{{status}}</td>
            <td>{{trigger}}</td>
            <td><a href="/experiments/{{experimentID}}">{{experimentName}}</a></td>
            <td>{{createdAt}}</td>
            <td>{{#enabled}}<button type="button" data-recurring-action="disable">Disable</button>{{/enabled}}{{^enabled}}<button type="button" data-recurring-action="enable">Enable</button>{{/enabled}}</td>
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="6" class="empty">No recurring runs found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/recurringruns">Recurring runs</a> › {{name}}</div>
        <h1 id="recurring-run-name">{{name}}</h1>
        <div class="toolbar" data-recurring-run-id="{{id}}">
          {{#enabled}}<button type="button" data-recurring-action="disable" id="disable-recurring-run">Disable</button>{{/enabled}}
          {{^enabled}}<button type="button" data-recurring-action="enable" id="enable-recurring-run">Enable</button>{{/enabled}}
          <button type="button" data-recurring-action="delete" class="danger" id="delete-recurring-run">Delete</button>
        </div>
        <table class="facts" id="recurring-run-facts">
          <tr><th>Recurring run id</th><td>{{id}}</td></tr>
          <tr><th>Status</th><td id="recurring-run-status">{{status}}</td></tr>
          <tr><th>Description</th><td>{{description}}</td></tr>
          <tr><th>Trigger</th><td id="recurring-run-trigger">{{trigger}}</td></tr>
          <tr><th>Start at</th><td>{{startAt}}</td></tr>
          <tr><th>End at</th><td>{{endAt}}</td></tr>
          <tr><th>Maximum concurrent runs</th><td>{{maxConcurrency}}</td></tr>
          <tr><th>Catch up</th><td>{{catchUp}}</td></tr>
          <tr><th>Experiment</th><td><a href="/experiments/{{experimentID}}">{{experimentName}}</a></td></tr>
          <tr><th>Pipeline version</th><td>{{pipelineLabel}}</td></tr>
          <tr><th>Created at</th><td>{{createdAt}}</td></tr>
        </table>
        <h3>Run parameters</h3>
        <table class="facts" id="recurring-run-parameters">
          {{#parameters}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/parameters}}
          {{^parameters}}<tr><td class="empty">No parameters.</td></tr>{{/parameters}}
        </table>
        <h2>Runs it made ({{runCount}})</h2>
        <table class="list" id="recurring-run-runs">
          <thead><tr><th>Run name</th><th>Status</th><th>Created at</th></tr></thead>
          <tbody>
          {{#runs}}<tr data-run-id="{{id}}"><td><a href="/runs/{{id}}">{{name}}</a></td><td><span class="state state-{{stateClass}}">{{state}}</span></td><td>{{createdAt}}</td></tr>
          {{/runs}}
          {{^runs}}<tr><td colspan="3" class="empty">No runs yet.</td></tr>{{/runs}}
          </tbody>
        </table>
        """#
}
