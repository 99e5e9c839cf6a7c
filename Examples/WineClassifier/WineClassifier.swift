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

    /// The Swift components the pipeline runs, for a `PipelineTool` that runs them.
    ///
    /// - Throws: `DefinitionError` when a component's declarations are wrong.
    public static func components() throws -> (split: Component, train: Component, evaluate: Component) {
        (try Component(swift: SplitData.self), try Component(swift: TrainClassifier.self), try Component(swift: EvaluateClassifier.self))
    }

    /// The pipeline: `data_uri` (default: the bundled data) → split → train A and train B →
    /// evaluate A and evaluate B.
    ///
    /// - Throws: `DefinitionError`.
    public static func pipeline() throws -> Pipeline {
        let steps = try components()
        return try Pipeline(pipelineName, description: "Splits the wine data, trains two k-NN classifiers and evaluates them.") { p in
            let dataURI = p.parameter("data_uri", .string, default: .string(dataset.path), description: "The wine data to import")
            let testFraction = p.parameter("test_fraction", .numberDouble, default: 0.3)
            let neighboursA = p.parameter("neighbours_a", .numberInteger, default: 1)
            let neighboursB = p.parameter("neighbours_b", .numberInteger, default: 7)
            let data = p.importer(uri: dataURI, type: .dataset)
            let split = p.task(steps.split, ["data": data.output, "testFraction": testFraction])
            for (neighbours, standardize) in [(neighboursA, false), (neighboursB, true)] {
                let train = p.task(
                    steps.train, ["train": split.outputs["train"], "neighbours": neighbours, "standardize": standardize])
                p.task(steps.evaluate, ["model": train.outputs["model"], "test": split.outputs["test"]])
            }
        }
    }
}
