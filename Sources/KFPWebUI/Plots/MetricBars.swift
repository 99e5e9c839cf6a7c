import Foundation

/// One metric across runs as a horizontal bar chart drawn as SVG on the server: a bar per run
/// from zero to its value (runs without a number get no bar), the best value's bar marked. The
/// compare page draws one per numeric metric; labels reach the page through the `metric-bars`
/// template, so they stay text.
package struct MetricBars: Sendable {
    package struct Bar: Sendable, Equatable {
        /// The run's name, cut to 28 characters (the full name in the bar's title).
        package let label: String
        package let fullLabel: String
        /// The value as the tables show it (`-` for none).
        package let value: String
        package let x: Int
        package let width: Int
        /// The bar's top and the text baseline.
        package let y: Int
        package let textY: Int
        package let color: String
        package let best: Bool
    }

    static let labelWidth = 190, barArea = 220, rowHeight = 22

    package let name: String
    package let bars: [Bar]
    package let width: Int
    package let height: Int
    /// Where zero is (SVG units).
    package let zeroX: Int
    package let labelRight = MetricBars.labelWidth - 8

    /// - Parameters:
    ///   - entries: per run, its label and its value as text and as a number (nil when not a number).
    ///   - best: the indices of the best values.
    /// - Returns: nil when fewer than one value is a finite number.
    package init?(name: String, entries: [(label: String, text: String, number: Double?)], best: Set<Int>) {
        let numbers = entries.compactMap(\.number).filter(\.isFinite)
        guard let low = numbers.min(), let high = numbers.max() else { return nil }
        let lower = min(0, low), upper = max(0, high)
        let span = upper - lower > 0 ? upper - lower : 1
        let scale = { (value: Double) in Self.labelWidth + Int(((value - lower) / span * Double(Self.barArea)).rounded()) }
        self.name = name
        zeroX = scale(0)
        bars = entries.enumerated().map { index, entry in
            let end = entry.number.flatMap { $0.isFinite ? scale($0) : nil } ?? scale(0)
            let label = entry.label.count > 28 ? String(entry.label.prefix(27)) + "…" : entry.label
            return Bar(
                label: label, fullLabel: entry.label, value: entry.text, x: min(end, scale(0)), width: abs(end - scale(0)),
                y: 4 + index * Self.rowHeight, textY: 4 + index * Self.rowHeight + 13,
                color: ROCPlot.palette[index % ROCPlot.palette.count], best: best.contains(index))
        }
        width = Self.labelWidth + Self.barArea + 70
        height = 8 + entries.count * Self.rowHeight
    }
}
