import Foundation

/// ROC curves drawn as one SVG plot on the server (false positive rate on x, recall on y, both
/// 0-1), with the chance diagonal and a legend: the run page draws one artifact's curve, the
/// compare page overlays one curve per run. Labels reach the page through the `roc-plot`
/// template, so they stay text.
package struct ROCPlot: Sendable {
    /// One curve: its legend label and its points (any order; drawn sorted by rate).
    package struct Curve: Sendable, Equatable {
        package let label: String
        package let points: [ROCPoint]
        /// The run the curve belongs to (compare page), for `data-run-id`.
        package let runID: String?

        package init(label: String, points: [ROCPoint], runID: String? = nil) {
            self.label = label
            self.points = points
            self.runID = runID
        }
    }

    /// A curve as the template draws it.
    package struct Line: Sendable, Equatable {
        package let label: String
        package let runID: String
        /// `x,y x,y ...` in SVG units.
        package let points: String
        package let color: String
        package let pointCount: Int
        /// The legend entry's baseline (SVG units).
        package let legendY: Int
        /// The top of the legend entry's colour swatch.
        package let swatchY: Int
    }

    /// An axis tick: its value (`0.5`) and its position.
    package struct Tick: Sendable, Equatable {
        package let label: String
        package let x: Int
        package let y: Int
    }

    /// The colours of curves 1, 2, ... (repeating after ten).
    static let palette = ["#1a73e8", "#d93025", "#188038", "#f29900", "#9334e6", "#12b5cb", "#e52592", "#5f6368", "#795548", "#7cb342"]
    static let left = 44, top = 12, side = 240

    package let lines: [Line]
    package let ticks: [Tick]
    package let width: Int
    package let height: Int
    /// Where the plot area and the legend begin (SVG units).
    package let plotLeft = ROCPlot.left, plotTop = ROCPlot.top, plotSide = ROCPlot.side
    package let plotRight = ROCPlot.left + ROCPlot.side, plotBottom = ROCPlot.top + ROCPlot.side
    package let legendX = ROCPlot.left + ROCPlot.side + 20

    package init(curves: [Curve]) {
        lines = curves.enumerated().map { index, curve in
            let sorted = curve.points
                .filter { $0.falsePositiveRate.isFinite && $0.truePositiveRate.isFinite }
                .sorted { ($0.falsePositiveRate, $0.truePositiveRate) < ($1.falsePositiveRate, $1.truePositiveRate) }
            let points = sorted.map { "\(Self.x($0.falsePositiveRate)),\(Self.y($0.truePositiveRate))" }
            return Line(
                label: curve.label, runID: curve.runID ?? "", points: points.joined(separator: " "),
                color: Self.palette[index % Self.palette.count], pointCount: sorted.count, legendY: Self.top + 14 + index * 18,
                swatchY: Self.top + 7 + index * 18)
        }
        ticks = [0, 0.25, 0.5, 0.75, 1].map { value in
            Tick(label: value == 0 || value == 1 ? String(Int(value)) : String(value), x: Self.left + Int(value * Double(Self.side)), y: Self.top + Int((1 - value) * Double(Self.side)))
        }
        let longest = curves.map(\.label.count).max() ?? 0
        width = Self.left + Self.side + 20 + 22 + min(40, longest) * 7 + 10
        height = max(Self.top + Self.side + 34, Self.top + 14 + curves.count * 18)
    }

    /// The SVG x of a false positive rate (clamped to 0-1), one decimal.
    static func x(_ rate: Double) -> String { String(format: "%.1f", Double(left) + min(1, max(0, rate)) * Double(side)) }
    /// The SVG y of a recall (clamped to 0-1), one decimal; 1 is at the top.
    static func y(_ rate: Double) -> String { String(format: "%.1f", Double(top) + (1 - min(1, max(0, rate))) * Double(side)) }
}
