import Foundation
import KFPAPI
import KFPSpec

/// A pipeline's page (`/pipelines/{id}?version=…&layer=…`): its versions, the static graph of the
/// selected version's spec (sub-DAGs open as layers), the spec as YAML, and the actions: create a
/// run, upload a new version, delete the version or the pipeline.
public struct PipelineDetailsPage: WebPage {
    public struct Version: Sendable, Equatable {
        public let id: String
        public let name: String
        public let description: String
        public let createdAt: String
        public let url: String
        public let selected: Bool
    }

    public let id: String
    public let name: String
    public let description: String
    public let createdAt: String
    public let versions: [Version]
    /// False for a pipeline whose last version was deleted.
    public let hasVersion: Bool
    public let versionID: String
    public let versionName: String
    public let layerCrumbs: [RunDetailsPage.Crumb]
    public let layerLabel: String
    public let graphHTML: String
    /// The selected node's component panel, rendered by its template (nil when none is open).
    public let panelHTML: String?
    public let specYAML: String
    public let createRunURL: String
    public let parameters: [RunDetailsPage.Parameter]
    public var template: String { "pipeline-details" }
    public var title: String { name }
    public var section: WebSection { .pipelines }

    /// The version a pipeline page shows: the version, its spec and the spec's YAML.
    public struct Selection: Sendable {
        public let version: PipelineVersion
        public let spec: PipelineSpec
        public let specYAML: String

        public init(version: PipelineVersion, spec: PipelineSpec, specYAML: String) {
            self.version = version
            self.spec = spec
            self.specYAML = specYAML
        }
    }

    /// - Parameters:
    ///   - versions: the pipeline's versions (newest first), from `ListPipelineVersions`.
    ///   - selection: the version drawn, or nil for a pipeline without versions (the page then
    ///     offers to upload one or delete the pipeline).
    /// - Throws: ``GraphPathError`` when `layerPath` names no DAG of the spec.
    public init(
        pipeline: UploadedPipeline, versions: [PipelineVersion], selection: Selection?, layerPath: String, node: String? = nil,
        renderer: PageRenderer
    ) throws {
        id = pipeline.pipelineID
        name = pipeline.displayName.isEmpty ? pipeline.name : pipeline.displayName
        description = pipeline.description
        createdAt = DisplayFormat.date(pipeline.createdAt)
        let base = "/pipelines/\(PageLink.escape(pipeline.pipelineID))"
        let selectedID = selection?.version.pipelineVersionID ?? ""
        self.versions = versions.map {
            Version(
                id: $0.pipelineVersionID, name: $0.displayName.isEmpty ? $0.name : $0.displayName, description: $0.description,
                createdAt: DisplayFormat.date($0.createdAt), url: PageLink.url(base, ["version": $0.pipelineVersionID]),
                selected: $0.pipelineVersionID == selectedID)
        }
        hasVersion = selection != nil
        versionID = selectedID
        versionName = selection.map { $0.version.displayName.isEmpty ? $0.version.name : $0.version.displayName } ?? ""
        specYAML = selection?.specYAML ?? ""
        createRunURL = PageLink.url("/runs/new", ["pipeline_id": pipeline.pipelineID, "version_id": selectedID])
        parameters = (selection?.spec.root.inputDefinitions?.parameters ?? [:]).sorted { $0.key < $1.key }.map { name, definition in
            RunDetailsPage.Parameter(
                name: name,
                value: "\(definition.parameterType?.rawValue ?? "STRING")\(definition.defaultValue.map { " = " + DisplayFormat.value($0, type: definition.parameterType ?? .string) } ?? "")")
        }
        let segments = layerPath.split(separator: "/").map(String.init)
        let versionURL = PageLink.url(base, ["version": selectedID])
        layerCrumbs = segments.isEmpty ? [] : [RunDetailsPage.Crumb(label: "Pipeline", url: versionURL)] + segments.indices.dropLast().map { index in
            RunDetailsPage.Crumb(
                label: segments[index], url: PageLink.url(base, ["version": selectedID, "layer": segments[...index].joined(separator: "/")]))
        }
        layerLabel = segments.last ?? "Pipeline"
        guard let selection else {
            graphHTML = ""
            panelHTML = nil
            return
        }
        let layer = segments.joined(separator: "/")
        let layout = GraphLayout(try PipelineGraph(spec: selection.spec, layerPath: layer))
        let panel = node.flatMap {
            ComponentPanel(spec: selection.spec, path: $0, closeURL: PageLink.url(base, ["version": selectedID, "layer": layer]))
        }
        panelHTML = panel.map { renderer.render($0, template: "component-panel") }
        let view = GraphView(layout: layout, layerPath: layer, states: nil, selectedPath: panel?.path) { node, path in
            node.opens ? PageLink.url(base, ["version": selectedID, "layer": path])
                : PageLink.url(base, ["version": selectedID, "layer": layer, "node": path])
        }
        graphHTML = renderer.render(view, template: "graph")
    }
}
