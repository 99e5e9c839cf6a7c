public import KFPSpec

/// `system.Metrics`: scalar metrics, kept in the artifact's metadata (KFP's `dsl.Metrics`).
///
/// ```swift
/// @Output var metrics: Metrics
/// func run() async throws { metrics.log("accuracy", 0.93) }
/// ```
public struct Metrics: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .metrics }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }

    /// Sets `metadata[metric]` to `value` (KFP's `log_metric`).
    public mutating func log(_ metric: String, _ value: Double) {
        metadata[metric] = .double(value)
    }
}

/// `system.ClassificationMetrics`: an ROC curve and a confusion matrix, kept in the artifact's
/// metadata as KFP's `dsl.ClassificationMetrics` keeps them (`confidenceMetrics`,
/// `confusionMatrix`), which the UI plots.
public struct ClassificationMetrics: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .classificationMetrics }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }

    /// A mistake in what is logged: lists of different lengths, a matrix that is not square in
    /// the number of categories.
    public struct LogError: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public let description: String
    }

    /// Appends one ROC point `{confidenceThreshold, recall, falsePositiveRate}` to
    /// `metadata.confidenceMetrics` (KFP's `log_roc_data_point`).
    public mutating func logROCPoint(falsePositiveRate: Double, truePositiveRate: Double, threshold: Double) {
        let point: JSONValue = .object([
            "confidenceThreshold": .double(threshold), "recall": .double(truePositiveRate),
            "falsePositiveRate": .double(falsePositiveRate),
        ])
        metadata["confidenceMetrics"] = .array((metadata["confidenceMetrics"]?.arrayValue ?? []) + [point])
    }

    /// Appends an ROC curve point by point (KFP's `log_roc_curve`).
    ///
    /// - Throws: ``LogError`` when the three lists differ in length.
    public mutating func logROCCurve(falsePositiveRates: [Double], truePositiveRates: [Double], thresholds: [Double]) throws {
        guard falsePositiveRates.count == truePositiveRates.count, truePositiveRates.count == thresholds.count else {
            throw LogError(
                description:
                    "the ROC curve's lists must have one length; found \(falsePositiveRates.count) false positive rates, \(truePositiveRates.count) true positive rates and \(thresholds.count) thresholds"
            )
        }
        for index in thresholds.indices {
            logROCPoint(
                falsePositiveRate: falsePositiveRates[index], truePositiveRate: truePositiveRates[index],
                threshold: thresholds[index])
        }
    }

    /// Sets `metadata.confusionMatrix` to `{annotationSpecs: [{displayName}], rows: [{row}]}`
    /// (KFP's `log_confusion_matrix`): `matrix[i][j]` counts items of `categories[i]` predicted as
    /// `categories[j]`.
    ///
    /// - Throws: ``LogError`` when the matrix is not `categories.count` by `categories.count`.
    public mutating func logConfusionMatrix(categories: [String], matrix: [[Int]]) throws {
        guard matrix.count == categories.count, matrix.allSatisfy({ $0.count == categories.count }) else {
            throw LogError(
                description:
                    "the confusion matrix must be \(categories.count) by \(categories.count) for categories \(categories); found \(matrix.count) rows of \(matrix.map(\.count)) values"
            )
        }
        metadata["confusionMatrix"] = .object([
            "annotationSpecs": .array(categories.map { .object(["displayName": .string($0)]) }),
            "rows": .array(matrix.map { .object(["row": .array($0.map { .int($0) })]) }),
        ])
    }
}
