/// A k-nearest-neighbours classifier: the training rows (standardized when asked, with the
/// training data's means and scales) and their classes. Saved as the `Model` artifact's JSON.
public struct NearestNeighbours: Codable, Sendable, Equatable {
    public var neighbours: Int
    public var standardize: Bool
    public var classNames: [String]
    public var means: [Double]
    public var scales: [Double]
    public var rows: [[Double]]
    public var labels: [Int]

    /// Fits on `rows`: records the means and standard deviations (population) of each feature when
    /// `standardize`, else means 0 and scales 1.
    init(neighbours: Int, standardize: Bool, classNames: [String], rows: [(features: [Double], label: Int)]) {
        let width = rows.first?.features.count ?? 0
        var means = [Double](repeating: 0, count: width)
        var scales = [Double](repeating: 1, count: width)
        if standardize, !rows.isEmpty {
            for column in 0..<width {
                let values: [Double] = rows.map { $0.features[column] }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = Self.squaredDistance(values, [Double](repeating: mean, count: values.count)) / Double(values.count)
                means[column] = mean
                scales[column] = variance > 0 ? variance.squareRoot() : 1
            }
        }
        self.neighbours = neighbours
        self.standardize = standardize
        self.classNames = classNames
        self.means = means
        self.scales = scales
        self.rows = rows.map { Self.scaled($0.features, means: means, scales: scales) }
        self.labels = rows.map(\.label)
    }

    private static func scaled(_ features: [Double], means: [Double], scales: [Double]) -> [Double] {
        features.indices.map { (index: Int) -> Double in (features[index] - means[index]) / scales[index] }
    }

    private static func squaredDistance(_ left: [Double], _ right: [Double]) -> Double {
        var sum = 0.0
        for index in left.indices {
            let difference = left[index] - right[index]
            sum += difference * difference
        }
        return sum
    }

    /// The votes of the `neighbours` nearest training rows (squared Euclidean distance; ties go to
    /// the earlier row), one count per class.
    func votes(for features: [Double]) -> [Int] {
        let point = Self.scaled(features, means: means, scales: scales)
        let distances: [(index: Int, distance: Double)] = rows.indices.map { ($0, Self.squaredDistance(rows[$0], point)) }
        let nearest = distances.sorted { (left, right) -> Bool in
            left.distance == right.distance ? left.index < right.index : left.distance < right.distance
        }.prefix(neighbours)
        var votes = [Int](repeating: 0, count: classNames.count)
        for (index, _) in nearest { votes[labels[index]] += 1 }
        return votes
    }

    /// The class with the most votes (the lowest class on a tie).
    func predict(_ features: [Double]) -> Int {
        let counts = votes(for: features)
        return counts.indices.max { counts[$0] == counts[$1] ? $0 > $1 : counts[$0] < counts[$1] } ?? 0
    }
}
