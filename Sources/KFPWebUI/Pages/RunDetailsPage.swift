import Foundation
import KFPAPI
import KFPSpec

/// A run's page (`/runs/{id}?layer=…&task=…`): the graph of one DAG layer with each task's live
/// state (the page script refreshes it from `GET /apis/v2beta1/runs/{id}` while the run is not
/// finished), the layer breadcrumb for sub-DAGs and loop iterations, and either the run's details
/// and parameters or the selected task's panel.
package struct RunDetailsPage: WebPage {
    package struct Crumb: Sendable, Equatable {
        package let label: String
        package let url: String
    }

    package struct Parameter: Sendable, Equatable {
        package let name: String
        package let value: String
    }

    /// A ParallelFor layer: one tile per iteration.
    package struct Iterations: Sendable, Equatable {
        package struct Tile: Sendable, Equatable {
            package let index: Int
            package let path: String
            package let state: String
            package let stateClass: String
            package let url: String
        }
        package let tiles: [Tile]
    }

    package let id: String
    package let name: String
    package let description: String
    package let state: String
    package let stateClass: String
    package let terminal: Bool
    /// FAILED or CANCELED runs can be retried (KFP's rule).
    package let canRetry: Bool
    package let archived: Bool
    package let errorMessage: String?
    package let experimentID: String
    package let experimentName: String
    package let pipelineLabel: String
    package let pipelineURL: String?
    package let pipelineRoot: String
    package let createdAt: String
    package let finishedAt: String
    package let duration: String
    package let parameters: [Parameter]
    package let layerPath: String
    package let layerLabel: String
    package let layerCrumbs: [Crumb]
    package let iterations: Iterations?
    /// The graph's SVG, rendered by the graph template (escaped there).
    package let graphHTML: String
    /// The task panel, rendered by its template; nil shows the run's details.
    package let panelHTML: String?
    package let specYAML: String
    package let cloneURL: String
    package var template: String { "run-details" }
    package var title: String { name }
    package var section: WebSection { .runs }

    /// - Parameters:
    ///   - run: the API's `GetRun` answer.
    ///   - spec: the run's pipeline spec.
    ///   - layerPath: `""` (the root DAG), a sub-DAG path (`condition-1`), a loop (`for-loop-2`,
    ///     shown as its iterations) or an iteration (`for-loop-2/0`).
    ///   - panel: the selected task's panel, if one is open.
    /// - Throws: ``GraphPathError`` when `layerPath` names no DAG of the spec.
    package init(
        run: Run, spec: PipelineSpec, specYAML: String, layerPath: String, panel: TaskPanel?, experimentName: String,
        pipelineLabel: String, pipelineURL: String?, renderer: PageRenderer, now: Date = Date()
    ) throws {
        id = run.runID
        name = run.displayName
        description = run.description
        state = DisplayFormat.stateLabel(run.state)
        stateClass = DisplayFormat.stateClass(run.state)
        terminal = run.state.isTerminal
        canRetry = run.state == .failed || run.state == .canceled
        archived = run.storageState == .archived
        errorMessage = run.error.map(\.message).flatMap { $0.isEmpty ? nil : $0 }
        experimentID = run.experimentID
        self.experimentName = experimentName
        self.pipelineLabel = pipelineLabel
        self.pipelineURL = pipelineURL
        pipelineRoot = (run.runtimeConfig?.pipelineRoot).flatMap { $0.isEmpty ? nil : $0 } ?? "(the server's default)"
        createdAt = DisplayFormat.date(run.createdAt)
        finishedAt = DisplayFormat.date(run.finishedAt)
        duration = DisplayFormat.duration(from: run.createdAt, to: run.finishedAt, now: run.state.isTerminal ? nil : now)
        parameters = (run.runtimeConfig?.parameters ?? [:]).sorted { $0.key < $1.key }
            .map { Parameter(name: $0.key, value: DisplayFormat.value($0.value)) }
        self.specYAML = specYAML
        cloneURL = PageLink.url("/runs/new", ["clone": run.runID])
        let base = "/runs/\(PageLink.escape(run.runID))"
        let segments = layerPath.split(separator: "/").map(String.init)
        self.layerPath = segments.joined(separator: "/")
        layerCrumbs = segments.isEmpty ? [] : [Crumb(label: "Pipeline", url: base)] + segments.indices.dropLast().map { index in
            Crumb(label: Self.label(segments, index), url: PageLink.url(base, ["layer": segments[...index].joined(separator: "/")]))
        }
        layerLabel = segments.isEmpty ? "Pipeline" : Self.label(segments, segments.count - 1)
        let states = RunTaskStates.states(run)
        let selected = panel?.path
        if try Self.isLoop(spec: spec, segments: segments) {
            let prefix = self.layerPath + "/"
            var indexes = Set<Int>()
            for path in states.keys where path.hasPrefix(prefix) {
                if let index = Int(path.dropFirst(prefix.count).prefix { $0 != "/" }) { indexes.insert(index) }
            }
            iterations = Iterations(tiles: indexes.sorted().map { index in
                let path = prefix + String(index)
                let state = RunTaskStates.state(of: path, in: states)
                return Iterations.Tile(
                    index: index, path: path, state: DisplayFormat.stateLabel(state), stateClass: DisplayFormat.stateClass(state),
                    url: PageLink.url(base, ["layer": path]))
            })
            graphHTML = ""
        } else {
            iterations = nil
            let layout = GraphLayout(try PipelineGraph(spec: spec, layerPath: self.layerPath))
            let view = GraphView(layout: layout, layerPath: self.layerPath, states: states, selectedPath: selected) { node, path in
                node.opens ? PageLink.url(base, ["layer": path]) : PageLink.url(base, ["layer": segments.joined(separator: "/"), "task": path])
            }
            graphHTML = renderer.render(view, template: "graph")
        }
        panelHTML = panel.map { renderer.render($0, template: "task-panel") }
    }

    /// `iteration 3` for an index segment after a loop, else the task name.
    private static func label(_ segments: [String], _ index: Int) -> String {
        Int(segments[index]) != nil && index > 0 ? "iteration \(segments[index])" : segments[index]
    }

    /// Whether the layer is a ParallelFor task itself (not one of its iterations).
    private static func isLoop(spec: PipelineSpec, segments: [String]) throws -> Bool {
        guard let last = segments.last, Int(last) == nil else { return false }
        let parent = try PipelineGraph(spec: spec, layerPath: segments.dropLast().joined(separator: "/"))
        return parent.nodes.first { $0.id == last }?.kind == .loop
    }
}
