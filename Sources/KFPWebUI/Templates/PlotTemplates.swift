/// Templates of the server-drawn SVG plots. Every label is escaped; coordinates are numbers the
/// plot computed.
enum PlotTemplates {
    /// An ``ROCPlot``: axes with ticks, the chance diagonal, one polyline per curve, a legend.
    static let roc = #"""
        <svg class="roc-plot" role="img" aria-label="ROC curve" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" xmlns="http://www.w3.org/2000/svg">
          <rect class="plot-area" x="{{plotLeft}}" y="{{plotTop}}" width="{{plotSide}}" height="{{plotSide}}"></rect>
          {{#ticks}}<line class="grid" x1="{{x}}" y1="{{plotTop}}" x2="{{x}}" y2="{{plotBottom}}"></line><line class="grid" x1="{{plotLeft}}" y1="{{y}}" x2="{{plotRight}}" y2="{{y}}"></line>
          <text class="tick" x="{{x}}" y="{{plotBottom}}" dy="14" text-anchor="middle">{{label}}</text><text class="tick" x="{{plotLeft}}" y="{{y}}" dx="-5" dy="4" text-anchor="end">{{label}}</text>{{/ticks}}
          <line class="chance" x1="{{plotLeft}}" y1="{{plotBottom}}" x2="{{plotRight}}" y2="{{plotTop}}"></line>
          {{#lines}}<polyline class="roc-curve" data-run-id="{{runID}}" data-label="{{label}}" data-points="{{pointCount}}" stroke="{{color}}" points="{{points}}"><title>{{label}}</title></polyline>
          {{/lines}}
          <text class="axis" x="{{plotLeft}}" y="{{plotBottom}}" dx="{{plotSide}}" dy="30" text-anchor="end">False positive rate</text>
          <text class="axis" transform="rotate(-90)" x="-{{plotTop}}" y="12" text-anchor="end">Recall</text>
          {{#lines}}<g class="legend-entry"><rect x="{{legendX}}" y="{{swatchY}}" width="14" height="4" fill="{{color}}"></rect><text x="{{legendX}}" dx="20" y="{{legendY}}">{{label}}</text></g>
          {{/lines}}
        </svg>
        """#

    /// A ``MetricBars`` chart: run labels on the left, a bar per run from the zero line, values
    /// after the bars; the best bar has `class="bar best"`.
    static let bars = #"""
        <svg class="metric-bars" role="img" aria-label="{{name}} by run" data-metric="{{name}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" xmlns="http://www.w3.org/2000/svg">
          {{#bars}}<g class="bar{{#best}} best{{/best}}"><title>{{fullLabel}}: {{value}}</title><text class="bar-label" x="{{labelRight}}" y="{{textY}}" text-anchor="end">{{label}}</text><rect x="{{x}}" y="{{y}}" width="{{width}}" height="16" fill="{{color}}"></rect><text class="bar-value" x="{{x}}" dx="{{width}}" y="{{textY}}" dy="0" transform="translate(6 0)">{{value}}</text></g>
          {{/bars}}
          <line class="zero" x1="{{zeroX}}" y1="0" x2="{{zeroX}}" y2="{{height}}"></line>
        </svg>
        """#
}
