/// The task panel of the run page. Artifact previews: tables and text are escaped; HTML and
/// Markdown documents go into an `iframe` with an empty `sandbox` (no scripts, no same origin,
/// no forms, no navigation of the page) through `srcdoc`, which the template escapes.
enum TaskTemplates {
    /// A node of a pipeline's static graph: its component's interface and container.
    static let componentPanel = #"""
        <div class="task-panel" id="component-panel">
          <div class="panel-head"><h2 id="component-name">{{name}}</h2><a class="close" href="{{closeURL}}" title="Close">✕</a></div>
          <table class="facts">
            <tr><th>Task</th><td>{{path}}</td></tr>
            <tr><th>Component</th><td>{{componentName}}</td></tr>
          </table>
          <h3>Inputs</h3>
          <table class="facts" id="component-inputs">{{#inputs}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/inputs}}{{^inputs}}<tr><td class="empty">None.</td></tr>{{/inputs}}</table>
          <h3>Outputs</h3>
          <table class="facts" id="component-outputs">{{#outputs}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/outputs}}{{^outputs}}<tr><td class="empty">None.</td></tr>{{/outputs}}</table>
          {{#image}}<h3>Image</h3><pre id="component-image">{{image}}</pre>{{/image}}
          {{#command}}<h3>Command</h3><pre>{{command}}</pre>{{/command}}
          {{#arguments}}<h3>Arguments</h3><pre>{{arguments}}</pre>{{/arguments}}
          {{^empty(environment)}}<h3>Environment</h3><table class="facts">{{#environment}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/environment}}</table>{{/empty(environment)}}
        </div>
        """#

    static let panel = #"""
        <div class="task-panel" data-task-path="{{path}}" data-state="{{state}}"{{#logURL}} data-log-url="{{logURL}}"{{/logURL}}>
          <div class="panel-head"><h2 id="task-name">{{name}}</h2><a class="close" href="{{closeURL}}" title="Close">✕</a></div>
          <div class="tabs panel-tabs">
            <a href="#task-io" class="active" data-tab="task-io">Input/Output</a>
            <a href="#task-details" data-tab="task-details">Task details</a>
            <a href="#task-logs" data-tab="task-logs">Logs</a>
          </div>
          <section id="task-io" class="tab-body">
            <h3>Input parameters</h3>
            <table class="facts" id="input-parameters">{{#inputParameters}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/inputParameters}}{{^inputParameters}}<tr><td class="empty">None.</td></tr>{{/inputParameters}}</table>
            {{^empty(inputArtifacts)}}<h3>Input artifacts</h3>
            <table class="facts" id="input-artifacts">{{#inputArtifacts}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/inputArtifacts}}</table>{{/empty(inputArtifacts)}}
            <h3>Output parameters</h3>
            <table class="facts" id="output-parameters">{{#outputParameters}}<tr><th>{{name}}</th><td><code>{{value}}</code></td></tr>{{/outputParameters}}{{^outputParameters}}<tr><td class="empty">None.</td></tr>{{/outputParameters}}</table>
            <h3>Output artifacts</h3>
            {{#outputArtifacts}}
            <div class="artifact" data-artifact="{{name}}">
              <div class="artifact-head"><strong>{{name}}</strong> <span class="type">{{typeTitle}}</span>
                {{#downloadURL}}<a href="{{downloadURL}}" download>Download</a>{{/downloadURL}}</div>
              <div class="uri"><code>{{uri}}</code></div>
              {{#preview}}
              {{> artifact-preview}}
              {{/preview}}
            </div>
            {{/outputArtifacts}}
            {{^outputArtifacts}}<p class="empty">None.</p>{{/outputArtifacts}}
          </section>
          <section id="task-details" class="tab-body">
            <h3>Task details</h3>
            <table class="facts">
              <tr><th>Task</th><td>{{path}}</td></tr>
              <tr><th>Task id</th><td>{{taskID}}</td></tr>
              <tr><th>Status</th><td><span class="state state-{{stateClass}}" id="task-state">{{state}}</span></td></tr>
              <tr><th>Cache</th><td id="task-cache">{{cache}}</td></tr>
              {{#node}}<tr><th>Node</th><td id="task-node">{{node}}</td></tr>{{/node}}
              {{#slurmJob}}<tr><th>Slurm job</th><td id="task-slurm-job">{{slurmJob}}</td></tr>{{/slurmJob}}
              <tr><th>Created at</th><td>{{createdAt}}</td></tr>
              <tr><th>Started at</th><td>{{startedAt}}</td></tr>
              <tr><th>Finished at</th><td>{{finishedAt}}</td></tr>
              <tr><th>Duration</th><td>{{duration}}</td></tr>
            </table>
            {{#errorMessage}}<p class="error-text">{{errorMessage}}</p>{{/errorMessage}}
            <h3>State history</h3>
            <table class="facts">{{#history}}<tr><th>{{time}}</th><td><span class="state state-{{stateClass}}">{{state}}</span></td></tr>{{/history}}</table>
          </section>
          <section id="task-logs" class="tab-body">
            <h3>Log {{#logURL}}<a class="small" href="{{logURL}}">raw</a>{{/logURL}}</h3>
            {{#logTruncated}}<p class="hint">Showing the end of the log.</p>{{/logTruncated}}
            <pre class="log" id="task-log"{{^log}} hidden{{/log}}>{{log}}</pre>
            {{^log}}<p class="empty" id="task-log-note">{{logNote}}</p>{{/log}}
          </section>
        </div>
        """#

    /// An artifact's preview (a ``PreviewView``), shared by the task panel and the artifact page.
    static let preview = #"""
        {{#table}}<div class="preview table-preview"><table class="csv">
          {{^empty(header)}}<thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead>{{/empty(header)}}
          <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table>
          {{#note}}<p class="hint">{{note}}</p>{{/note}}</div>{{/table}}
        {{#document}}<iframe class="preview document" sandbox="" referrerpolicy="no-referrer" title="{{name}} preview" srcdoc="{{document}}"></iframe>{{/document}}
        {{#text}}<pre class="preview text-preview">{{text}}</pre>{{/text}}
        {{#metrics}}<table class="preview metrics"><thead><tr><th>Metric</th><th>Value</th></tr></thead><tbody>{{#rows}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/rows}}</tbody></table>{{/metrics}}
        {{#matrix}}<table class="preview confusion"><thead><tr><th>actual \ predicted</th>{{#labels}}<th>{{.}}</th>{{/labels}}</tr></thead>
          <tbody>{{#rows}}<tr><th>{{label}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table>{{/matrix}}
        {{#roc}}<div class="preview plot">{{#plot}}{{> roc-plot}}{{/plot}}</div><details class="roc-points"><summary>ROC points</summary><table class="preview roc"><thead><tr><th>Threshold</th><th>False positive rate</th><th>Recall</th></tr></thead><tbody>{{#points}}<tr><td>{{threshold}}</td><td>{{falsePositiveRate}}</td><td>{{recall}}</td></tr>{{/points}}</tbody></table></details>{{/roc}}
        {{#folder}}<table class="preview folder"><tbody>{{#entries}}<tr><td>{{name}}</td><td>{{size}}</td></tr>{{/entries}}</tbody></table>{{/folder}}
        {{#note}}<p class="hint">{{note}}</p>{{/note}}
        """#
}
