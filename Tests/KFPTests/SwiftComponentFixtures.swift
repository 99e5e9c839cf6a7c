import Foundation
import KFP
import KFPSpec

/// A structured input of ``Summarize``.
struct SummaryStyle: Codable, Sendable, Equatable {
    var prefix: String
    var repeats: Int
}

/// A Swift component using every kind of input and output; ``SwiftComponentOracleTests`` runs the
/// same step written in Python (`summarize`) through KFP's `executor_main`.
struct Summarize: SwiftComponent {
    static let configuration = ComponentConfiguration(description: "Sums numbers and writes a report.")

    @Input(description: "Numbers to add") var numbers: [Int]
    @Input var style: SummaryStyle
    @Input var data: Dataset
    @Input var scale: Double = 2.0
    @Input var title: String?
    @Input var extras: [Model]?
    @Output(description: "The scaled sum") var total: Double
    @Output var count: Int
    @Output var report: Dataset
    @Output var metrics: Metrics

    init() {}

    func run() async throws {
        let text = try String(contentsOfFile: data.path, encoding: .utf8)
        total = Double(numbers.reduce(0, +)) * scale
        count = numbers.count
        let heading = String(repeating: style.prefix, count: style.repeats) + (title ?? "untitled")
        let extraNames = (extras ?? []).map(\.name).joined(separator: ",")
        try "\(heading): \(Int(total))\nextras: \(extraNames)\n\(text)".write(toFile: report.path, atomically: true, encoding: .utf8)
        report.metadata["lines"] = .int(text.split(separator: "\n").count)
        metrics.log("total", total)
        metrics.log("count", Double(numbers.count))
    }
}

/// A component whose step fails.
struct Fails: SwiftComponent {
    @Input var reason: String
    init() {}
    func run() async throws { throw ExecutionFailure(message: reason) }
}

struct ExecutionFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "gave up: \(message)" }
}

/// Declarations KFP cannot take, one per property.
struct BadDeclarations: SwiftComponent {
    @Input var same: Int
    @Input(name: "same") var other: String
    @Input var data: Dataset = Dataset()
    @Output var maybe: String?
    @Output var models: [Model]
    @Input(name: "with space") var spaced: Int
    init() {}
    func run() async throws {}
}
