import Foundation
import KFP
import KFPSpec

/// Fits a k-nearest-neighbours classifier on the training rows and saves it as JSON.
public struct TrainClassifier: SwiftComponent {
    public static let configuration = ComponentConfiguration(description: "Fits a k-nearest-neighbours classifier.")

    @Input(description: "The training rows") public var train: Dataset
    @Input(description: "How many neighbours vote") public var neighbours: Int = 5
    @Input(description: "Whether features are standardized with the training means and deviations") public var standardize: Bool = true
    @Output(description: "The classifier, as JSON") public var model: Model

    public init() {}

    public func run() async throws {
        guard neighbours >= 1 else {
            throw WineData.FormatError(description: "neighbours must be at least 1, found \(neighbours)")
        }
        let data = try WineData(contentsOf: train.path)
        let classifier = NearestNeighbours(
            neighbours: neighbours, standardize: standardize, classNames: data.classNames, rows: try data.rows(path: train.path))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(classifier).write(to: URL(fileURLWithPath: model.path))
        model.framework = "swift-knn"
        model.metadata["neighbours"] = .int(neighbours)
        model.metadata["standardize"] = .bool(standardize)
    }
}
