public import Foundation
public import KFP
import KFPSpec

/// The example pipeline with steps written in Swift: split the wine data, train two
/// k-nearest-neighbours classifiers with different settings in parallel, and evaluate each
/// (`system.Metrics`, `system.ClassificationMetrics`).
///
/// The data (scikit-learn's wine data set, 178 wines, 13 measurements, 3 classes) ships with the
/// example and is imported by path.
public enum WineClassifier {
    /// The pipeline name.
    public static let pipelineName = "wine-classifier"

    /// The bundled `wine_data.csv`.
    public static var dataset: URL {
        Bundle.module.url(forResource: "Resources/wine_data", withExtension: "csv")
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources/wine_data.csv")
    }

    /// The pipeline: `data_uri` (default: the bundled data) → split → train A and train B →
    /// evaluate A and evaluate B, wired on typed handles (a `Dataset` cannot reach an `Int` input).
    ///
    /// - Throws: `DefinitionError`.
    public static func pipeline() throws -> Pipeline {
        try Pipeline(pipelineName, description: "Splits the wine data, trains two k-NN classifiers and evaluates them.") { p in
            let dataURI = p.parameter("data_uri", String.self, default: dataset.path, description: "The wine data to import")
            let testFraction = p.parameter("test_fraction", Double.self, default: 0.3)
            let neighboursA = p.parameter("neighbours_a", Int.self, default: 1)
            let neighboursB = p.parameter("neighbours_b", Int.self, default: 7)
            let data = p.importer(Dataset.self, uri: dataURI)
            let split = p.task(SplitData.self) {
                $0.$data = data
                $0.$testFraction = testFraction
            }
            for (neighbours, standardize) in [(neighboursA, false), (neighboursB, true)] {
                let train = p.task(TrainClassifier.self) {
                    $0.$train = split.outputs.$train
                    $0.$neighbours = neighbours
                    $0.$standardize = .constant(standardize)
                }
                p.task(EvaluateClassifier.self) {
                    $0.$model = train.outputs.$model
                    $0.$test = split.outputs.$test
                }
            }
        }
    }
}
