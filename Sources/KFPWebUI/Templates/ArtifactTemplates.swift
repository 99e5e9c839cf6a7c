/// Templates of the artifacts list and an artifact's page.
enum ArtifactTemplates {
    static let list = #"""
        <h1>Artifacts</h1>
        <form class="toolbar" method="get" action="/artifacts">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter artifacts by name" id="artifact-filter">
          <select name="type" id="artifact-type-filter">{{#typeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/typeOptions}}</select>
          <button type="submit">Filter</button>
        </form>
        <table class="list" id="artifact-list">
          <thead><tr><th>Name</th><th>Type</th><th>Run</th><th>Task</th><th>URI</th><th>Size</th><th>Created at</th></tr></thead>
          <tbody>
          {{#rows}}
          <tr data-artifact-id="{{id}}">
            <td><a class="artifact-link" href="/artifacts/{{id}}">{{name}}</a></td>
            <td>{{typeTitle}}</td>
            <td><a href="/runs/{{runID}}">{{runName}}</a></td>
            <td><a href="{{taskURL}}">{{taskPath}}</a></td>
            <td class="uri"><code>{{uri}}</code></td>
            <td>{{size}}</td>
            <td>{{createdAt}}</td>
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="7" class="empty">No artifacts found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/artifacts">Artifacts</a> › {{name}}</div>
        <h1>{{name}} <span class="type">{{typeTitle}}</span></h1>
        <div class="toolbar">{{#downloadURL}}<a class="button" id="artifact-download" href="{{downloadURL}}" download>Download</a>{{/downloadURL}}</div>
        <table class="facts" id="artifact-facts">
          <tr><th>Artifact id</th><td>{{id}}</td></tr>
          <tr><th>Type</th><td>{{typeTitle}}</td></tr>
          <tr><th>URI</th><td><code>{{uri}}</code></td></tr>
          <tr><th>Size</th><td>{{size}}</td></tr>
          <tr><th>Created at</th><td>{{createdAt}}</td></tr>
        </table>
        <h2>Lineage</h2>
        <table class="list" id="artifact-lineage">
          <thead><tr><th>Relation</th><th>Run</th><th>Task</th><th></th></tr></thead>
          <tbody>
          {{#producer}}<tr class="producer"><th>Produced by</th><td><a href="/runs/{{runID}}">{{runName}}</a></td><td><a class="task-link" href="{{url}}">{{taskPath}}</a></td><td>{{note}}</td></tr>{{/producer}}
          {{#consumers}}<tr class="consumer"><th>Consumed by</th><td><a href="/runs/{{runID}}">{{runName}}</a></td><td><a class="task-link" href="{{url}}">{{taskPath}}</a></td><td>{{note}}</td></tr>
          {{/consumers}}
          {{#reuses}}<tr class="reuse"><th>Reused by</th><td><a href="/runs/{{runID}}">{{runName}}</a></td><td><a class="task-link" href="{{url}}">{{taskPath}}</a></td><td>{{note}}</td></tr>
          {{/reuses}}
          </tbody>
        </table>
        {{^consumers}}<p class="empty" id="no-consumers">No task consumed it.</p>{{/consumers}}
        <h2>Preview</h2>
        <div class="artifact" id="artifact-preview">{{#preview}}{{> artifact-preview}}{{/preview}}</div>
        {{^empty(metadata)}}<h2>Metadata</h2>
        <table class="facts" id="artifact-metadata">{{#metadata}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/metadata}}</table>{{/empty(metadata)}}
        """#
}
