/// The UI's stylesheet (`/ui/app.css`): KFP's layout (side navigation, tables, a graph pane with
/// a side panel) and its state colours.
enum StyleSheet {
    static let source = #"""
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202124; display: flex; min-height: 100vh; }
        nav.side { width: 190px; background: #24292e; color: #fff; display: flex; flex-direction: column; padding: 12px 0; flex-shrink: 0; }
        nav.side a { color: #c8ced6; text-decoration: none; padding: 9px 18px; }
        nav.side a.active, nav.side a:hover { background: #3a4149; color: #fff; }
        nav.side .brand { font-weight: 600; color: #fff; font-size: 15px; margin-bottom: 10px; }
        nav.side .footer { margin-top: auto; padding: 12px 18px; font-size: 11px; color: #8a94a6; }
        main { flex: 1; padding: 18px 26px; min-width: 0; }
        h1 { font-size: 22px; font-weight: 500; margin: 6px 0 14px; }
        h2 { font-size: 17px; font-weight: 500; margin: 6px 0 10px; }
        h3 { font-size: 14px; font-weight: 600; margin: 14px 0 6px; color: #5f6368; }
        a { color: #1a73e8; }
        .crumbs { color: #5f6368; margin-bottom: 4px; }
        .toolbar { display: flex; gap: 8px; align-items: center; margin: 10px 0; flex-wrap: wrap; }
        .toolbar .spacer { flex: 1; }
        button, .button { font: inherit; padding: 6px 12px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; color: #1a73e8; cursor: pointer; text-decoration: none; display: inline-block; }
        button.primary, .button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
        button.danger { color: #d93025; }
        button:disabled { opacity: 0.45; cursor: default; }
        label.inline input { display: inline; width: auto; margin-right: 6px; }
        input[type=text], input[type=search], input[type=number], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #dadce0; border-radius: 4px; min-width: 220px; }
        textarea { width: 100%; font-family: ui-monospace, monospace; }
        label { display: block; margin: 8px 0; color: #3c4043; }
        label input, label select { display: block; margin-top: 3px; width: 100%; max-width: 520px; }
        .card { border: 1px solid #e0e0e0; border-radius: 6px; padding: 14px 18px; margin: 10px 0; max-width: 760px; background: #fafbfc; }
        .tabs { display: flex; gap: 2px; border-bottom: 1px solid #e0e0e0; margin-bottom: 8px; }
        .tabs a { padding: 6px 14px; text-decoration: none; color: #5f6368; border-bottom: 2px solid transparent; }
        .tabs a.active { color: #1a73e8; border-bottom-color: #1a73e8; }
        table.list { border-collapse: collapse; width: 100%; }
        table.list th, table.list td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #eceff1; vertical-align: top; max-width: 420px; overflow-wrap: anywhere; }
        h1, h2, .crumbs { overflow-wrap: anywhere; }
        table.list th { color: #5f6368; font-weight: 500; }
        table.list th a { color: inherit; text-decoration: none; }
        table.facts { border-collapse: collapse; width: 100%; }
        table.facts th, table.facts td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #f0f0f0; vertical-align: top; word-break: break-word; }
        table.facts th { color: #5f6368; font-weight: 500; width: 38%; }
        tr.selected { background: #e8f0fe; }
        .empty { color: #80868b; font-style: italic; }
        .hint { color: #80868b; font-size: 12px; }
        .pager { display: flex; gap: 14px; margin: 10px 0; color: #5f6368; }
        .flash { padding: 10px 14px; border-radius: 4px; margin-bottom: 10px; white-space: pre-wrap; }
        .flash.error, .error-text { background: #fce8e6; color: #a50e0e; padding: 8px 12px; border-radius: 4px; white-space: pre-wrap; }
        .field { margin: 10px 0; }
        .field .type, .artifact .type { font-size: 11px; color: #5f6368; background: #f1f3f4; padding: 1px 6px; border-radius: 8px; }
        .field .required { font-size: 11px; color: #d93025; }
        .field-error, .form-error { color: #d93025; font-size: 12px; min-height: 1em; }
        .state { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #eceff1; color: #5f6368; }
        .state-succeeded.state, .dot-link.state-succeeded { background: #e6f4ea; color: #137333; }
        .state-failed.state, .dot-link.state-failed { background: #fce8e6; color: #c5221f; }
        .state-running.state, .state-pending.state, .dot-link.state-running { background: #e8f0fe; color: #1967d2; }
        .state-canceled.state, .state-canceling.state, .state-skipped.state { background: #f1f3f4; color: #5f6368; }
        .dot-link { display: inline-block; width: 14px; height: 14px; border-radius: 50%; margin-right: 3px; background: #dadce0; }
        .dot-link.state-succeeded { background: #34a853; } .dot-link.state-failed { background: #ea4335; } .dot-link.state-running { background: #4285f4; }
        .run-layout { display: flex; gap: 16px; align-items: flex-start; }
        .graph-pane { flex: 1; min-width: 0; }
        .graph { overflow: auto; max-height: 78vh; border: 1px solid #e0e0e0; border-radius: 6px; background: #fcfcfd; }
        .side-panel { width: 440px; flex-shrink: 0; border-left: 1px solid #e0e0e0; padding-left: 16px; max-height: 85vh; overflow: auto; }
        .panel-head { display: flex; justify-content: space-between; align-items: center; }
        .close { text-decoration: none; font-size: 18px; color: #5f6368; }
        svg .edge { fill: none; stroke: #8a94a6; stroke-width: 1.4; }
        svg .node rect { fill: #fff; stroke: #b0b7c3; stroke-width: 1.2; }
        svg .node text { font-size: 12.5px; fill: #202124; }
        svg .node text.sub { font-size: 10.5px; fill: #5f6368; }
        svg .node .dot { fill: #dadce0; }
        svg .node.kind-dag rect, svg .node.kind-loop rect, svg .node.kind-condition rect { stroke-dasharray: 4 3; fill: #f8f9fb; }
        svg .node.selected rect { stroke: #1a73e8; stroke-width: 2.5; }
        svg .node.state-succeeded .dot { fill: #34a853; } svg .node.state-succeeded rect { stroke: #34a853; }
        svg .node.state-failed .dot { fill: #ea4335; } svg .node.state-failed rect { stroke: #ea4335; }
        svg .node.state-running .dot, svg .node.state-pending .dot { fill: #4285f4; } svg .node.state-running rect { stroke: #4285f4; }
        svg .node.state-skipped .dot, svg .node.state-canceled .dot { fill: #9aa0a6; }
        svg a.node-link:hover rect { fill: #f1f6fe; }
        .iterations { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
        .iteration { border: 1px solid #dadce0; border-left: 5px solid #dadce0; border-radius: 4px; padding: 6px 12px; text-decoration: none; color: #202124; min-width: 110px; }
        .iteration.state-succeeded { border-left-color: #34a853; } .iteration.state-failed { border-left-color: #ea4335; } .iteration.state-running { border-left-color: #4285f4; }
        .iteration span { font-size: 11px; color: #5f6368; }
        pre { background: #f6f8fa; padding: 10px; border-radius: 4px; overflow: auto; max-height: 60vh; font-size: 12px; }
        pre.log { background: #1e1e1e; color: #e0e0e0; max-height: 50vh; white-space: pre-wrap; word-break: break-all; }
        details.spec { margin-top: 16px; }
        .artifact { border: 1px solid #e0e0e0; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
        .artifact .uri { font-size: 11px; color: #5f6368; word-break: break-all; margin: 4px 0; }
        .preview { margin-top: 6px; }
        .table-preview { overflow: auto; max-height: 320px; }
        table.csv, table.metrics, table.confusion, table.roc, table.folder { border-collapse: collapse; font-size: 12px; }
        table.csv th, table.csv td, table.metrics th, table.metrics td, table.confusion th, table.confusion td, table.roc th, table.roc td, table.folder td { border: 1px solid #e0e0e0; padding: 3px 7px; text-align: left; }
        iframe.document { width: 100%; height: 320px; border: 1px solid #e0e0e0; border-radius: 4px; background: #fff; }
        a.small { font-size: 11px; font-weight: 400; }
        svg.roc-plot { font-size: 11px; background: #fff; }
        svg.roc-plot .plot-area { fill: #fcfcfd; stroke: #b0b7c3; }
        svg.roc-plot .grid { stroke: #eceff1; }
        svg.roc-plot .chance { stroke: #9aa0a6; stroke-dasharray: 4 4; }
        svg.roc-plot .roc-curve { fill: none; stroke-width: 2; }
        svg.roc-plot text { fill: #3c4043; }
        svg.metric-bars { font-size: 11px; }
        svg.metric-bars .zero { stroke: #5f6368; }
        svg.metric-bars g.bar rect { opacity: 0.75; }
        svg.metric-bars g.best rect { opacity: 1; stroke: #137333; stroke-width: 2; }
        svg.metric-bars g.best .bar-value { font-weight: 700; fill: #137333; }
        table.compare tr.differs { background: #fef7e0; }
        table.compare td.best { font-weight: 700; color: #137333; }
        .side-by-side { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-start; }
        .side-by-side .card { margin: 0; flex: 1 1 300px; max-width: 520px; }
        .metric-choice { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin: 6px 0; font-size: 12px; }
        .metric-choice a { border: 1px solid #dadce0; border-radius: 10px; padding: 1px 8px; text-decoration: none; }
        .metric-choice a.chosen { background: #e8f0fe; border-color: #1a73e8; }
        .metric-choice span.full { color: #9aa0a6; border: 1px dashed #dadce0; border-radius: 10px; padding: 1px 8px; }
        """#
}
