import Foundation
import KFPSpec

/// Metrics previews: they come from the artifact's metadata, as the KFP SDK's `Metrics`,
/// `ClassificationMetrics` and `SlicedClassificationMetrics` write it (`kfp/dsl/types/artifact_types.py`).
extension ArtifactPreviewer {
    /// The metadata keys that are not metrics (KFP adds `display_name` to every artifact).
    static let nonMetricKeys: Set<String> = ["display_name"]

    /// The scalar rows of `metadata`, sorted by name, without `display_name` and `excluded` keys.
    static func metricRows(_ metadata: [String: JSONValue], excluding excluded: Set<String> = []) -> [MetricRow] {
        metadata
            .filter { !nonMetricKeys.contains($0.key) && !excluded.contains($0.key) }
            .map { MetricRow(name: $0.key, value: DisplayFormat.value($0.value)) }
            .sorted { $0.name < $1.name }
    }

    /// The slices of `system.SlicedClassificationMetrics` metadata:
    /// `evaluationSlices: [{slice, sliceClassificationMetrics: {confusionMatrix, confidenceMetrics}}]`.
    static func slices(_ metadata: [String: JSONValue]) -> [ClassificationPreview] {
        (metadata["evaluationSlices"]?.arrayValue ?? []).compactMap { entry in
            guard let object = entry.objectValue else { return nil }
            let metrics = object["sliceClassificationMetrics"]?.objectValue ?? [:]
            return classification(metrics, slice: object["slice"].map(DisplayFormat.value) ?? "")
        }
    }

    /// The confusion matrix and ROC points of `system.ClassificationMetrics` metadata:
    /// `confusionMatrix: {annotationSpecs: [{displayName}], rows: [{row: [number]}]}` and
    /// `confidenceMetrics: [{confidenceThreshold, recall, falsePositiveRate}]`. Entries of the wrong
    /// shape are skipped; a short row is padded with empty cells.
    static func classification(_ metadata: [String: JSONValue], slice: String?) -> ClassificationPreview {
        let confusion = metadata["confusionMatrix"]?.objectValue ?? [:]
        var labels = (confusion["annotationSpecs"]?.arrayValue ?? []).map { spec in
            spec.objectValue?["displayName"].map(DisplayFormat.value) ?? ""
        }
        let rows: [[JSONValue]] = (confusion["rows"]?.arrayValue ?? []).map { row in
            row.objectValue?["row"]?.arrayValue ?? row.arrayValue ?? []
        }
        let width = max(labels.count, rows.map(\.count).max() ?? 0)
        if labels.count < width {
            labels += (labels.count..<width).map { "\($0 + 1)" }
        }
        let largest = rows.joined().compactMap(\.numericValue).filter(\.isFinite).max() ?? 0
        let matrix = rows.map { row in
            (0..<width).map { column in
                column < row.count ? cell(row[column], largest: largest) : ConfusionCell(value: "", shade: 0)
            }
        }
        let rocPoints = (metadata["confidenceMetrics"]?.arrayValue ?? []).compactMap { entry -> ROCPoint? in
            guard let point = entry.objectValue,
                let fpr = point["falsePositiveRate"]?.numericValue,
                let tpr = point["recall"]?.numericValue
            else { return nil }
            return ROCPoint(
                falsePositiveRate: fpr, truePositiveRate: tpr,
                threshold: point["confidenceThreshold"]?.numericValue ?? 0)
        }
        return ClassificationPreview(
            slice: slice, labels: labels, matrix: matrix, rocPoints: rocPoints,
            otherMetrics: metricRows(metadata, excluding: ["confusionMatrix", "confidenceMetrics"]))
    }

    /// A confusion matrix cell: integral counts without a fraction, shaded against the largest cell.
    static func cell(_ value: JSONValue, largest: Double) -> ConfusionCell {
        guard let number = value.numericValue else { return ConfusionCell(value: DisplayFormat.value(value), shade: 0) }
        let text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : DisplayFormat.value(value)
        let shade = largest > 0 && number.isFinite ? Int((max(0, number) / largest * 100).rounded()) : 0
        return ConfusionCell(value: text, shade: min(100, shade))
    }
}
