/// Templates of the pipelines list and a pipeline's page.
enum PipelineTemplates {
    static let list = #"""
        <h1>Pipelines</h1>
        <form class="toolbar" method="get" action="/pipelines">
          <input type="search" name="q" value="{{searchText}}" placeholder="Filter pipelines by name" id="pipeline-filter">
          <button type="submit">Filter</button>
          <span class="spacer"></span>
          <button type="button" class="primary" data-toggle="upload-form">Upload pipeline</button>
        </form>
        <form class="card" id="upload-form" data-upload="pipeline" hidden>
          <h2>Upload a pipeline</h2>
          <label>Pipeline package (YAML, JSON, zip or tar.gz) <input type="file" name="uploadfile" id="upload-file" required></label>
          <label>Pipeline name <input type="text" name="name" id="upload-name" placeholder="the file's name when empty"></label>
          <label>Description <input type="text" name="description" id="upload-description"></label>
          <button type="submit" class="primary" id="upload-submit">Create</button>
        </form>
        <table class="list" id="pipeline-list">
          <thead><tr><th></th>
            {{#nameSort}}<th><a href="{{url}}">Pipeline name {{mark}}</a></th>{{/nameSort}}
            <th>Description</th>
            {{#createdSort}}<th><a href="{{url}}">Uploaded on {{mark}}</a></th>{{/createdSort}}
            <th></th></tr></thead>
          <tbody>
          {{#rows}}
          <tr data-pipeline-id="{{id}}">
            <td></td>
            <td><a class="pipeline-link" href="/pipelines/{{id}}">{{name}}</a></td>
            <td>{{description}}</td>
            <td>{{createdAt}}</td>
            <td><a class="button" href="/runs/new?pipeline_id={{id}}">Create run</a>
              <button type="button" class="danger" data-delete-pipeline="{{id}}" data-name="{{name}}">Delete</button></td>
          </tr>
          {{/rows}}
          {{#empty(rows)}}<tr><td colspan="5" class="empty">No pipelines found.</td></tr>{{/empty(rows)}}
          </tbody>
        </table>
        {{#pager}}{{> pager}}{{/pager}}
        """#

    static let details = #"""
        <div class="crumbs"><a href="/pipelines">Pipelines</a> › {{name}}</div>
        <h1 id="pipeline-name">{{name}}</h1>
        {{#description}}<p class="description">{{description}}</p>{{/description}}
        <div class="toolbar">
          {{#hasVersion}}<a class="button primary" href="{{createRunURL}}" id="create-run">Create run</a>{{/hasVersion}}
          <button type="button" data-toggle="version-form">Upload version</button>
          {{#hasVersion}}<button type="button" class="danger" data-delete-version="{{versionID}}" data-pipeline="{{id}}">Delete version</button>{{/hasVersion}}
          <button type="button" class="danger" data-delete-pipeline="{{id}}" data-name="{{name}}">Delete pipeline</button>
        </div>
        <form class="card" id="version-form" data-upload="version" data-pipeline="{{id}}" hidden>
          <h2>Upload a new version of {{name}}</h2>
          <label>Pipeline package <input type="file" name="uploadfile" required></label>
          <label>Version name <input type="text" name="name" placeholder="the file's name when empty"></label>
          <label>Description <input type="text" name="description"></label>
          <button type="submit" class="primary">Upload version</button>
        </form>
        <div class="run-layout">
          <section class="graph-pane">
            {{#hasVersion}}<div class="crumbs layers">{{#layerCrumbs}}<a href="{{url}}">{{label}}</a> › {{/layerCrumbs}}<strong>{{layerLabel}}</strong></div>
            {{{graphHTML}}}{{/hasVersion}}
            {{^hasVersion}}<p class="empty" id="no-versions">This pipeline has no versions. Upload one, or delete the pipeline.</p>{{/hasVersion}}
          </section>
          <aside class="side-panel">
            {{{panelHTML}}}
            <h2>Versions</h2>
            <table class="facts" id="versions">
              {{#versions}}<tr{{#selected}} class="selected"{{/selected}}><td><a href="{{url}}">{{name}}</a></td><td>{{createdAt}}</td></tr>{{/versions}}
            </table>
            <h3>Parameters</h3>
            <table class="facts">{{#parameters}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/parameters}}{{^parameters}}<tr><td class="empty">None.</td></tr>{{/parameters}}</table>
          </aside>
        </div>
        {{#hasVersion}}<details class="spec" open><summary>Pipeline spec (version {{versionName}})</summary><pre id="spec-yaml">{{specYAML}}</pre></details>{{/hasVersion}}
        """#
}
