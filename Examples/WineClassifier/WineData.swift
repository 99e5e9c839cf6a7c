import Foundation

/// The wine data set as the example reads and writes it: scikit-learn's `wine_data.csv` layout, a
/// header line `ROWS,FEATURES,CLASS_NAME...` and then one line per wine with its 13 measurements
/// and its class (0, 1 or 2).
public struct WineData: Sendable, Equatable {
    /// The class names from the header (`class_0`, `class_1`, `class_2`).
    public var classNames: [String]
    /// The feature count from the header.
    public var featureCount: Int
    /// The data lines as they were read (kept as text, so a split writes them unchanged).
    public var lines: [String]

    /// A mistake in a data file: the file, the line and what was expected.
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Reads `path`.
    ///
    /// - Throws: ``FormatError`` naming the file and line when the header or a row is not in the
    ///   layout above; an I/O error when the file cannot be read.
    public init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw FormatError(description: "\(path):1: error: empty file; expected a header ROWS,FEATURES,CLASS_NAME...") }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        guard header.count >= 3, let features = Int(header[1]), features > 0 else {
            throw FormatError(description: "\(path):1: error: expected a header ROWS,FEATURES,CLASS_NAME...; found '\(header.joined(separator: ","))'")
        }
        self.classNames = Array(header.dropFirst(2))
        self.featureCount = features
        self.lines = lines
        for (index, _) in lines.enumerated() { _ = try row(index, path: path) }
    }

    /// Data with these parts.
    public init(classNames: [String], featureCount: Int, lines: [String]) {
        self.classNames = classNames
        self.featureCount = featureCount
        self.lines = lines
    }

    /// Row `index`: its features and its class.
    func row(_ index: Int, path: String = "data") throws -> (features: [Double], label: Int) {
        let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
        let values = fields.prefix(featureCount).compactMap { Double($0) }
        guard fields.count == featureCount + 1, values.count == featureCount, let label = Int(fields[featureCount]),
            classNames.indices.contains(label)
        else {
            throw FormatError(
                description:
                    "\(path):\(index + 2): error: expected \(featureCount) numbers and a class from 0 to \(classNames.count - 1); found '\(lines[index])'"
            )
        }
        return (values, label)
    }

    /// Every row.
    func rows(path: String) throws -> [(features: [Double], label: Int)] {
        try lines.indices.map { try row($0, path: path) }
    }

    /// The file's text: the header (with this data's row count) and the lines.
    public var text: String {
        ([([String(lines.count), String(featureCount)] + classNames).joined(separator: ",")] + lines)
            .joined(separator: "\n") + "\n"
    }
}

/// SplitMix64: a small seeded generator, so a split is the same on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: Int) {
        state = UInt64(bitPattern: Int64(seed))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
