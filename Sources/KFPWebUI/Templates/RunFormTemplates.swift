/// The "Create run" form.
enum RunFormTemplates {
    static let newRun = #"""
        <h1>{{#recurring}}Create recurring run{{/recurring}}{{^recurring}}Create run{{/recurring}}</h1>
        <form class="card" method="get" action="{{#recurring}}/recurringruns/new{{/recurring}}{{^recurring}}/runs/new{{/recurring}}" id="pipeline-picker">
          <label>Pipeline
            <select name="pipeline_id" id="pipeline-select" data-autosubmit>
              <option value="">Choose a pipeline</option>
              {{#pipelines}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/pipelines}}
            </select></label>
          {{#hasPipeline}}<label>Pipeline version
            <select name="version_id" id="version-select" data-autosubmit>
              {{#versions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/versions}}
            </select></label>{{/hasPipeline}}
          {{#experimentID}}<input type="hidden" name="experiment_id" value="{{experimentID}}">{{/experimentID}}
          <noscript><button type="submit">Choose</button></noscript>
        </form>
        {{#hasPipeline}}
        {{#inlineSpecRunID}}<p class="hint" id="inline-clone">Cloning run {{inlineSpecRunID}}: it was created from a pipeline spec sent with the run, which this run sends again.</p>{{/inlineSpecRunID}}
        <form class="card" id="run-form" data-pipeline="{{pipelineID}}" data-version="{{versionID}}"{{#inlineSpecRunID}} data-spec-run="{{inlineSpecRunID}}"{{/inlineSpecRunID}}{{#recurring}} data-recurring="1"{{/recurring}} novalidate>
          <h2>Run details</h2>
          <label>Run name <input type="text" name="display_name" id="run-name" value="{{runName}}" required></label>
          <label>Description <input type="text" name="description" id="run-description" value="{{description}}"></label>
          <label>Experiment
            <select name="experiment_id" id="experiment-select">
              {{#experiments}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/experiments}}
            </select></label>
          <label>Pipeline root <input type="text" name="pipeline_root" id="pipeline-root" value="{{pipelineRoot}}" placeholder="the server's default"></label>
          {{#recurring}}
          <h2>Run trigger</h2>
          <label>Trigger type <select name="trigger_type" id="trigger-type"><option value="periodic">Periodic (an interval)</option><option value="cron">Cron</option></select></label>
          <label>Run every (seconds) <input type="text" inputmode="numeric" name="interval_second" id="trigger-interval" value="3600"></label>
          <label>Cron expression (6 fields with seconds: second minute hour day month weekday) <input type="text" name="cron" id="trigger-cron" value="0 0 * * * *"></label>
          <label>Maximum concurrent runs (1 to 10) <input type="text" inputmode="numeric" name="max_concurrency" id="max-concurrency" value="10"></label>
          <label class="inline"><input type="checkbox" name="catchup" id="trigger-catchup" checked> Catch up: start the runs missed while disabled or while the server was down</label>
          <label>Start at (UTC, optional) <input type="datetime-local" name="start_time" id="trigger-start"></label>
          <label>End at (UTC, optional) <input type="datetime-local" name="end_time" id="trigger-end"></label>
          {{/recurring}}
          <h2>Run parameters</h2>
          {{#fields}}
          <div class="field" data-param="{{name}}" data-type="{{type}}" data-required="{{required}}">
            <label for="param-{{name}}">{{name}} <span class="type">{{type}}</span>{{#required}} <span class="required">required</span>{{/required}}</label>
            {{#isText}}<input type="text" id="param-{{name}}" name="param:{{name}}" value="{{value}}">{{/isText}}
            {{#isNumber}}<input type="text" inputmode="{{inputMode}}" id="param-{{name}}" name="param:{{name}}" value="{{value}}">{{/isNumber}}
            {{#isBoolean}}<select id="param-{{name}}" name="param:{{name}}"><option value="true"{{#isTrue}} selected{{/isTrue}}>true</option><option value="false"{{^isTrue}} selected{{/isTrue}}>false</option></select>{{/isBoolean}}
            {{#isJSON}}<textarea id="param-{{name}}" name="param:{{name}}" rows="3">{{value}}</textarea>{{/isJSON}}
            {{#description}}<div class="hint">{{description}}</div>{{/description}}
            <div class="field-error" id="error-{{name}}"></div>
          </div>
          {{/fields}}
          {{^fields}}<p class="empty">This pipeline has no parameters.</p>{{/fields}}
          <div class="form-error" id="run-form-error"></div>
          <button type="submit" class="primary" id="start-run">{{#recurring}}Create{{/recurring}}{{^recurring}}Start{{/recurring}}</button>
        </form>
        {{/hasPipeline}}
        """#
}
