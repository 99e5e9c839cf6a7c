import Foundation
import KFP

/// Evaluates a classifier on the test rows: accuracy as `system.Metrics`, the confusion matrix and
/// the ROC curve of the first class against the others as `system.ClassificationMetrics`.
public struct EvaluateClassifier: SwiftComponent {
    public static let configuration = ComponentConfiguration(description: "Evaluates a classifier on the test rows.")

    @Input(description: "The classifier") public var model: Model
    @Input(description: "The test rows") public var test: Dataset
    @Output(description: "Accuracy and row count") public var metrics: Metrics
    @Output(description: "Confusion matrix and ROC curve of the first class") public var classification: ClassificationMetrics
    @Output(description: "The share of test rows classified right") public var accuracy: Double

    public init() {}

    public func run() async throws {
        let classifier = try JSONDecoder().decode(NearestNeighbours.self, from: Data(contentsOf: URL(fileURLWithPath: model.path)))
        let rows = try WineData(contentsOf: test.path).rows(path: test.path)
        let classes = classifier.classNames.count
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var scores: [(score: Double, positive: Bool)] = []
        for row in rows {
            let votes = classifier.votes(for: row.features)
            matrix[row.label][classifier.predict(row.features)] += 1
            scores.append((Double(votes[0]) / Double(classifier.neighbours), row.label == 0))
        }
        let correct = matrix.indices.map { matrix[$0][$0] }.reduce(0, +)
        accuracy = rows.isEmpty ? 0 : Double(correct) / Double(rows.count)
        metrics.log("accuracy", accuracy)
        metrics.log("test_rows", Double(rows.count))
        try classification.logConfusionMatrix(categories: classifier.classNames, matrix: matrix)
        let curve = Self.rocCurve(scores)
        try classification.logROCCurve(
            falsePositiveRates: curve.map(\.falsePositiveRate), truePositiveRates: curve.map(\.truePositiveRate),
            thresholds: curve.map(\.threshold))
    }

    /// One point per distinct score, highest first: the rates of calling positive every row whose
    /// score is at least the threshold.
    static func rocCurve(_ scores: [(score: Double, positive: Bool)]) -> [(falsePositiveRate: Double, truePositiveRate: Double, threshold: Double)] {
        let positives = Double(scores.filter(\.positive).count)
        let negatives = Double(scores.count) - positives
        return Set(scores.map(\.score)).sorted(by: >).map { threshold in
            let called = scores.filter { $0.score >= threshold }
            let truePositives = Double(called.filter(\.positive).count)
            let falsePositives = Double(called.count) - truePositives
            return (negatives > 0 ? falsePositives / negatives : 0, positives > 0 ? truePositives / positives : 0, threshold)
        }
    }
}
