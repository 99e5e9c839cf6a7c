import KFPSpec

/// The scalar metrics of a run: every entry of its `system.Metrics` artifacts' metadata, by name.
package enum RunMetrics {
    /// Metric name → value. A name that two metrics artifacts of the run both carry is qualified
    /// by its artifact, `train/metrics: accuracy`, so neither hides the other. Non-metric keys
    /// (`display_name`) are left out.
    package static func scalars(_ artifacts: [RunArtifact]) -> [String: JSONValue] {
        let metrics = artifacts.filter { $0.schemaTitle == "system.Metrics" }
            .sorted { ($0.taskPath, $0.name, $0.id) < ($1.taskPath, $1.name, $1.id) }
        var counts: [String: Int] = [:]
        for artifact in metrics {
            for key in artifact.metadata.keys where !ArtifactPreviewer.nonMetricKeys.contains(key) { counts[key, default: 0] += 1 }
        }
        var values: [String: JSONValue] = [:]
        for artifact in metrics {
            for (key, value) in artifact.metadata where !ArtifactPreviewer.nonMetricKeys.contains(key) {
                values[counts[key, default: 0] > 1 ? "\(artifact.label): \(key)" : key] = value
            }
        }
        return values
    }

    /// Whether a smaller value of the metric `name` is better: names with `loss`, `error`,
    /// `mse`, `mae`, `mape`, `perplexity`, `latency`, `duration` or `time` in them.
    package static func lowerIsBetter(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["loss", "error", "mse", "mae", "mape", "perplexity", "latency", "duration", "time"].contains { lowered.contains($0) }
    }

    /// The indices of the best numeric values (the largest, or the smallest for
    /// ``lowerIsBetter(_:)`` names); empty when fewer than two values are numbers or all are equal.
    package static func best(_ values: [JSONValue?], metric: String) -> Set<Int> {
        let numbers = values.enumerated().compactMap { index, value in value?.numericValue.map { (index, $0) } }
            .filter { $0.1.isFinite }
        guard numbers.count >= 2, let first = numbers.first?.1, numbers.contains(where: { $0.1 != first }) else { return [] }
        let target = lowerIsBetter(metric) ? numbers.map(\.1).min() : numbers.map(\.1).max()
        return Set(numbers.filter { $0.1 == target }.map(\.0))
    }
}
