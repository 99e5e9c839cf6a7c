import Foundation
import KFPAPI
import KFPSpec

/// The compare page (`/compare?runlist=ID,ID,...`, KFP's route), for 2 to 10 runs: an overview
/// of each run, its parameters one column per run (rows whose values differ marked), the scalar
/// metrics of every `system.Metrics` artifact (the best value of each row marked), the ROC curves
/// of every `system.ClassificationMetrics` artifact overlaid in one SVG plot, the confusion
/// matrices side by side, and the HTML and Markdown artifacts side by side in sandboxed frames.
public struct CompareRunsPage: WebPage {
    /// What the page needs of one run.
    public struct ComparedRun: Sendable {
        public let run: Run
        public let experimentName: String
        /// `pipeline / version`, or `(inline spec)`.
        public let pipelineLabel: String
        public let pipelineURL: String?
        public let artifacts: [RunArtifact]

        public init(run: Run, experimentName: String, pipelineLabel: String, pipelineURL: String?, artifacts: [RunArtifact]) {
            self.run = run
            self.experimentName = experimentName
            self.pipelineLabel = pipelineLabel
            self.pipelineURL = pipelineURL
            self.artifacts = artifacts
        }
    }

    /// One run's column header and overview.
    public struct Column: Sendable, Equatable {
        public let id: String
        public let name: String
        public let state: String
        public let stateClass: String
        public let duration: String
        public let experimentID: String
        public let experimentName: String
        public let pipelineLabel: String
        public let pipelineURL: String?
        public let createdAt: String
    }

    public struct Cell: Sendable, Equatable {
        public let value: String
        /// The best value of a metrics row.
        public let best: Bool
    }

    /// A parameter or metric with one cell per run (`-` where a run has none).
    public struct Row: Sendable, Equatable {
        public let name: String
        public let cells: [Cell]
        /// The runs' values are not all the same.
        public let differs: Bool
    }

    /// The confusion matrix of one classification artifact of one run.
    public struct Matrix: Sendable {
        public let runID: String
        public let runName: String
        public let artifactLabel: String
        public let matrix: PreviewView.MatrixView
    }

    /// An HTML or Markdown output (by `task/output`) with each run's document.
    public struct DocumentRow: Sendable {
        public struct Entry: Sendable {
            public let runName: String
            /// For the sandboxed frame's `srcdoc` (escaped by the template).
            public let document: String?
            public let note: String?
        }
        public let label: String
        public let entries: [Entry]
    }

    public let columns: [Column]
    public let parameterRows: [Row]
    public let metricRows: [Row]
    /// One bar chart per metric that has a number in some run.
    public let metricCharts: [MetricBars]
    public let rocPlot: ROCPlot?
    public let matrices: [Matrix]
    public let documentRows: [DocumentRow]
    public var template: String { "compare-runs" }
    public var title: String { "Compare runs" }
    public var section: WebSection { .runs }
    /// The number of runs compared.
    public let runCount: Int

    /// - Parameter now: the time running runs' durations are measured to.
    public init(runs: [ComparedRun], previewer: ArtifactPreviewer, now: Date = Date()) {
        columns = runs.map { compared in
            let run = compared.run
            return Column(
                id: run.runID, name: run.displayName, state: DisplayFormat.stateLabel(run.state), stateClass: DisplayFormat.stateClass(run.state),
                duration: DisplayFormat.duration(from: run.createdAt, to: run.finishedAt, now: run.state.isTerminal ? nil : now),
                experimentID: run.experimentID, experimentName: compared.experimentName, pipelineLabel: compared.pipelineLabel,
                pipelineURL: compared.pipelineURL, createdAt: DisplayFormat.date(run.createdAt))
        }
        runCount = runs.count
        parameterRows = Self.rows(runs.map { $0.run.runtimeConfig?.parameters ?? [:] }, markBest: false)
        let scalars = runs.map { RunMetrics.scalars($0.artifacts) }
        metricRows = Self.rows(scalars, markBest: true)
        metricCharts = metricRows.compactMap { row in
            MetricBars(
                name: row.name,
                entries: zip(runs, zip(row.cells, scalars)).map { compared, cell in
                    (compared.run.displayName, cell.0.value, cell.1[row.name]?.numericValue)
                },
                best: Set(row.cells.indices.filter { row.cells[$0].best }))
        }

        var curves: [ROCPlot.Curve] = []
        var matrices: [Matrix] = []
        for compared in runs {
            let classified = compared.artifacts.filter { $0.schemaTitle == "system.ClassificationMetrics" }
                .sorted { ($0.taskPath, $0.name) < ($1.taskPath, $1.name) }
            for artifact in classified {
                let preview = ArtifactPreviewer.classification(artifact.metadata, slice: nil)
                let label = classified.count > 1 ? "\(compared.run.displayName) · \(artifact.label)" : compared.run.displayName
                if !preview.rocPoints.isEmpty {
                    curves.append(ROCPlot.Curve(label: label, points: preview.rocPoints, runID: compared.run.runID))
                }
                if let matrix = PreviewView(.classification(preview)).matrix {
                    matrices.append(Matrix(runID: compared.run.runID, runName: compared.run.displayName, artifactLabel: artifact.label, matrix: matrix))
                }
            }
        }
        rocPlot = curves.isEmpty ? nil : ROCPlot(curves: curves)
        self.matrices = matrices
        documentRows = Self.documents(runs, previewer: previewer)
    }

    /// One row per name any run has, sorted by name.
    static func rows(_ values: [[String: JSONValue]], markBest: Bool) -> [Row] {
        let names = Set(values.flatMap(\.keys)).sorted()
        return names.map { name in
            let row = values.map { $0[name] }
            let best = markBest ? RunMetrics.best(row, metric: name) : []
            let texts = row.map { $0.map { DisplayFormat.value($0) } }
            return Row(
                name: name,
                cells: texts.enumerated().map { Cell(value: $0.element ?? "-", best: best.contains($0.offset)) },
                differs: Set(texts.map { $0 ?? "\u{0}missing" }).count > 1)
        }
    }

    /// The HTML and Markdown outputs, by `task/output`, with each run's preview.
    static func documents(_ runs: [ComparedRun], previewer: ArtifactPreviewer) -> [DocumentRow] {
        let kinds: Set<String> = ["system.HTML", "system.Markdown"]
        let labels = Set(runs.flatMap { $0.artifacts.filter { kinds.contains($0.schemaTitle) }.map(\.label) }).sorted()
        return labels.map { label in
            DocumentRow(label: label, entries: runs.map { compared in
                guard let artifact = compared.artifacts.first(where: { $0.label == label && kinds.contains($0.schemaTitle) }) else {
                    return DocumentRow.Entry(runName: compared.run.displayName, document: nil, note: "No such artifact in this run.")
                }
                let view = PreviewView(previewer.preview(schemaTitle: artifact.schemaTitle, metadata: artifact.metadata, file: artifact.file))
                return DocumentRow.Entry(runName: compared.run.displayName, document: view.document, note: view.document == nil ? view.note : nil)
            })
        }
    }
}
