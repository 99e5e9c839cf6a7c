/// The SVG graph of one DAG: nodes are links (to open a sub-DAG or a task's panel), their class
/// carries the task state (`state-succeeded`), `data-task-path` lets the page script update states.
enum GraphTemplates {
    static let graph = #"""
        <div class="graph" id="graph">
        <svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="pipeline graph">
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#8a94a6"/></marker></defs>
        {{#edges}}<path class="edge" d="{{path}}" data-from="{{from}}" data-to="{{to}}" marker-end="url(#arrow)"/>
        {{/edges}}
        {{#nodes}}<a href="{{url}}" class="node-link"><g class="node kind-{{kind}} state-{{stateClass}}{{#selected}} selected{{/selected}}" data-node="{{id}}" data-task-path="{{path}}">
        <title>{{label}} · {{kindLabel}}{{#detail}} · {{detail}}{{/detail}}</title>
        <rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="6"/>
        <circle class="dot" cx="{{dotX}}" cy="{{dotY}}" r="5"/>
        <text x="{{textX}}" y="{{textY}}">{{shortLabel}}</text>
        <text class="sub" x="{{textX}}" y="{{subY}}">{{kindLabel}}<tspan class="state-text">{{#stateLabel}} · {{stateLabel}}{{/stateLabel}}</tspan></text>
        </g></a>
        {{/nodes}}
        </svg>
        </div>
        """#
}
