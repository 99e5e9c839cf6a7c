import Foundation
import KFP
import KFPSpec

/// Splits the wine data into a training and a test set: rows shuffled with a seeded generator,
/// the first `testFraction` of them (rounded) for the test set.
public struct SplitData: SwiftComponent {
    public static let configuration = ComponentConfiguration(description: "Splits the wine data into training and test rows.")

    @Input(description: "The wine data (scikit-learn's wine_data.csv layout)") var data: Dataset
    @Input(description: "The share of rows held out for testing") public var testFraction: Double = 0.3
    @Input(description: "The shuffle's seed") public var seed: Int = 7
    @Output(description: "The training rows") public var train: Dataset
    @Output(description: "The test rows") public var test: Dataset
    @Output(description: "How many rows were held out") public var testRows: Int

    public init() {}

    public func run() async throws {
        guard testFraction > 0, testFraction < 1 else {
            throw WineData.FormatError(description: "testFraction must be between 0 and 1 (exclusive), found \(testFraction)")
        }
        let all = try WineData(contentsOf: data.path)
        var generator = SeededGenerator(seed: seed)
        let order = all.lines.indices.shuffled(using: &generator)
        let held = Int((Double(all.lines.count) * testFraction).rounded())
        let testLines = order.prefix(held).map { all.lines[$0] }
        let trainLines = order.dropFirst(held).map { all.lines[$0] }
        try WineData(classNames: all.classNames, featureCount: all.featureCount, lines: trainLines).text
            .write(toFile: train.path, atomically: true, encoding: .utf8)
        try WineData(classNames: all.classNames, featureCount: all.featureCount, lines: testLines).text
            .write(toFile: test.path, atomically: true, encoding: .utf8)
        train.metadata["rows"] = .int(trainLines.count)
        test.metadata["rows"] = .int(testLines.count)
        testRows = testLines.count
    }
}
