/// Templates of the experiments list and an experiment's page.
enum ExperimentTemplates {
    static let list = #"""
        <h1>{{#archived}}Archived experiments{{/archived}}{{^archived}}Experiments{{/archived}}</h1>
        <div class="tabs">
          <a href="/experiments"{{^archived}} class="active"{{/archived}}>Active</a>
          <a href="/experiments?archived=1"{{#archived}} class="active"{{/archived}}>Archived</a>
        </div>
        <form class="toolbar" method="get" action="/experiments">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter experiments by name" id="experiment-filter">
          {{#archived}}<input type="hidden" name="archived" value="1">{{/archived}}
          <button type="submit">Filter</button>
          <span class="spacer"></span>
          <button type="button" class="primary" data-toggle="experiment-form">Create experiment</button>
        </form>
        <form class="card" id="experiment-form" data-create="experiment" hidden>
          <h2>New experiment</h2>
          <label>Experiment name <input type="text" name="display_name" id="experiment-name" required></label>
          <label>Description <input type="text" name="description" id="experiment-description"></label>
          <button type="submit" class="primary">Create</button>
        </form>
        <table class="list" id="experiment-list">
          <thead><tr><th>Experiment name</th><th>Description</th><th>Last 5 runs</th><th>Created at</th><th></th></tr></thead>
          <tbody>
          {{#rows}}
          <tr data-experiment-id="{{id}}">
            <td><a class="experiment-link" href="/experiments/{{id}}">{{name}}</a></td>
            <td>{{description}}</td>
            <td class="recent">{{#lastRuns}}<a class="dot-link state-{{stateClass}}" href="/runs/{{id}}" title="{{name}}: {{state}}"></a>{{/lastRuns}}</td>
            <td>{{createdAt}}</td>
            <td>{{^archived}}<button type="button" data-experiment-action="archive" data-id="{{id}}">Archive</button>{{/archived}}
                {{#archived}}<button type="button" data-experiment-action="unarchive" data-id="{{id}}">Restore</button>{{/archived}}</td>
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="5" class="empty">No experiments found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/experiments">Experiments</a> › {{name}}</div>
        <div class="card">
          <h2 id="experiment-title">{{name}}</h2>
          {{#description}}<p>{{description}}</p>{{/description}}
          <p class="hint">Created at {{createdAt}}{{#archived}} · archived{{/archived}}</p>
          {{^archived}}<button type="button" data-experiment-action="archive" data-id="{{id}}">Archive</button>{{/archived}}
          {{#archived}}<button type="button" data-experiment-action="unarchive" data-id="{{id}}">Restore</button>{{/archived}}
        </div>
        {{{runsHTML}}}
        """#
}
