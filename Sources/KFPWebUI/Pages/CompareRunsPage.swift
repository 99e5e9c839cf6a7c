import Foundation
import KFPAPI
import KFPSpec

/// The compare page (`/compare?runlist=ID,ID,...`, KFP's route), for 2 to 10 runs: an overview
/// of each run, its parameters one column per run (rows whose values differ marked), the scalar
/// metrics of every `system.Metrics` artifact (the best value of each row marked), the ROC curves
/// of every `system.ClassificationMetrics` artifact overlaid in one SVG plot, the confusion
/// matrices side by side, and the HTML and Markdown artifacts side by side in sandboxed frames.
package struct CompareRunsPage: WebPage {
    /// What the page needs of one run.
    package struct ComparedRun: Sendable {
        package let run: Run
        package let experimentName: String
        /// `pipeline / version`, or `(inline spec)`.
        package let pipelineLabel: String
        package let pipelineURL: String?
        package let artifacts: [RunArtifact]

        package init(run: Run, experimentName: String, pipelineLabel: String, pipelineURL: String?, artifacts: [RunArtifact]) {
            self.run = run
            self.experimentName = experimentName
            self.pipelineLabel = pipelineLabel
            self.pipelineURL = pipelineURL
            self.artifacts = artifacts
        }
    }

    /// One run's column header and overview.
    package struct Column: Sendable, Equatable {
        package let id: String
        package let name: String
        package let state: String
        package let stateClass: String
        package let duration: String
        package let experimentID: String
        package let experimentName: String
        package let pipelineLabel: String
        package let pipelineURL: String?
        package let createdAt: String
    }

    package struct Cell: Sendable, Equatable {
        package let value: String
        /// The best value of a metrics row.
        package let best: Bool
    }

    /// A parameter or metric with one cell per run (`-` where a run has none).
    package struct Row: Sendable, Equatable {
        package let name: String
        package let cells: [Cell]
        /// The runs' values are not all the same.
        package let differs: Bool
    }

    /// The confusion matrix of one classification artifact of one run.
    package struct Matrix: Sendable {
        package let runID: String
        package let runName: String
        package let artifactLabel: String
        package let matrix: PreviewView.MatrixView
    }

    /// An HTML or Markdown output (by `task/output`) with each run's document.
    package struct DocumentRow: Sendable {
        package struct Entry: Sendable {
            package let runName: String
            /// For the sandboxed frame's `srcdoc` (escaped by the template).
            package let document: String?
            package let note: String?
        }
        package let label: String
        package let entries: [Entry]
    }

    package let columns: [Column]
    package let parameterRows: [Row]
    package let metricRows: [Row]
    /// One bar chart per metric that has a number in some run.
    package let metricCharts: [MetricBars]
    package let rocPlot: ROCPlot?
    package let matrices: [Matrix]
    package let documentRows: [DocumentRow]
    package var template: String { "compare-runs" }
    package var title: String { "Compare runs" }
    package var section: WebSection { .runs }
    /// The number of runs compared.
    package let runCount: Int

    /// - Parameter now: the time running runs' durations are measured to.
    package init(runs: [ComparedRun], previewer: ArtifactPreviewer, now: Date = Date()) {
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
